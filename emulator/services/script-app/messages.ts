/**
 * ScriptApp's error texts. "Seen" = quoted from a real Apps Script run in public code or logs;
 * "guessed" = no source found, kept short and in Apps Script's style — replace when one is seen.
 */

/** Seen: logged from real runs (the 21st installable trigger of one user in one script). */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** Seen: a real run logged `Exception: The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.` */
export const EVERY_MINUTES_INVALID =
  'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.';

/**
 * Guessed, by analogy with everyMinutes. The reference documents no restriction on everyHours,
 * but the trigger editor offers only 1, 2, 4, 6, 8 and 12 hours and several characterizations
 * treat the API alike: the emulator takes that stricter set.
 */
export const EVERY_HOURS_INVALID =
  'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.';

/**
 * Seen: deleting the Trigger object that create() returned, in the same execution, fails with
 * this text (a public spike's log; deleting the copy from getProjectTriggers() works). The
 * emulator also uses it, guessed, for a trigger that was already deleted.
 */
export const DELETE_TRIGGER_FAILED =
  'Unexpected error while getting the method or property deleteTrigger on object ScriptApp.';

/** Guessed. */
export const NO_SCHEDULE =
  'A clock trigger needs a schedule: call after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay or onMonthDay before create().';
/** Guessed. */
export const TWO_SCHEDULES = 'A clock trigger can have only one schedule.';
/** Guessed: atHour/nearMinute/onWeekDay on a schedule that has no such part. */
export function notWith(method: string): string {
  return `${method} cannot be used with this schedule.`;
}
/** Guessed, in the "Invalid argument: x" style Apps Script uses for out-of-range values. */
export function invalidArgument(name: string): string {
  return `Invalid argument: ${name}`;
}
/** Guessed: a spreadsheet trigger builder with no event chosen (or more than one). */
export const NO_EVENT =
  'A spreadsheet trigger needs exactly one event: onOpen, onEdit, onChange or onFormSubmit.';

/**
 * Apps Script's text for a trigger whose handler is not a top-level function of the project
 * (seen in execution logs: "Script function not found: name").
 */
export function functionNotFound(name: string): string {
  return `Script function not found: ${name}`;
}
