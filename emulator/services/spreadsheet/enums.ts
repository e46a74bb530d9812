/**
 * Apps Script enums. In Apps Script an enum member is an object, not a number: `String(x)` and
 * `x.toString()` give its name, `x.name()` too, `x.ordinal()` its position, and two reads of the
 * same member are the same object (so `response == ui.Button.YES` works). The @types package
 * declares them as TypeScript enums, so each is cast once here to the declared type.
 */
export interface GasEnumValue<N extends string = string> {
  name(): N;
  ordinal(): number;
  toString(): N;
  toJSON(): N;
}

export type GasEnum<N extends string> = { readonly [K in N]: GasEnumValue<K> };

export function makeEnum<N extends string>(names: readonly N[]): GasEnum<N> {
  const out: Record<string, GasEnumValue> = {};
  names.forEach((name, i) => {
    out[name] = Object.freeze({
      name: () => name,
      ordinal: () => i,
      toString: () => name,
      toJSON: () => name,
    });
  });
  return Object.freeze(out) as GasEnum<N>;
}

/** The member's name, whether given the enum object or its name as a string. */
export function enumName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof (value as GasEnumValue).name === 'function') return (value as GasEnumValue).name();
  return String(value);
}

export const ProtectionTypeEnum = makeEnum(['RANGE', 'SHEET'] as const);
export type ProtectionTypeName = keyof typeof ProtectionTypeEnum;

export const CRITERIA_NAMES = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;
export type CriteriaName = (typeof CRITERIA_NAMES)[number];
export const DataValidationCriteriaEnum = makeEnum(CRITERIA_NAMES);

export const WrapStrategyEnum = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export type WrapStrategyName = keyof typeof WrapStrategyEnum;

export const BorderStyleEnum = makeEnum([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
] as const);

export const SheetTypeEnum = makeEnum(['GRID', 'OBJECT'] as const);
export const DimensionEnum = makeEnum(['COLUMNS', 'ROWS'] as const);

export const ButtonEnum = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export type ButtonName = keyof typeof ButtonEnum;
export const ButtonSetEnum = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonSetName = keyof typeof ButtonSetEnum;

/** The buttons each ButtonSet shows (CLOSE, the title bar's ×, is always possible). */
export const BUTTONS_OF_SET: Readonly<Record<ButtonSetName, readonly ButtonName[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** SpreadsheetApp.BooleanCriteria: the conditions of a boolean conditional format rule. */
export const BOOLEAN_CRITERIA_NAMES = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const;
export type BooleanCriteriaName = (typeof BOOLEAN_CRITERIA_NAMES)[number];
export const BooleanCriteriaEnum = makeEnum(BOOLEAN_CRITERIA_NAMES);

/**
 * Charts.ChartType (shared by the Charts global and EmbeddedChartBuilder.setChartType, so
 * `builder.getChartType() === Charts.ChartType.PIE` holds), in the @types package's order.
 */
export const CHART_TYPE_NAMES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartTypeName = (typeof CHART_TYPE_NAMES)[number];
export const ChartTypeEnum = makeEnum(CHART_TYPE_NAMES);
export const ChartHiddenDimensionStrategyEnum = makeEnum([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const);
export const ChartMergeStrategyEnum = makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const ChartPositionEnum = makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const ColumnTypeEnum = makeEnum(['DATE', 'NUMBER', 'STRING'] as const);
export const CurveStyleEnum = makeEnum(['NORMAL', 'SMOOTH'] as const);
export const PointStyleEnum = makeEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const);

/** Typed views for `implements Pick<…>` (the @types package declares numeric enums). */
export const Typed = {
  ProtectionType: ProtectionTypeEnum as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType,
  DataValidationCriteria:
    DataValidationCriteriaEnum as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria,
  WrapStrategy: WrapStrategyEnum as unknown as typeof GoogleAppsScript.Spreadsheet.WrapStrategy,
  BorderStyle: BorderStyleEnum as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle,
  SheetType: SheetTypeEnum as unknown as typeof GoogleAppsScript.Spreadsheet.SheetType,
  Dimension: DimensionEnum as unknown as typeof GoogleAppsScript.Spreadsheet.Dimension,
  BooleanCriteria: BooleanCriteriaEnum as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria,
  ChartType: ChartTypeEnum as unknown as typeof GoogleAppsScript.Charts.ChartType,
  ChartHiddenDimensionStrategy:
    ChartHiddenDimensionStrategyEnum as unknown as typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy,
  ChartMergeStrategy: ChartMergeStrategyEnum as unknown as typeof GoogleAppsScript.Charts.ChartMergeStrategy,
  ChartPosition: ChartPositionEnum as unknown as typeof GoogleAppsScript.Charts.Position,
  ColumnType: ColumnTypeEnum as unknown as typeof GoogleAppsScript.Charts.ColumnType,
  CurveStyle: CurveStyleEnum as unknown as typeof GoogleAppsScript.Charts.CurveStyle,
  PointStyle: PointStyleEnum as unknown as typeof GoogleAppsScript.Charts.PointStyle,
  Button: ButtonEnum as unknown as typeof GoogleAppsScript.Base.Button,
  ButtonSet: ButtonSetEnum as unknown as typeof GoogleAppsScript.Base.ButtonSet,
};
