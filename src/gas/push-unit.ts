import { OfficeConfig } from '../domain/config/fields';
import { columnLetter, DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { planFields } from '../domain/plan/plan-fields';
import { Unit } from '../domain/registry/unit';
import { SheetSpec } from '../domain/sheet-spec';
import { personaliseSpec, taskProtections, taskValidations } from '../domain/unit-file/layout';
import {
  PLAN_HEADER_ROW,
  SUBMISSION_FIRST_ROW,
  TASK_FIRST_SECTION_ROW,
  TASK_HEADER_ROW,
  UNIT_SHEETS,
} from '../domain/unit-file/sheets';
import { headerProblemMessage, locateTaskTable } from '../domain/unit-file/task-table';
import {
  applyProtection,
  applyValidations,
  ensureSize,
  specHeight,
  specWidth,
  syncRangeProtections,
  writeSheetContent,
} from './render-sheet';
import { ProgressTarget } from './push-api';
import { progressPush, submissionStateValidation } from '../domain/progress/push-plan';
import { rectangular, SpecValue } from '../domain/sheet-spec';
import { writeCells } from './spreadsheets';
import { LOCK_PREFIX } from './unit-locks';
import { readGrid } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The template push inside one unit file (the adapter half of "Cập nhật mẫu cho các đơn vị"):
 * rewrites what holds no unit input, and re-applies labels, help, validation and protection
 * around what does — never a cell a unit typed.
 */
export function pushToUnit(
  ss: Spreadsheet,
  config: OfficeConfig,
  unit: Unit,
  specs: readonly SheetSpec[],
  editors: readonly string[],
  progress?: ProgressTarget,
): string[] {
  const problems: string[] = [];
  const spec = (name: string) => specs.find((s) => s.name === name);
  const sheetOf = (name: string) => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) problems.push(`${unit.name}: thiếu trang "${name}"; bỏ qua trang này.`);
    return sheet;
  };

  // Sheets that hold no unit input are rewritten whole.
  for (const name of [UNIT_SHEETS.guide, UNIT_SHEETS.lists]) {
    const sheet = sheetOf(name);
    const target = spec(name);
    if (!sheet || !target) continue;
    sheet.clearContents();
    writeSheetContent(sheet, personaliseSpec(target, unit.name));
  }

  // "Kế hoạch": labels (B) and help (D) beside the unit's text (C), matched by key (A).
  const plan = sheetOf(UNIT_SHEETS.plan);
  if (plan) {
    const last = plan.getLastRow();
    const keys =
      last > PLAN_HEADER_ROW
        ? plan.getRange(PLAN_HEADER_ROW + 1, 1, last - PLAN_HEADER_ROW, 1).getValues()
        : [];
    const fields = new Map(planFields(config).map((f) => [f.key as string, f]));
    const cells = keys.flatMap(([key], i) => {
      const field = fields.get(String(key));
      const row = PLAN_HEADER_ROW + 1 + i;
      return field
        ? [
            { sheet: UNIT_SHEETS.plan, row, column: 2, value: field.label },
            { sheet: UNIT_SHEETS.plan, row, column: 4, value: field.help },
          ]
        : [];
    });
    writeCells(ss, cells);
    // The input column is plain text in today's template: a narrative starting with "- " stays text.
    if (keys.length > 0) plan.getRange(PLAN_HEADER_ROW + 1, 3, keys.length, 1).setNumberFormat('@');
  }

  for (const name of [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals]) {
    if (!spec(name)) continue;
    const sheet = sheetOf(name);
    if (!sheet) continue;
    const columns = DEFAULT_TASK_COLUMNS;
    const grid = readGrid(
      sheet.getRange(1, 1, sheet.getMaxRows(), columns.length),
      ss.getSpreadsheetTimeZone(),
    );
    const shape = locateTaskTable(grid, columns);
    if (shape.headerProblems.length > 0) {
      problems.push(
        ...shape.headerProblems.map(
          (p) => `${unit.name}, trang "${name}": ${headerProblemMessage(p, columnLetter)}`,
        ),
      );
      continue;
    }
    const lastSection = shape.sections[shape.sections.length - 1]?.row ?? TASK_FIRST_SECTION_ROW;
    const lastRow = Math.max(shape.lastRow, lastSection + config.taskRowsPerSection);
    applyValidations(ss, sheet, taskValidations(columns, lastRow - TASK_HEADER_ROW, config.planYear));
    sheet.getRange(TASK_HEADER_ROW, 1, 1, columns.length).setNotes([columns.map((c) => c.help)]);
    syncRangeProtections(
      sheet,
      taskProtections(
        columns.length,
        shape.sections.map((s) => s.row),
        lastRow,
      ),
      editors,
      LOCK_PREFIX,
    );
  }
  if (progress && progress.periods.length > 0)
    problems.push(...pushProgress(ss, config, unit, progress, editors));
  return problems;
}

