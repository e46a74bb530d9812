/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule() builders, the built rules,
 * the sheet's list (SheetModel.conditionalFormatRules, which Sheet.setConditionalFormatRules
 * replaces as a whole), and `effectiveFormat` / `effectiveBackground`, which tell tests and
 * exporters how a cell looks once the rules apply (not an Apps Script surface).
 *
 * From the references: the rules of a sheet are replaced as a whole and kept in order
 * (Sheet.setConditionalFormatRules, ConditionalFormatRuleBuilder example: read the list, push,
 * set it back); every range of a rule is on one sheet (Sheets API ConditionalFormatRule.ranges:
 * "All the ranges must be on the same grid"); copy() keeps the rule's settings; a rule's format
 * does not change what Range.getBackground() reports (it returns the cell's own colour).
 * Guessed, the stricter side taken (wording ours):
 *   - build() refuses a builder without a condition or without ranges;
 *   - setConditionalFormatRules refuses a rule with a range on another sheet (or file);
 *   - setting rules is a sheet edit (edit access, blocked by a sheet protection the user may not
 *     edit) and, for rules added or removed, an edit of their cells (blocked by range protections);
 *   - text conditions ignore case, like Sheets' data validation; Sheet.clear() keeps the rules
 *     (they belong to the sheet, not the cells; Sheet.clearConditionalFormatRules removes them).
 * Only boolean conditions on text, numbers, empty cells and custom formulas are built here (no
 * gradients, no dates). effectiveFormat does not evaluate custom formulas: such a rule never
 * matches there.
 */
import { gasError } from '../../core/errors';
import { GridRange, contains } from './a1';
import { normalizeColor } from './colors';
import type { Doc } from './doc';
import { BooleanCriteriaEnum, BooleanCriteriaName } from './enums';
import {
  CellValue,
  ConditionArg,
  ConditionalFormat,
  ConditionalFormatRuleModel,
  RangeRef,
  ResolvedStyle,
  SpreadsheetModel,
  cloneConditionalRule,
} from './model';
import { EmuRange, rangeFromRef } from './range';
import { signatureError } from './range-checks';

type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type R = GoogleAppsScript.Spreadsheet.Range;
type Charge = (key: string) => void;

/** Our messages for the guessed refusals above (Google's wording is not documented). */
export const CONDITIONAL_MSG = {
  noCondition: 'The conditional format rule must have a condition before it is built.',
  noRanges: 'The conditional format rule must have at least one range before it is built.',
  otherSheet: 'The ranges of a conditional format rule must be on the sheet it is set on.',
  otherFile: 'The ranges of a conditional format rule must be in the same spreadsheet.',
} as const;

/** A rule as a script holds it: ranges may still be on any sheet (checked when it is set). */
interface RuleData {
  readonly refs: readonly RangeRef[];
  readonly criteria: BooleanCriteriaName | null;
  readonly args: readonly ConditionArg[];
  readonly format: Readonly<ConditionalFormat>;
}

function copyData(d: RuleData): RuleData {
  return {
    refs: d.refs.map((r) => ({ kind: 'range', sheetId: r.sheetId, range: { ...r.range } })),
    criteria: d.criteria,
    args: [...d.args],
    format: { ...d.format },
  };
}

function criteriaEnum(name: BooleanCriteriaName): GoogleAppsScript.Spreadsheet.BooleanCriteria {
  return BooleanCriteriaEnum[name] as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
}

function rangesOf(doc: Doc | null, refs: readonly RangeRef[]): R[] {
  if (!doc) return [];
  const model = doc.model();
  return refs.filter((r) => model.sheetById(r.sheetId)).map((r) => rangeFromRef(doc, r));
}

type BuilderKeys =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith';

export class EmuConditionalFormatRuleBuilder implements Pick<Builder, BuilderKeys> {
  private refs: RangeRef[] = [];
  private criteria: BooleanCriteriaName | null = null;
  private args: ConditionArg[] = [];
  private format: ConditionalFormat = {};

  constructor(
    private readonly charge: Charge,
    /** The file the ranges are in (known once setRanges is called). */
    private doc: Doc | null = null,
    from?: RuleData,
  ) {
    if (from) {
      const d = copyData(from);
      this.refs = [...d.refs];
      this.criteria = d.criteria;
      this.args = [...d.args];
      this.format = { ...d.format };
    }
  }

  private self(): Builder {
    return this as unknown as Builder;
  }

  private data(): RuleData {
    return copyData({ refs: this.refs, criteria: this.criteria, args: this.args, format: this.format });
  }

  private when(
    method: string,
    criteria: BooleanCriteriaName,
    args: unknown[],
    kind: 'number' | 'string',
  ): Builder {
    this.charge(`ConditionalFormatRuleBuilder.${method}`);
    if (args.some((a) => typeof a !== kind || (kind === 'number' && !Number.isFinite(a as number)))) {
      signatureError(`SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`, args);
    }
    this.criteria = criteria;
    this.args = args as ConditionArg[];
    return this.self();
  }

  private setFormat<K extends keyof ConditionalFormat>(
    method: string,
    key: K,
    value: ConditionalFormat[K] | null,
  ): Builder {
    this.charge(`ConditionalFormatRuleBuilder.${method}`);
    const next = { ...this.format };
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
    this.format = next;
    return this.self();
  }

  // ---- build ---------------------------------------------------------------------------------

  build(): Rule {
    this.charge('ConditionalFormatRuleBuilder.build');
    if (!this.criteria) gasError(CONDITIONAL_MSG.noCondition);
    if (this.refs.length === 0) gasError(CONDITIONAL_MSG.noRanges);
    return new EmuConditionalFormatRule(this.data(), this.doc, this.charge) as unknown as Rule;
  }

  copy(): Builder {
    this.charge('ConditionalFormatRuleBuilder.copy');
    return new EmuConditionalFormatRuleBuilder(this.charge, this.doc, this.data()) as unknown as Builder;
  }

  /** The condition set so far, or null while there is none. */
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.charge('ConditionalFormatRuleBuilder.getBooleanCondition');
    return this.criteria ? booleanCondition(this.data(), this.charge) : null;
  }

  /** Always null: gradient rules are not emulated. */
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.charge('ConditionalFormatRuleBuilder.getGradientCondition');
    return null;
  }

  getRanges(): R[] {
    this.charge('ConditionalFormatRuleBuilder.getRanges');
    return rangesOf(this.doc, this.refs);
  }

  /** The ranges the rule formats (replacing any set before). */
  setRanges(ranges: R[]): Builder {
    this.charge('ConditionalFormatRuleBuilder.setRanges');
    if (!Array.isArray(ranges) || ranges.some((r) => !(r instanceof EmuRange))) {
      signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    }
    const emus = ranges as unknown as EmuRange[];
    const doc = emus[0]?.doc ?? this.doc;
    if (emus.some((r) => r.doc.id !== doc?.id)) gasError(CONDITIONAL_MSG.otherFile);
    this.doc = doc;
    this.refs = emus.map((r) => r.toRef());
    return this.self();
  }

  // ---- format --------------------------------------------------------------------------------

  setBackground(color: string | null): Builder {
    return this.setFormat(
      'setBackground',
      'background',
      color === null ? null : normalizeColor(String(color)),
    );
  }
  setFontColor(color: string | null): Builder {
    return this.setFormat('setFontColor', 'fontColor', color === null ? null : normalizeColor(String(color)));
  }
  setBold(bold: boolean | null): Builder {
    return this.setFormat('setBold', 'bold', bold === null ? null : !!bold);
  }
  setItalic(italic: boolean | null): Builder {
    return this.setFormat('setItalic', 'italic', italic === null ? null : !!italic);
  }
  setStrikethrough(strikethrough: boolean | null): Builder {
    return this.setFormat(
      'setStrikethrough',
      'strikethrough',
      strikethrough === null ? null : !!strikethrough,
    );
  }
  setUnderline(underline: boolean | null): Builder {
    return this.setFormat('setUnderline', 'underline', underline === null ? null : !!underline);
  }

  // ---- conditions ----------------------------------------------------------------------------

  whenCellEmpty(): Builder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', [], 'string');
  }
  whenCellNotEmpty(): Builder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', [], 'string');
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula], 'string');
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end], 'number');
  }
  whenNumberNotBetween(start: number, end: number): Builder {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end], 'number');
  }
  whenNumberEqualTo(number: number): Builder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number], 'number');
  }
  whenNumberNotEqualTo(number: number): Builder {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number], 'number');
  }
  whenNumberGreaterThan(number: number): Builder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number], 'number');
  }
  whenNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number], 'number');
  }
  whenNumberLessThan(number: number): Builder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number], 'number');
  }
  whenNumberLessThanOrEqualTo(number: number): Builder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number], 'number');
  }
  whenTextEqualTo(text: string): Builder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text], 'string');
  }
  whenTextContains(text: string): Builder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text], 'string');
  }
  whenTextDoesNotContain(text: string): Builder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text], 'string');
  }
  whenTextStartsWith(text: string): Builder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text], 'string');
  }
  whenTextEndsWith(text: string): Builder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text], 'string');
  }
}

