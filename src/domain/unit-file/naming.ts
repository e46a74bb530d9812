import { OfficeConfig } from '../config/fields';
import { Unit } from '../registry/unit';

/** "Kế hoạch CCHC 2025 - Phòng Tư pháp": year first, then the unit, as offices name their files. */
export function unitFileName(config: Pick<OfficeConfig, 'planYear'>, unit: Pick<Unit, 'name'>): string {
  return `Kế hoạch CCHC ${config.planYear} - ${unit.name}`;
}

export function unitFolderName(config: Pick<OfficeConfig, 'planYear'>): string {
  return `Kế hoạch CCHC ${config.planYear} - Tệp của các đơn vị`;
}

export const FILE_STATE_TEXT = {
  ok: 'Đã tạo, đã chia sẻ',
  trashed: 'Tệp đã bị chuyển vào thùng rác',
  missing: 'Không mở được tệp (đã bị xóa hoặc mất quyền truy cập)',
} as const;

/** A spreadsheet's link, from its id (what Drive's getUrl gives, without a call). */
export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}
