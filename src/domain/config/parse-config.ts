import { CellValue, isBlank } from '../cell';
import { DateOnly, parseDateText } from '../dates';
import { Problem, valueText } from '../problem';
import { isEmail, splitEmails } from '../registry/emails';
import { CONFIG_FIELDS, ConfigField, OfficeConfig } from './fields';

export const CONFIG_SHEET = 'Cấu hình';

/** One row of the "Cấu hình" sheet as the adapter read it. */
export interface ConfigRow {
  readonly key: string;
  readonly value: CellValue;
  /** 1-based sheet row, to point problems at the cell. */
  readonly row: number;
}

export interface ConfigLayout {
  /** Column letter of the values ("C"). */
  readonly valueColumn: string;
}

type Parsed = string | number | DateOnly | readonly string[];

/**
 * Reads and validates the settings. Every problem names the sheet, the cell and the field;
 * the config is returned only when there is no error.
 */
export function parseConfig(
  rows: readonly ConfigRow[],
  layout: ConfigLayout,
): { config: OfficeConfig | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const byKey = new Map(rows.map((r) => [r.key.trim(), r]));
  const values: Record<string, Parsed> = {};

  for (const field of CONFIG_FIELDS) {
    const row = byKey.get(field.key);
    const problem = (message: string, value = ''): void => {
      problems.push({
        severity: 'error',
        sheet: CONFIG_SHEET,
        cell: row ? `${layout.valueColumn}${row.row}` : '',
        field: field.label,
        value,
        message,
      });
    };
    if (!row) {
      problem(`Thiếu dòng "${field.label}" (khóa ${field.key}). Chạy lại "Thiết lập ban đầu" để bổ sung.`);
      continue;
    }
    if (isBlank(row.value)) {
      if (field.required) problem(`Chưa nhập "${field.label}". ${field.help}`);
      values[field.key] = field.kind === 'emails' || field.kind === 'lines' ? [] : '';
      continue;
    }
    const result = parseField(field, row.value);
    if (typeof result === 'object' && 'error' in result) problem(result.error, valueText(row.value));
    else values[field.key] = result;
  }

  const dates = ['proposalDeadline', 'localPlanDeadline', 'unitPlanDeadline'] as const;
  const year = values.planYear;
  if (typeof year === 'number') {
    for (const key of dates) {
      const date = values[key] as DateOnly | undefined;
      if (date && typeof date === 'object' && 'y' in date && Math.abs(date.y - year) > 1) {
        const field = CONFIG_FIELDS.find((f) => f.key === key) as ConfigField;
        const row = byKey.get(key) as ConfigRow;
        problems.push({
          severity: 'error',
          sheet: CONFIG_SHEET,
          cell: `${layout.valueColumn}${row.row}`,
          field: field.label,
          value: valueText(date),
          message: `Hạn này không thuộc năm kế hoạch ${year} (hoặc năm liền trước). Kiểm tra lại năm.`,
        });
      }
    }
  }

  if (problems.length > 0) return { config: null, problems };
  return { config: values as unknown as OfficeConfig, problems };
}

function parseField(field: ConfigField, value: CellValue): Parsed | { error: string } {
  const text = typeof value === 'object' ? '' : String(value).normalize('NFC').trim();
  switch (field.kind) {
    case 'text':
    case 'id':
      return typeof value === 'object' ? { error: `Cần nhập chữ. ${field.help}` } : text;
    case 'year': {
      const year = typeof value === 'number' ? value : Number(text);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        return { error: 'Năm kế hoạch phải là số có 4 chữ số, ví dụ 2025.' };
      }
      return year;
    }
    case 'count': {
      const n = typeof value === 'number' ? value : Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 200)
        return { error: `Cần một số nguyên từ 1 đến 200. ${field.help}` };
      return n;
    }
    case 'date': {
      if (typeof value === 'object') return value;
      const date = parseDateText(text);
      return date ?? { error: 'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/02/2025.' };
    }
    case 'emails': {
      const emails = splitEmails(text);
      const bad = emails.filter((e) => !isEmail(e));
      if (bad.length > 0) return { error: `Email không hợp lệ: ${bad.join(', ')}.` };
      return emails;
    }
    case 'lines':
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
  }
}
