import { compareDates, DateOnly, formatDateVn, parseDateText } from '../dates';
import { makeDate } from '../parse/calendar';
import { normalizeText, plainKey } from '../text/normalize';

/**
 * A reporting period of the plan year: the office sets, for each, the day the figures are taken
 * (cut-off), the day units send their progress, and the day its own report is due upstream.
 *
 * Defaults follow Văn bản 581/BNV-CCHC of the Ministry of Home Affairs on periodic CCHC reports
 * (quarter I, six months, quarter III, year): figures are taken up to the 14th of the period's
 * last month (14/3, 14/6, 14/9, 14/12 — the cut-off of Nghị định 09/2019/NĐ-CP, Art. 12), and a
 * province's report reaches the Ministry by the 20th of that month. A commune (or the 2025
 * district) reports to the province, which must itself report by the 20th, so its own report is
 * due earlier (the 18th). Units are due two days after the cut-off (the 16th), leaving the office
 * time to chase and consolidate. Every date is configuration: these are only what setup proposes.
 */
export interface ReportingPeriod {
  /** Stable identity (sheet names, snapshots): the plain form of the name ("quy-i", "6-thang"). */
  readonly key: string;
  /** As people write it: "Quý I", "6 tháng", "Quý III", "Năm". */
  readonly name: string;
  /** The figures are as of this day: a task completed later does not count in this period. */
  readonly cutOff: DateOnly;
  /** Units send their progress by this day. */
  readonly unitDue: DateOnly;
  /** The office's own report is due upstream by this day. */
  readonly officeDue: DateOnly;
}

/** Which level's office reports: a province reports to the Ministry, others to the province. */
export type ReportingLevel = 'tỉnh' | 'xã' | 'huyện';

const USUAL_PERIODS: readonly { readonly name: string; readonly month: number }[] = [
  { name: 'Quý I', month: 3 },
  { name: '6 tháng', month: 6 },
  { name: 'Quý III', month: 9 },
  { name: 'Năm', month: 12 },
];

export const DEFAULT_CUT_OFF_DAY = 14;
export const DEFAULT_UNIT_DUE_DAY = 16;
/** Văn bản 581/BNV-CCHC: provinces report "chậm nhất là ngày 20 của tháng cuối kỳ báo cáo". */
export const PROVINCE_REPORT_DAY = 20;
export const LOWER_LEVEL_REPORT_DAY = 18;

/** The plain key of a period name: "Quý I" → "quy-i", "6 tháng" → "6-thang". */
export function periodKey(name: string): string {
  return plainKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The four usual periods of `year` for an office of `level`. */
export function defaultPeriods(year: number, level: ReportingLevel): ReportingPeriod[] {
  const officeDay = level === 'tỉnh' ? PROVINCE_REPORT_DAY : LOWER_LEVEL_REPORT_DAY;
  return USUAL_PERIODS.map(({ name, month }) => ({
    key: periodKey(name),
    name,
    cutOff: { y: year, m: month, d: DEFAULT_CUT_OFF_DAY },
    unitDue: { y: year, m: month, d: DEFAULT_UNIT_DUE_DAY },
    officeDue: { y: year, m: month, d: officeDay },
  }));
}

/** One line of the setting: "Quý I | 14/03/2026 | 16/03/2026 | 20/03/2026". */
export function formatPeriodLine(p: ReportingPeriod): string {
  return [p.name, formatDateVn(p.cutOff), formatDateVn(p.unitDue), formatDateVn(p.officeDue)].join(' | ');
}

export const PERIOD_LINE_FORM = 'Tên kỳ | ngày chốt số liệu | hạn đơn vị gửi | hạn báo cáo của cơ quan';

/** Reads "d/m/yyyy" or "d/m" (the plan year). */
function readDate(text: string, year: number): DateOnly | null {
  const full = parseDateText(text);
  if (full) return full;
  const short = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text.trim());
  return short ? makeDate(year, Number(short[2]), Number(short[1])) : null;
}

const DATE_LABELS = ['ngày chốt số liệu', 'hạn đơn vị gửi', 'hạn báo cáo của cơ quan'] as const;