/**
 * The progress sheets of the open periods (domain/progress/push-plan.ts decides), through
 * SpreadsheetApp. A sheet is written in an order that never loses what the unit typed: its rows,
 * carried with the unit's input, go in with one setValues over the whole used area (never a
 * clear first), then formats, rules and the protection. A step stopped anywhere is redone whole
 * by the next push: an inserted but unwritten sheet is filled, a written one carried again.
 */
function pushProgress(
  ss: Spreadsheet,
  config: OfficeConfig,
  unit: Unit,
  progress: ProgressTarget,
  editors: readonly string[],
): string[] {
  const zone = ss.getSpreadsheetTimeZone();
  const push = progressPush({
    planYear: config.planYear,
    unitName: unit.name,
    periods: progress.periods,
    baseline: progress.baseline,
    sheet: (name) => {
      const sheet = ss.getSheetByName(name);
      return sheet ? readGrid(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()), zone) : null;
    },
  });
  for (const write of push.sheets) {
    const sheet = ss.getSheetByName(write.spec.name) ?? ss.insertSheet(write.spec.name, ss.getNumSheets());
    const spec = write.spec;
    ensureSize(sheet, specHeight(spec), specWidth(spec));
    const rows = Math.max(specHeight(spec), sheet.getLastRow());
    const columns = Math.max(specWidth(spec), sheet.getLastColumn());
    const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    // Number formats too (clearFormat keeps them): a text cell left "@" would store the
    // apostrophe of the literal written into it. Validations go with them (Range.clear options).
    whole.clear({ formatOnly: true, validationsOnly: true });
    // Padded to the used area: the rows the sheet no longer needs are blanked in the same write.
    const values = rectangular(spec.values).map((r) => [
      ...r,
      ...Array<SpecValue>(columns - r.length).fill(''),
    ]);
    while (values.length < rows) values.push(Array<SpecValue>(columns).fill(''));
    writeSheetContent(sheet, { ...spec, values });
    applyValidations(ss, sheet, spec.validations ?? []);
    for (const p of [
      ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
      ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
    ])
      if (p.getDescription().indexOf(LOCK_PREFIX) !== 0) p.remove();
    for (const p of spec.protections ?? []) applyProtection(sheet, p, editors);
  }
  const submission = ss.getSheetByName(UNIT_SHEETS.submission);
  if (push.rows.length > 0 && !submission)
    return [
      ...push.problems,
      `${unit.name}: thiếu trang "${UNIT_SHEETS.submission}"; chưa ghi được các kỳ báo cáo tiến độ.`,
    ];
  if (submission && push.rows.length > 0) {
    writeCells(
      ss,
      push.rows.flatMap((r) => [
        { sheet: UNIT_SHEETS.submission, row: r.row, column: 1, value: r.label },
        { sheet: UNIT_SHEETS.submission, row: r.row, column: 2, value: r.due },
        ...(r.state === null
          ? []
          : [{ sheet: UNIT_SHEETS.submission, row: r.row, column: 3, value: r.state }]),
      ]),
    );
    applyValidations(ss, submission, [submissionStateValidation(push.submissionRows)]);
    const open = submission.getRange(SUBMISSION_FIRST_ROW, 3, push.submissionRows, 2);
    for (const p of submission.getProtections(SpreadsheetApp.ProtectionType.SHEET))
      p.setUnprotectedRanges([open]);
  }
  return [...push.problems];
}

/** The gids of the named sheets the file has (a name it lacks is left out). */
export function sheetIdsByName(ss: Spreadsheet, names: readonly string[]): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) ids[name] = sheet.getSheetId();
  }
  return ids;
}
