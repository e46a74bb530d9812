/**
 * Excel's rules for sheet names, which Sheets does not share: at most 31 characters, none of
 * [ ] : * ? / \, not starting or ending with an apostrophe, not "History" (reserved), and unique
 * regardless of case. A workbook that breaks one of them opens only through Excel's repair prompt,
 * so Sheets names are mapped onto valid ones here and the changes are reported.
 */
import { clip } from './xml-text';

export const MAX_SHEET_NAME = 31;

export interface SheetNameChange {
  from: string;
  to: string;
}

/** Why an Excel sheet name is invalid, or null when it is fine (on its own; see uniqueness). */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_SHEET_NAME) return `longer than ${MAX_SHEET_NAME} characters`;
  if (/[[\]:*?/\\]/.test(name)) return 'holds one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'is the reserved name History';
  return null;
}

/**
 * At most `max` characters, cut at a word boundary when one is near (a person reads "Tổng hợp kết
 * quả thực hiện" better than "…thực hiện nhiệ"), never between a letter and its combining mark.
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = clip(text, max);
  while (cut.length > 0 && /\p{M}/u.test(text[cut.length])) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space >= (max * 2) / 3) cut = cut.slice(0, space);
  return cut.trimEnd();
}

function cleaned(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '');
  if (s.toLowerCase() === 'history') s = `${s}_`;
  s = shorten(s, MAX_SHEET_NAME).replace(/'+$/, '');
  return s === '' ? 'Sheet' : s;
}

/**
 * One valid, unique Excel name per Sheets name, in the same order. A name already valid and
 * unique is kept as is; others are cleaned, then numbered " (2)", " (3)"… until unique.
 */
export function excelSheetNames(names: readonly string[]): { names: string[]; changes: SheetNameChange[] } {
  const taken = new Set<string>();
  const out: string[] = [];
  const changes: SheetNameChange[] = [];
  for (const name of names) {
    const base = cleaned(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = shorten(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    out.push(candidate);
    if (candidate !== name) changes.push({ from: name, to: candidate });
  }
  return { names: out, changes };
}
