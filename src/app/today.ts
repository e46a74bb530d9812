import { DateOnly } from '../domain/dates';
import { scriptTimeZone } from '../gas/session';
import { dateOnlyOf } from '../gas/values';

/** Today's date where the office is (the script's time zone, Asia/Ho_Chi_Minh by the manifest). */
export function todayInScriptZone(): DateOnly {
  return dateOnlyOf(new Date(), scriptTimeZone());
}
