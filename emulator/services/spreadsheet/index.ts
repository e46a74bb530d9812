/**
 * The emulated SpreadsheetApp service.
 *
 * Public surface:
 *   - createSpreadsheetApp(ctx, ui): the SpreadsheetApp global;
 *   - UiRecorder: what the script showed (menus, toasts, alerts, prompts) and scripted answers;
 *   - spreadsheetModelOf(ctx, id): the file model for internal readers (exporters, Sheets REST,
 *     CSV), with no access check and no charge;
 *   - the model types and the user-entered parser / display formatter they may need;
 *   - effectiveFormat / effectiveBackground: how a cell looks once its sheet's conditional format
 *     rules apply (SheetModel.conditionalFormatRules); charts are in SheetModel.charts.
 */
import { EmulatorContext } from '../../core/context';
import { MIME } from '../../core/drive-store';
import { committedContent } from '../../core/pending-writes';
import { SpreadsheetModel } from './model';

export { createSpreadsheetApp } from './app';
export type { EmulatedSpreadsheetApp } from './app';
export { UiRecorder } from './ui';
export { duplicateNameMessage } from './spreadsheet';
export type { MenuEntry, RecordedDialog, RecordedMenu, RecordedToast } from './ui';
export {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
  MAX_CELLS,
  SheetModel,
  SpreadsheetModel,
} from './model';
export type {
  BorderEdge,
  CellBorders,
  CellData,
  CellFormat,
  CellValue,
  ChartModel,
  ChartPosition,
  ConditionArg,
  ConditionalFormat,
  ConditionalFormatRuleModel,
  ProtectionModel,
  RangeRef,
  ResolvedStyle,
  ValidationArg,
  ValidationRule,
} from './model';
export { conditionMatches, effectiveBackground, effectiveFormat } from './conditional-format';
export type { EffectiveFormat } from './conditional-format';
export type { BooleanCriteriaName, ChartTypeName } from './enums';
export type { GridRange } from './a1';
export { cellA1, columnLetters, parseA1, rangeA1 } from './a1';
export { localeInfo } from './locale';
export type { LocaleInfo } from './locale';
export { dateToSerial, serialToDate } from './dates';
export { formatDisplay, isDateFormat } from './values/format';
export { enterValue } from './values/parse';

/**
 * The model of spreadsheet file `id` as Google's servers hold it, for emulator internals outside
 * SpreadsheetApp (exporters, Sheets REST, CSV; no access check, no charge): while the running
 * execution has uncommitted SpreadsheetApp writes to the file, its committed content
 * (core/pending-writes.ts). Undefined when there is no such file or it is not a spreadsheet.
 */
export function spreadsheetModelOf(ctx: EmulatorContext, id: string): SpreadsheetModel | undefined {
  const item = ctx.drive.peek(id);
  if (!item || item.mimeType !== MIME.spreadsheet || !(item.content instanceof SpreadsheetModel))
    return undefined;
  return committedContent(ctx, id, item.content) as SpreadsheetModel;
}
