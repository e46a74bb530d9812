import { CellValue, isBlank } from '../cell';
import { DateOnly, parseDateText } from '../dates';
import { Problem, valueText } from '../problem';
import { isEmail, splitEmails } from '../registry/emails';
import { CONFIG_FIELDS, ConfigField, GoogleAccountType, OfficeConfig } from './fields';
import { Level, parseLevel, parseUnitKindLine, presetFor, UnitKindSpec } from './levels';
import { shortNameOf } from './names';
import { parsePeriods, ReportingPeriod } from '../progress/periods';

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

type Parsed =
  string | number | DateOnly | readonly string[] | readonly UnitKindSpec[] | readonly ReportingPeriod[];

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
  // The level decides the defaults of the settings added after 2025 (read first for that).
  const levelRow = byKey.get('level');
  const level: Level = (levelRow && parseLevel(valueText(levelRow.value))) || 'huyện';
  const yearRow = byKey.get('planYear');
  const yearValue = yearRow ? Number(valueText(yearRow.value)) : NaN;
  const defaultYear = Number.isInteger(yearValue) ? yearValue : new Date().getFullYear();
  // Periods are checked against the plan year: with the year itself wrong, only the year is reported.
  const yearReadable = Number.isInteger(yearValue) && yearValue >= 2000 && yearValue <= 2100;

  for (const field of CONFIG_FIELDS) {
    const row = byKey.get(field.key);
    if (field.kind === 'periods' && !yearReadable) {
      values[field.key] = [];
      continue;
    }
    if (field.fromLevel && (!row || isBlank(row.value))) {
      const fallback = field.defaultValue(defaultYear, presetFor(level));
      const parsed = fallback === '' ? '' : parseField(field, fallback, defaultYear);
      values[field.key] = typeof parsed === 'object' && 'error' in parsed ? '' : parsed;
      continue;
    }
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
    const result = parseField(field, row.value, defaultYear);
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
  const guidance = CONFIG_FIELDS.filter((f) => f.key.startsWith('guidance')).map((f) => {
    const lines = values[f.key] as readonly string[];
    delete values[f.key];
    return lines;
  });
  const joined = (key: string) => (values[key] as readonly string[]).join('\n');
  const config = {
    ...values,
    shortName: (values.shortName as string) || shortNameOf(values.issuingAuthority as string),
    solutions: joined('solutions'),
    organization: joined('organization'),
    guidance,
  };
  return { config: config as unknown as OfficeConfig, problems };
}

function parseField(field: ConfigField, value: CellValue, year: number): Parsed | { error: string } {
  const text = typeof value === 'object' ? '' : String(value).normalize('NFC').trim();
  switch (field.kind) {
    case 'text':
    case 'id':
      return typeof value === 'object' ? { error: `Cần nhập chữ. ${field.help}` } : text;
    case 'year': {
      const year = typeof value === 'number' ? value : Number(text);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        return { error: 'Năm kế hoạch phải là số có 4 chữ số.' };
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
      return date ?? { error: 'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm (dd/MM/yyyy).' };
    }
    case 'emails': {
      const emails = splitEmails(text);
      const bad = emails.filter((e) => !isEmail(e));
      if (bad.length > 0) return { error: `Email không hợp lệ: ${bad.join(', ')}.` };
      return emails;
    }
    case 'level': {
      const level = parseLevel(text);
      return level ?? { error: `Cấp phải là "tỉnh", "xã" hoặc "huyện" (kế hoạch năm 2025). ${field.help}` };
    }
    case 'kinds': {
      const kinds: UnitKindSpec[] = [];
      for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
        const kind = parseUnitKindLine(line);
        if ('error' in kind) return kind;
        if (kinds.some((k) => k.label.toLowerCase() === kind.label.toLowerCase()))
          return { error: `Loại "${kind.label}" ghi hai lần.` };
        kinds.push(kind);
      }
      return kinds.length > 0 ? kinds : { error: 'Cần ít nhất một loại đơn vị.' };
    }
    case 'periods':
      return parsePeriods(text, year);
    case 'account':
      return parseGoogleAccount(text) ?? { error: `Ghi "Gmail" hoặc "Google Workspace". ${field.help}` };
    case 'lines':
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
  }
}

/** "Gmail" / "Google Workspace" (case and diacritics aside); blank: the stricter consumer quotas. */
export function parseGoogleAccount(text: string): GoogleAccountType | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (t === '' || t === 'gmail' || t === 'gmail thường' || t === 'cá nhân') return 'consumer';
  if (t === 'google workspace' || t === 'workspace') return 'workspace';
  return null;
}
