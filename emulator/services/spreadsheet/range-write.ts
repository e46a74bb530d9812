/**
 * The write path of Range.setValue(s), setFormula(s) and Sheet.appendRow: user-entered parsing
 * (values/parse.ts), then data validation of every cell, then the store — all or nothing.
 */
import { gasError } from '../../core/errors';
import { GridRange } from './a1';
import { RuleContext, satisfies, violationMessage } from './data-validation';
import type { Doc } from './doc';
import { CellValue, SheetModel } from './model';
import { formatDisplay, isDateFormat } from './values/format';
import { EnteredCell, enterValue, shouldApplyImpliedFormat } from './values/parse';

/**
 * Sheets refuses a cell text longer than 50,000 characters, and the whole write with it, in these
 * words — measured by others: https://qiita.com/koshilife/items/5aff56c1bb9e5d31067f (Sheets API,
 * same text) and https://integrately.com/integrations/google-sheets/error. Exactly 50,000 fits.
 * guess: the limit counts UTF-16 code units, as JavaScript's length does (stricter than counting
 * code points for text outside the BMP), and the leading apostrophe that keeps a text literal
 * counts too (the input is checked as given) — both the stricter case taken.
 */
export const MAX_CELL_CHARS = 50_000;
const TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/**
 * Write user-entered values into cells of `sheet` (checks done by the caller): parse every
 * value, refuse the whole write if a rejecting validation rule is violated, then store.
 */
export function writeCells(
  doc: Doc,
  sheet: SheetModel,
  timeZone: string,
  r: GridRange,
  valueAt: (i: number, j: number) => unknown,
): void {
  const locale = doc.locale();
  const nowMs = doc.ctx.clock.nowMs();
  const model = doc.model();
  const ruleCtx: RuleContext = {
    timeZone,
    displayValuesOf: (ref) => {
      const s = model.sheetById(ref.sheetId);
      if (!s) return [];
      const out: string[] = [];
      for (let i = 0; i < ref.range.numRows; i++) {
        for (let j = 0; j < ref.range.numCols; j++) {
          const row = ref.range.row + i;
          const col = ref.range.col + j;
          out.push(formatDisplay(s.valueAt(row, col), s.numberFormatAt(row, col), locale));
        }
      }
      return out;
    },
  };
  const entered: EnteredCell[][] = [];
  for (let i = 0; i < r.numRows; i++) {
    const line: EnteredCell[] = [];
    for (let j = 0; j < r.numCols; j++) {
      const row = r.row + i;
      const col = r.col + j;
      const numberFormat = sheet.numberFormatAt(row, col);
      const raw = valueAt(i, j);
      if (typeof raw === 'string' && raw.length > MAX_CELL_CHARS) gasError(TOO_LONG);
      const e = enterValue(raw, { locale, timeZone, nowMs, numberFormat });
      const rule = sheet.validationAt(row, col);
      // Formula results are not checked: the emulator does not compute most of them.
      if (rule && !rule.allowInvalid && e.value !== undefined && e.value !== '' && e.formula === undefined) {
        const fmt =
          e.impliedFormat && shouldApplyImpliedFormat(numberFormat) ? e.impliedFormat : numberFormat;
        const candidate = {
          value: e.value as CellValue,
          display: formatDisplay(e.value, fmt, locale),
          isDate: typeof e.value === 'number' && isDateFormat(fmt),
        };
        if (!satisfies(rule, candidate, ruleCtx)) gasError(violationMessage(rule, row, col));
      }
      line.push(e);
    }
    entered.push(line);
  }
  doc.wroteCells(r.numRows * r.numCols);
  for (let i = 0; i < r.numRows; i++) {
    for (let j = 0; j < r.numCols; j++) {
      const e = entered[i][j];
      sheet.update(r.row + i, r.col + j, (c) => {
        if (e.value === undefined) delete c.value;
        else c.value = e.value;
        if (e.formula === undefined) delete c.formula;
        else c.formula = e.formula;
        if (e.impliedFormat && shouldApplyImpliedFormat(c.format?.numberFormat ?? '')) {
          c.format = { ...c.format, numberFormat: e.impliedFormat };
        }
      });
    }
  }
}
