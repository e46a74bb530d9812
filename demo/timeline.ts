import { OfficeConfig } from '../src/domain/config/fields';
import { parseConfig } from '../src/domain/config/parse-config';
import { addDays, DateOnly, formatDateVn } from '../src/domain/dates';
import { CONFIG_HEADER_ROW, CONFIG_KEY_COLUMN, CONFIG_VALUE_COLUMN } from '../src/domain/master/layout';
import { columnLetter } from '../src/domain/plan/columns';
import { Cell } from './office';

/**
 * The days of the demo's year, counted from the deadlines the office's settings hold (the seed's
 * 10/01 for proposals, 31/01 for the district plan, 15/02 for unit plans), so the story keeps its
 * meaning — "three days before", "the due day", "overdue" — whatever the settings say.
 */
export interface Timeline {
  readonly fillIn: DateOnly;
  readonly proposalsBefore: DateOnly;
  readonly proposalsSubmitted: DateOnly;
  readonly proposalsDue: DateOnly;
  readonly proposalsOverdue: DateOnly;
  readonly proposalsLate: DateOnly;
  readonly firstConsolidation: DateOnly;
  readonly localPlan: DateOnly;
  readonly plansOnTime: DateOnly;
  readonly plansBefore: DateOnly;
  readonly plansEarly: DateOnly;
  readonly plansReturn: DateOnly;
  readonly plansDue: DateOnly;
  readonly plansOverdue: DateOnly;
  readonly plansLate: DateOnly;
  readonly finalConsolidation: DateOnly;
  readonly documents: DateOnly;
}

export function timelineOf(config: OfficeConfig): Timeline {
  const p = config.proposalDeadline;
  const d = config.unitPlanDeadline;
  const before = config.reminderDaysBefore;
  return {
    fillIn: addDays(p, -7),
    proposalsBefore: addDays(p, -before),
    proposalsSubmitted: addDays(p, -1),
    proposalsDue: p,
    proposalsOverdue: addDays(p, 1),
    proposalsLate: addDays(p, 2),
    firstConsolidation: addDays(p, 3),
    localPlan: addDays(config.localPlanDeadline, -3),
    plansOnTime: addDays(d, -5),
    plansBefore: addDays(d, -before),
    plansEarly: addDays(d, -before + 1),
    plansReturn: addDays(d, -1),
    plansDue: d,
    plansOverdue: addDays(d, 1),
    plansLate: addDays(d, 2),
    finalConsolidation: addDays(d, 3),
    documents: addDays(d, 4),
  };
}

/** The instant `hour`:00 on `date` in Vietnam (UTC+7, no daylight saving). */
export function vnTime(date: DateOnly, hour = 9): number {
  return Date.UTC(date.y, date.m - 1, date.d, hour - 7, 0, 0);
}

export const dayText = (date: DateOnly): string => formatDateVn(date);

/** The settings as the master's "Cấu hình" sheet holds them (read as the product reads them). */
export function configFromSheet(grid: readonly (readonly Cell[])[]): OfficeConfig {
  const rows = grid.slice(CONFIG_HEADER_ROW).map((r, i) => ({
    key: String(r[CONFIG_KEY_COLUMN - 1]),
    value: r[CONFIG_VALUE_COLUMN - 1],
    row: CONFIG_HEADER_ROW + 1 + i,
  }));
  const { config, problems } = parseConfig(rows, { valueColumn: columnLetter(CONFIG_VALUE_COLUMN) });
  if (!config)
    throw new Error(`the demo's settings do not parse: ${problems.map((p) => p.message).join('; ')}`);
  return config;
}
