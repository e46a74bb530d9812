/**
 * What a spreadsheet's locale changes: how typed numbers and dates are read, how values are
 * displayed, the default number formats Sheets picks for typed dates, and the default sheet name.
 * Only the locales this project meets are modeled in detail (vi, en_US, en_GB); any other locale
 * reads and displays like en_US.
 */
export interface LocaleInfo {
  /** As Spreadsheet.getSpreadsheetLocale() returns it ("vi_VN", "en_US"). */
  readonly code: string;
  readonly decimal: string;
  readonly group: string;
  /** Order of day and month in typed dates. */
  readonly dateOrder: 'DMY' | 'MDY';
  /** Number formats Sheets gives a cell when a date, date-time or time is typed into it. */
  readonly dateFormat: string;
  readonly dateTimeFormat: string;
  readonly timeFormat: string;
  /** The first sheet of a new file is `${sheetBaseName}1` ("Sheet1", "Trang tính1"). */
  readonly sheetBaseName: string;
}

const VI: Omit<LocaleInfo, 'code'> = {
  decimal: ',',
  group: '.',
  dateOrder: 'DMY',
  dateFormat: 'dd/MM/yyyy',
  dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  timeFormat: 'HH:mm:ss',
  sheetBaseName: 'Trang tính',
};

const EN_US: Omit<LocaleInfo, 'code'> = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  dateFormat: 'M/d/yyyy',
  dateTimeFormat: 'M/d/yyyy H:mm:ss',
  timeFormat: 'h:mm:ss am/pm',
  sheetBaseName: 'Sheet',
};

const EN_DMY: Omit<LocaleInfo, 'code'> = {
  ...EN_US,
  dateOrder: 'DMY',
  dateFormat: 'dd/MM/yyyy',
  dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  timeFormat: 'HH:mm:ss',
};

/** "vi" → "vi_VN", "en" → "en_US", "en-GB" → "en_GB": the form Sheets reports. */
export function normalizeLocale(locale: string): string {
  const code = locale.replace('-', '_');
  if (code === 'vi') return 'vi_VN';
  if (code === 'en') return 'en_US';
  return code;
}

export function localeInfo(locale: string): LocaleInfo {
  const code = normalizeLocale(locale);
  const lang = code.split('_')[0].toLowerCase();
  if (lang === 'vi') return { code, ...VI };
  if (lang === 'en' && code !== 'en_US' && code !== 'en') return { code, ...EN_DMY };
  return { code, ...EN_US };
}