/** A built rule (immutable), as build() and Sheet.getConditionalFormatRules() return it. */
export class EmuConditionalFormatRule implements Pick<
  Rule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  constructor(
    readonly data: RuleData,
    readonly doc: Doc | null,
    private readonly charge: Charge,
  ) {}

  copy(): Builder {
    this.charge('ConditionalFormatRule.copy');
    return new EmuConditionalFormatRuleBuilder(this.charge, this.doc, this.data) as unknown as Builder;
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.charge('ConditionalFormatRule.getBooleanCondition');
    return booleanCondition(this.data, this.charge);
  }

  /** Always null: gradient rules are not emulated. */
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.charge('ConditionalFormatRule.getGradientCondition');
    return null;
  }

  getRanges(): R[] {
    this.charge('ConditionalFormatRule.getRanges');
    return rangesOf(this.doc, this.data.refs);
  }
}

function booleanCondition(data: RuleData, charge: Charge): GoogleAppsScript.Spreadsheet.BooleanCondition {
  return new EmuBooleanCondition(
    copyData(data),
    charge,
  ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
}

/** BooleanCondition: a rule's condition and the format it applies (null: not set by the rule). */
export class EmuBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline'
> {
  constructor(
    private readonly data: RuleData,
    private readonly charge: Charge,
  ) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.charge('BooleanCondition.getCriteriaType');
    return criteriaEnum(this.data.criteria as BooleanCriteriaName);
  }
  getCriteriaValues(): unknown[] {
    this.charge('BooleanCondition.getCriteriaValues');
    return [...this.data.args];
  }
  getBackground(): string | null {
    this.charge('BooleanCondition.getBackground');
    return this.data.format.background ?? null;
  }
  getFontColor(): string | null {
    this.charge('BooleanCondition.getFontColor');
    return this.data.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    this.charge('BooleanCondition.getBold');
    return this.data.format.bold ?? null;
  }
  getItalic(): boolean | null {
    this.charge('BooleanCondition.getItalic');
    return this.data.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    this.charge('BooleanCondition.getStrikethrough');
    return this.data.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    this.charge('BooleanCondition.getUnderline');
    return this.data.format.underline ?? null;
  }
}

