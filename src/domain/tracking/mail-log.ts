import { CellValue } from '../cell';
import { area, SheetSpec } from '../sheet-spec';
import { valueText } from '../problem';

/**
 * "Thư đã gửi": one row per email, appended BEFORE it is sent with the state "Đang gửi" (the
 * intent) and marked "Đã gửi" right after. It is the record that keeps a reminder tier (or a
 * return notice) from being sent twice, whatever call of a run fails:
 * - a row still "Đang gửi" means the run died between the intent and the mark — the email may or
 *   may not have gone. It counts as sent (the README promises never twice) and is reported as
 *   "Chưa rõ đã gửi" once, so a person can check the mailbox and tell the unit if needed;
 * - a send that Google refused with an error is marked "Lỗi, chưa gửi" and is sent again later,
 *   in the same row (`failedRow`): one row per email, so the log reads as if it had gone at once
 *   (the refusal itself is in "Nhật ký", with the run that met it);
 * - rows written before this state column existed have it empty: they were logged after sending.
 */
export const MAIL_LOG_SHEET = 'Thư đã gửi';
export const MAIL_LOG_HEADERS = [
  'Thời điểm',
  'Mã đơn vị',
  'Đơn vị',
  'Nội dung',
  'Vòng',
  'Mức nhắc',
  'Gửi đến',
  'Đồng gửi',
  'Tiêu đề',
  'Trạng thái gửi',
] as const;

export const MAIL_STATE_COLUMN = MAIL_LOG_HEADERS.length; // 1-based: the last column
export const MAIL_INTENT = 'Đang gửi';
export const MAIL_SENT = 'Đã gửi';
export const MAIL_FAILED = 'Lỗi, chưa gửi';
export const MAIL_UNCERTAIN = 'Chưa rõ đã gửi (lỗi giữa chừng)';

/** "Mức nhắc" of a return notice: one per decision, told apart by the decision's time. */
export function noticeTier(decidedAtMs: number): string {
  return `trả lại ${decidedAtMs}`;
}

function isNotice(tier: string): boolean {
  return tier.startsWith('trả lại ');
}

/** Does a row stand for an email that went (or may have gone: never twice)? */
function countsAsSent(state: string): boolean {
  return state !== MAIL_FAILED;
}

export function mailLogSpec(): SheetSpec {
  return {
    name: MAIL_LOG_SHEET,
    values: [[...MAIL_LOG_HEADERS]],
    columnWidths: [130, 80, 220, 200, 80, 100, 240, 200, 360, 160],
    frozenRows: 1,
    styles: [{ area: area(1, 1, 1, MAIL_LOG_HEADERS.length), bold: true, background: '#d9e2f3' }],
    // A real protection (admins only): a row here means "sent", so an edit could stop a reminder
    // or send every one again. Reminders run as an admin (a trigger as the admin who installed it).
    protections: [{ description: 'Thư đã gửi (do hệ thống ghi)' }],
  };
}

/** Rows below the header: a row that repeats the header (typed or a legacy glitch) is skipped. */
function logRows(grid: readonly (readonly CellValue[])[]): (readonly CellValue[])[] {
  return grid.filter((row) => valueText(row[5]) !== '' && valueText(row[5]) !== MAIL_LOG_HEADERS[5]);
}

/** Reminder tiers already sent (or possibly sent), by "code|round". */
export function sentTiers(grid: readonly (readonly CellValue[])[]): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const row of logRows(grid)) {
    const key = `${valueText(row[1])}|${valueText(row[4])}`;
    const tier = valueText(row[5]);
    if (isNotice(tier) || !countsAsSent(valueText(row[MAIL_STATE_COLUMN - 1]))) continue;
    sent.set(key, [...(sent.get(key) ?? []), tier]);
  }
  return sent;
}

/** Was this tier (or notice) of this unit and round sent, or may it have been? */
export function alreadySent(
  grid: readonly (readonly CellValue[])[],
  unitCode: string,
  roundKey: string,
  tier: string,
): boolean {
  return logRows(grid).some(
    (row) =>
      valueText(row[1]) === unitCode &&
      valueText(row[4]) === roundKey &&
      valueText(row[5]) === tier &&
      countsAsSent(valueText(row[MAIL_STATE_COLUMN - 1])),
  );
}

/** Emails whose run died between the intent and the mark: 1-based sheet rows and a description. */
export function unresolvedIntents(
  grid: readonly (readonly CellValue[])[],
): { readonly row: number; readonly text: string }[] {
  const found: { row: number; text: string }[] = [];
  grid.forEach((row, i) => {
    if (i === 0 || valueText(row[MAIL_STATE_COLUMN - 1]) !== MAIL_INTENT) return;
    found.push({ row: i + 1, text: `${valueText(row[2])} - ${valueText(row[3])}: ${valueText(row[8])}` });
  });
  return found;
}

/**
 * The 1-based sheet row of this email's "Lỗi, chưa gửi" row (a send Google refused), if any: the
 * retry sends it in that row rather than a second one. The last such row when there are several
 * (logs written before rows were reused).
 */
export function failedRow(
  grid: readonly (readonly CellValue[])[],
  unitCode: string,
  roundKey: string,
  tier: string,
): number | null {
  let found: number | null = null;
  grid.forEach((row, i) => {
    if (
      i > 0 &&
      valueText(row[1]) === unitCode &&
      valueText(row[4]) === roundKey &&
      valueText(row[5]) === tier &&
      valueText(row[MAIL_STATE_COLUMN - 1]) === MAIL_FAILED
    )
      found = i + 1;
  });
  return found;
}

/** Emails that went (or may have gone) in rows from `firstRow` (1-based) on: a run's own rows. */
export function sentFromRow(grid: readonly (readonly CellValue[])[], firstRow: number): number {
  return grid.filter(
    (row, i) =>
      i + 1 >= firstRow &&
      i > 0 &&
      valueText(row[5]) !== '' &&
      countsAsSent(valueText(row[MAIL_STATE_COLUMN - 1])),
  ).length;
}