/** One line of the setting, or what is wrong with it (Vietnamese, quoting the line). */
export function parsePeriodLine(line: string, year: number): ReportingPeriod | { error: string } {
  const parts = line.split('|').map((p) => normalizeText(p));
  const name = parts[0] ?? '';
  if (name === '' || periodKey(name) === '') return { error: `Dòng "${line}" thiếu tên kỳ báo cáo.` };
  if (parts.length !== 4) {
    return { error: `Kỳ "${name}": cần đủ 4 phần cách nhau bởi dấu "|": ${PERIOD_LINE_FORM}.` };
  }
  const dates: DateOnly[] = [];
  for (let i = 0; i < 3; i++) {
    const date = readDate(parts[i + 1], year);
    if (!date) {
      return {
        error: `Kỳ "${name}": ${DATE_LABELS[i]} "${parts[i + 1]}" không đọc được; nhập ngày/tháng/năm.`,
      };
    }
    if (date.y !== year && !(i === 2 && date.y === year + 1)) {
      // Only the office's year-end report may fall in January of the next year.
      return {
        error: `Kỳ "${name}": ${DATE_LABELS[i]} ${formatDateVn(date)} không thuộc năm kế hoạch ${year}.`,
      };
    }
    dates.push(date);
  }
  const [cutOff, unitDue, officeDue] = dates;
  if (compareDates(unitDue, cutOff) < 0) {
    return {
      error: `Kỳ "${name}": hạn đơn vị gửi (${formatDateVn(unitDue)}) trước ngày chốt số liệu (${formatDateVn(cutOff)}).`,
    };
  }
  if (compareDates(officeDue, unitDue) < 0) {
    return {
      error: `Kỳ "${name}": hạn báo cáo của cơ quan (${formatDateVn(officeDue)}) trước hạn đơn vị gửi (${formatDateVn(unitDue)}).`,
    };
  }
  return { key: periodKey(name), name, cutOff, unitDue, officeDue };
}

const FULL_DATE = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/g;

/**
 * A setting written for another year — the office changed "Năm kế hoạch" and left the periods of
 * last year's setup — is read as the same days and months of the plan year, as the defaults would
 * be: the year of its first date is moved to the plan year (and the year after it, the office's
 * year-end report, to the year after the plan year). Any other year is left, and refused.
 */
function inPlanYear(text: string, year: number): string {
  FULL_DATE.lastIndex = 0;
  const first = FULL_DATE.exec(text);
  const written = first ? Number(first[4]) : year;
  if (written === year) return text;
  return text.replace(FULL_DATE, (all, d: string, sep: string, m: string, y: string) => {
    const shift = Number(y) === written ? 0 : Number(y) === written + 1 ? 1 : null;
    return shift === null ? all : `${d}${sep}${m}${sep}${year + shift}`;
  });
}

/**
 * The whole setting: one period per line, in the order of their cut-offs, each name once. An
 * empty setting is an error (there is nothing to report on).
 */
export function parsePeriods(text: string, year: number): ReportingPeriod[] | { error: string } {
  const periods: ReportingPeriod[] = [];
  for (const line of inPlanYear(text, year)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')) {
    const period = parsePeriodLine(line, year);
    if ('error' in period) return period;
    const twin = periods.find((p) => p.key === period.key);
    if (twin) return { error: `Kỳ "${period.name}" ghi hai lần (trùng với "${twin.name}").` };
    const previous = periods[periods.length - 1];
    if (previous && compareDates(period.cutOff, previous.cutOff) <= 0) {
      return {
        error: `Kỳ "${period.name}": ngày chốt số liệu phải sau ngày chốt của kỳ trước ("${previous.name}", ${formatDateVn(previous.cutOff)}). Ghi các kỳ theo thứ tự thời gian.`,
      };
    }
    periods.push(period);
  }
  return periods.length > 0
    ? periods
    : { error: `Cần ít nhất một kỳ báo cáo, mỗi kỳ một dòng: ${PERIOD_LINE_FORM}.` };
}

/** The period a sheet or snapshot names, by key. */
export function periodByKey(periods: readonly ReportingPeriod[], key: string): ReportingPeriod | undefined {
  return periods.find((p) => p.key === key);
}