// ---- the sheet's side (called by EmuSheet, which charges the Sheet.* call) ----------------------

export function newConditionalFormatRuleBuilder(charge: Charge): Builder {
  return new EmuConditionalFormatRuleBuilder(charge) as unknown as Builder;
}

function ruleKey(r: ConditionalFormatRuleModel): string {
  return JSON.stringify(cloneConditionalRule(r));
}

/**
 * Rules added or removed by a change must be editable where they format: check the cells of every
 * rule that is in one list and not the other (unchanged rules are not edits).
 */
function checkChangedCells(
  doc: Doc,
  sheetId: number,
  before: readonly ConditionalFormatRuleModel[],
  after: readonly ConditionalFormatRuleModel[],
): void {
  const count = (list: readonly ConditionalFormatRuleModel[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of list) m.set(ruleKey(r), (m.get(ruleKey(r)) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  const changed = (r: ConditionalFormatRuleModel, mine: Map<string, number>, other: Map<string, number>) =>
    (mine.get(ruleKey(r)) ?? 0) !== (other.get(ruleKey(r)) ?? 0);
  for (const r of [...before.filter((x) => changed(x, a, b)), ...after.filter((x) => changed(x, b, a))]) {
    for (const g of r.ranges) doc.editCells(sheetId, g);
  }
}

/** Sheet.setConditionalFormatRules: the sheet's whole list becomes `rules`, in that order. */
export function setConditionalFormatRules(doc: Doc, sheetId: number, rules: Rule[]): void {
  if (!Array.isArray(rules) || rules.some((r) => !(r instanceof EmuConditionalFormatRule))) {
    signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
  }
  const next: ConditionalFormatRuleModel[] = (rules as unknown as EmuConditionalFormatRule[]).map((rule) => {
    if (rule.doc && rule.doc.id !== doc.id) gasError(CONDITIONAL_MSG.otherFile);
    if (rule.data.refs.some((r) => r.sheetId !== sheetId)) gasError(CONDITIONAL_MSG.otherSheet);
    return cloneConditionalRule({
      ranges: rule.data.refs.map((r) => r.range),
      criteria: rule.data.criteria as BooleanCriteriaName,
      args: rule.data.args,
      format: rule.data.format,
    });
  });
  const { sheet } = doc.editSheet(sheetId);
  checkChangedCells(doc, sheetId, sheet.conditionalFormatRules, next);
  sheet.conditionalFormatRules = next;
  doc.touched();
}

export function getConditionalFormatRules(doc: Doc, sheetId: number): Rule[] {
  return doc.sheet(sheetId).conditionalFormatRules.map(
    (r) =>
      new EmuConditionalFormatRule(
        {
          refs: r.ranges.map((g) => ({ kind: 'range', sheetId, range: { ...g } })),
          criteria: r.criteria,
          args: [...r.args],
          format: { ...r.format },
        },
        doc,
        (k) => doc.charge(k),
      ) as unknown as Rule,
  );
}

export function clearConditionalFormatRules(doc: Doc, sheetId: number): void {
  const { sheet } = doc.editSheet(sheetId);
  checkChangedCells(doc, sheetId, sheet.conditionalFormatRules, []);
  sheet.conditionalFormatRules = [];
  doc.touched();
}

// ---- evaluation (for tests and exporters; not an Apps Script surface) ---------------------------

function isEmpty(v: CellValue | undefined): boolean {
  return v === undefined || v === '';
}

/**
 * Whether a cell value meets a rule's condition, as Sheets decides it: number conditions need a
 * number (dates are numbers), text conditions compare the value's text ignoring case, and custom
 * formulas are not evaluated (false).
 */
export function conditionMatches(rule: ConditionalFormatRuleModel, value: CellValue | undefined): boolean {
  const a = rule.args;
  const num = typeof value === 'number' ? value : null;
  const text = isEmpty(value) ? '' : String(value).toLowerCase();
  const arg = String(a[0] ?? '').toLowerCase();
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return isEmpty(value);
    case 'CELL_NOT_EMPTY':
      return !isEmpty(value);
    case 'NUMBER_BETWEEN':
      return (
        num !== null &&
        num >= Math.min(Number(a[0]), Number(a[1])) &&
        num <= Math.max(Number(a[0]), Number(a[1]))
      );
    case 'NUMBER_NOT_BETWEEN':
      return (
        num !== null &&
        (num < Math.min(Number(a[0]), Number(a[1])) || num > Math.max(Number(a[0]), Number(a[1])))
      );
    case 'NUMBER_EQUAL_TO':
      return num !== null && num === Number(a[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== Number(a[0]);
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > Number(a[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= Number(a[0]);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < Number(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= Number(a[0]);
    case 'TEXT_EQUAL_TO':
      return !isEmpty(value) && text === arg;
    case 'TEXT_CONTAINS':
      return !isEmpty(value) && text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return !isEmpty(value) && text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return !isEmpty(value) && text.endsWith(arg);
    default:
      // CUSTOM_FORMULA and date conditions: not evaluated by the emulator.
      return false;
  }
}

/** How a cell looks once conditional formatting applies (plus the rule that applied, if any). */
export type EffectiveFormat = Pick<
  ResolvedStyle,
  'background' | 'fontColor' | 'fontWeight' | 'fontStyle' | 'fontLine'
> & { readonly rule: ConditionalFormatRuleModel | null };

/**
 * The cell's own format with the first matching rule on top (Sheets applies, for each cell, the
 * first rule in the sheet's list whose ranges hold the cell and whose condition is met; fields the
 * rule does not set keep the cell's own). Custom-formula rules are skipped (not evaluated).
 */
export function effectiveFormat(
  model: SpreadsheetModel,
  sheetId: number,
  row: number,
  col: number,
): EffectiveFormat {
  const sheet = model.sheetById(sheetId);
  if (!sheet) throw new RangeError(`No sheet ${sheetId} in this spreadsheet`);
  const own = sheet.styleAt(row, col);
  const base = {
    background: own.background,
    fontColor: own.fontColor,
    fontWeight: own.fontWeight,
    fontStyle: own.fontStyle,
    fontLine: own.fontLine,
  };
  const value = sheet.valueAt(row, col);
  const rule = sheet.conditionalFormatRules.find(
    (r) => r.ranges.some((g: GridRange) => contains(g, row, col)) && conditionMatches(r, value),
  );
  if (!rule) return { ...base, rule: null };
  const f = rule.format;
  let fontLine = base.fontLine;
  if (f.underline !== undefined)
    fontLine = f.underline ? 'underline' : fontLine === 'underline' ? 'none' : fontLine;
  if (f.strikethrough !== undefined)
    fontLine = f.strikethrough ? 'line-through' : fontLine === 'line-through' ? 'none' : fontLine;
  return {
    background: f.background ?? base.background,
    fontColor: f.fontColor ?? base.fontColor,
    fontWeight: f.bold === undefined ? base.fontWeight : f.bold ? 'bold' : 'normal',
    fontStyle: f.italic === undefined ? base.fontStyle : f.italic ? 'italic' : 'normal',
    fontLine,
    rule,
  };
}

/** The background a cell shows: its own, or the first matching conditional rule's (see above). */
export function effectiveBackground(
  model: SpreadsheetModel,
  sheetId: number,
  row: number,
  col: number,
): string {
  return effectiveFormat(model, sheetId, row, col).background;
}
