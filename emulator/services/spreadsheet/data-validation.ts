/**
 * Data validation: SpreadsheetApp.newDataValidation() builders, the built rules, and the check a
 * script's write goes through.
 *
 * A script's setValue/setValues that violates a rule which rejects invalid input
 * (setAllowInvalid(false)) throws in Apps Script, seen in scripts' execution logs as
 * "The data you entered in cell M2 violates the data validation rules set on this cell. Please
 * enter one of the following values: Publish, Add to T0xx, Reject." (list rules). The emulator
 * rejects the whole write before changing any cell. For other criteria only the first sentence is
 * known; the emulator stops there. Rules with setAllowInvalid(true) (the default) only warn in the
 * UI, so scripts write through. CUSTOM_FORMULA rules cannot be evaluated here and accept anything.
 */
import { gasError } from '../../core/errors';
import { cellA1 } from './a1';
import { dateToSerial } from './dates';
import type { Doc } from './doc';
import { CriteriaName, DataValidationCriteriaEnum, enumName } from './enums';
import { CellValue, RangeRef, ValidationArg, ValidationRule } from './model';
import { EmuRange, rangeFromRef } from './range';

type BuilderKeys =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** Criteria values as a script sees them (ranges become Range objects again). */
function scriptArgs(rule: ValidationRule, doc: Doc | null): unknown[] {
  return rule.args.map((a) => {
    if (a instanceof Date) return new Date(a.getTime());
    if (Array.isArray(a)) return [...a];
    if (a && typeof a === 'object') return doc ? rangeFromRef(doc, a) : a;
    return a;
  });
}

function criteriaEnum(name: CriteriaName): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
  return DataValidationCriteriaEnum[name] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
}

export class EmuDataValidationBuilder implements Pick<Builder, BuilderKeys> {
  private criteria: CriteriaName | null = null;
  private args: ValidationArg[] = [];
  // Sheets' default for a new rule is to allow invalid input with a warning
  // (DataValidationBuilder.setAllowInvalid reference).
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(
    private readonly charge: (key: string) => void,
    /** The file whose ranges a VALUE_IN_RANGE rule refers to (set when a range is given). */
    private doc: Doc | null = null,
    from?: ValidationRule,
  ) {
    if (from) {
      this.criteria = from.criteria;
      this.args = [...from.args];
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  private set(method: string, criteria: CriteriaName, args: ValidationArg[]): Builder {
    this.charge(`DataValidationBuilder.${method}`);
    this.criteria = criteria;
    this.args = args;
    return this as unknown as Builder;
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    this.charge('DataValidationBuilder.build');
    // Guessed wording: building without criteria is not described in the reference.
    if (!this.criteria) gasError('Data validation criteria must be set before building the rule.');
    const rule: ValidationRule = {
      criteria: this.criteria,
      args: [...this.args],
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
    return new EmuDataValidation(
      rule,
      this.doc,
      this.charge,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }

  copy(): Builder {
    this.charge('DataValidationBuilder.copy');
    const b = new EmuDataValidationBuilder(this.charge, this.doc);
    b.criteria = this.criteria;
    b.args = [...this.args];
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return b as unknown as Builder;
  }

  getAllowInvalid(): boolean {
    this.charge('DataValidationBuilder.getAllowInvalid');
    return this.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.charge('DataValidationBuilder.getCriteriaType');
    return (
      this.criteria ? criteriaEnum(this.criteria) : null
    ) as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    this.charge('DataValidationBuilder.getCriteriaValues');
    return scriptArgs(
      { criteria: 'CHECKBOX', args: this.args, allowInvalid: true, helpText: null },
      this.doc,
    );
  }

  getHelpText(): string | null {
    this.charge('DataValidationBuilder.getHelpText');
    return this.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const args: ValidationArg[] = [];
    if (checkedValue !== undefined) args.push(checkedValue as ValidationArg);
    if (uncheckedValue !== undefined) args.push(uncheckedValue as ValidationArg);
    return this.set('requireCheckbox', 'CHECKBOX', args);
  }

  requireDate(): Builder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): Builder {
    return this.set('requireDateAfter', 'DATE_AFTER', [new Date(date.getTime())]);
  }
  requireDateBefore(date: Date): Builder {
    return this.set('requireDateBefore', 'DATE_BEFORE', [new Date(date.getTime())]);
  }
  requireDateBetween(start: Date, end: Date): Builder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', [
      new Date(start.getTime()),
      new Date(end.getTime()),
    ]);
  }
  requireDateEqualTo(date: Date): Builder {
    return this.set('requireDateEqualTo', 'DATE_EQUAL_TO', [new Date(date.getTime())]);
  }
  requireDateNotBetween(start: Date, end: Date): Builder {
    return this.set('requireDateNotBetween', 'DATE_NOT_BETWEEN', [
      new Date(start.getTime()),
      new Date(end.getTime()),
    ]);
  }
  requireDateOnOrAfter(date: Date): Builder {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [new Date(date.getTime())]);
  }
  requireDateOnOrBefore(date: Date): Builder {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [new Date(date.getTime())]);
  }
  requireFormulaSatisfied(formula: string): Builder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): Builder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): Builder {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): Builder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): Builder {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): Builder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberNotBetween(start: number, end: number): Builder {
    return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(number: number): Builder {
    return this.set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }
  requireTextContains(text: string): Builder {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): Builder {
    return this.set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): Builder {
    return this.set('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): Builder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): Builder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): Builder {
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), showDropdown]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): Builder {
    const emu = range as unknown as EmuRange;
    this.doc = emu.doc;
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [emu.toRef(), showDropdown]);
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.charge('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = !!allowInvalidData;
    return this as unknown as Builder;
  }

  setHelpText(helpText: string): Builder {
    this.charge('DataValidationBuilder.setHelpText');
    this.helpText = helpText;
    return this as unknown as Builder;
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): Builder {
    this.charge('DataValidationBuilder.withCriteria');
    const name = enumName(criteria) as CriteriaName;
    this.criteria = name;
    this.args = args.map((a) => {
      if (a instanceof EmuRange) {
        this.doc = a.doc;
        return a.toRef();
      }
      return a as ValidationArg;
    });
    return this as unknown as Builder;
  }
}

