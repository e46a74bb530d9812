import { OfficeConfig } from '../domain/config/fields';
import { columnLetter, DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { planFields } from '../domain/plan/plan-fields';
import { Unit } from '../domain/registry/unit';
import { SheetSpec } from '../domain/sheet-spec';
import { personaliseSpec, taskProtections, taskValidations } from '../domain/unit-file/layout';
import {
  PLAN_HEADER_ROW,
  TASK_FIRST_SECTION_ROW,
  TASK_HEADER_ROW,
  UNIT_SHEETS,
} from '../domain/unit-file/sheets';
import { headerProblemMessage, locateTaskTable } from '../domain/unit-file/task-table';
import { applyValidations, syncRangeProtections, writeSheetContent } from './render-sheet';
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
  return problems;
}
