import { CellValue } from '../cell';
import { area, SheetSpec } from '../sheet-spec';
import { valueText } from '../problem';

/**
 * "Thư đã gửi": one row per email, appended right after it is sent. It is the record that keeps a
 * reminder tier from being sent twice, even when a run stops between two emails.
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
] as const;

export function mailLogSpec(): SheetSpec {
  return {
    name: MAIL_LOG_SHEET,
    values: [[...MAIL_LOG_HEADERS]],
    columnWidths: [130, 80, 220, 200, 80, 100, 240, 200, 360],
    frozenRows: 1,
    styles: [{ area: area(1, 1, 1, MAIL_LOG_HEADERS.length), bold: true, background: '#d9e2f3' }],
    // A real protection (admins only): a row here means "sent", so an edit could stop a reminder
    // or send every one again. Reminders run as an admin (a trigger as the admin who installed it).
    protections: [{ description: 'Thư đã gửi (do hệ thống ghi)' }],
  };
}

/** Tiers already sent, by "code|round". */
export function sentTiers(grid: readonly (readonly CellValue[])[]): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const row of grid.slice(1)) {
    const key = `${valueText(row[1])}|${valueText(row[4])}`;
    const tier = valueText(row[5]);
    if (!tier) continue;
    sent.set(key, [...(sent.get(key) ?? []), tier]);
  }
  return sent;
}