/** A built rule (immutable), as Range.getDataValidation returns it. */
export class EmuDataValidation implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    readonly rule: ValidationRule,
    private readonly doc: Doc | null,
    private readonly charge: (key: string) => void,
  ) {}

  copy(): Builder {
    this.charge('DataValidation.copy');
    return new EmuDataValidationBuilder(this.charge, this.doc, this.rule) as unknown as Builder;
  }
  getAllowInvalid(): boolean {
    this.charge('DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.charge('DataValidation.getCriteriaType');
    return criteriaEnum(this.rule.criteria);
  }
  getCriteriaValues(): unknown[] {
    this.charge('DataValidation.getCriteriaValues');
    return scriptArgs(this.rule, this.doc);
  }
  getHelpText(): string {
    this.charge('DataValidation.getHelpText');
    return this.rule.helpText as string;
  }
}

/** What a rule is checked against: the value to be stored and how it is displayed. */
export interface CandidateValue {
  readonly value: CellValue;
  readonly display: string;
  readonly isDate: boolean;
}

export interface RuleContext {
  readonly timeZone: string;
  /** Display values of a range the rule refers to. */
  readonly displayValuesOf: (ref: RangeRef) => string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/|ftp:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

function dayOf(a: ValidationArg, tz: string): number {
  return Math.floor(dateToSerial(a as Date, tz));
}

/** Whether a value satisfies a rule's criteria (empty values always do). */
export function satisfies(rule: ValidationRule, v: CandidateValue, ctx: RuleContext): boolean {
  const a = rule.args;
  const num = typeof v.value === 'number' ? v.value : null;
  const text = String(v.value);
  const lowerText = text.toLowerCase();
  const day = v.isDate && num !== null ? Math.floor(num) : null;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).some((x) => x === v.display || x === text);
    case 'VALUE_IN_RANGE':
      return ctx.displayValuesOf(a[0] as RangeRef).some((x) => x !== '' && (x === v.display || x === text));
    case 'NUMBER_BETWEEN':
      return num !== null && num >= Number(a[0]) && num <= Number(a[1]);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < Number(a[0]) || num > Number(a[1]));
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
    case 'TEXT_CONTAINS':
      return lowerText.includes(String(a[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !lowerText.includes(String(a[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return lowerText === String(a[0]).toLowerCase();
    case 'TEXT_IS_VALID_EMAIL':
      return typeof v.value === 'string' && EMAIL.test(v.value);
    case 'TEXT_IS_VALID_URL':
      return typeof v.value === 'string' && URL_RE.test(v.value);
    case 'DATE_IS_VALID_DATE':
      return day !== null;
    case 'DATE_AFTER':
      return day !== null && day > dayOf(a[0], ctx.timeZone);
    case 'DATE_BEFORE':
      return day !== null && day < dayOf(a[0], ctx.timeZone);
    case 'DATE_ON_OR_AFTER':
      return day !== null && day >= dayOf(a[0], ctx.timeZone);
    case 'DATE_ON_OR_BEFORE':
      return day !== null && day <= dayOf(a[0], ctx.timeZone);
    case 'DATE_EQUAL_TO':
      return day !== null && day === dayOf(a[0], ctx.timeZone);
    case 'DATE_BETWEEN':
      return day !== null && day >= dayOf(a[0], ctx.timeZone) && day <= dayOf(a[1], ctx.timeZone);
    case 'DATE_NOT_BETWEEN':
      return day !== null && (day < dayOf(a[0], ctx.timeZone) || day > dayOf(a[1], ctx.timeZone));
    case 'CHECKBOX':
      if (a.length === 0) return typeof v.value === 'boolean';
      return a.some((x) => String(x) === text) || (a.length === 1 && text === '');
    case 'CUSTOM_FORMULA':
      return true;
  }
}

/** Apps Script's message for a write a rejecting rule refused. */
export function violationMessage(rule: ValidationRule, row: number, col: number): string {
  const base = `The data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`;
  if (rule.criteria === 'VALUE_IN_LIST') {
    return `${base} Please enter one of the following values: ${(rule.args[0] as string[]).join(', ')}.`;
  }
  return base;
}
