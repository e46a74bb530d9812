import { compactSummary, summarizeBudget } from '../domain/consolidate/budget-totals';
import { cellUrl } from '../domain/consolidate/links';
import {
  budgetSheet,
  consolidatedSheet,
  LinkTo,
  problemsSheet,
  proposalsSheet,
} from '../domain/consolidate/master-sheets';
import { AgencyDirectory, readTaskTable } from '../domain/consolidate/read-task-table';
import { TaskRow } from '../domain/consolidate/task-row';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { Problem } from '../domain/problem';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { replaceSheets } from '../gas/replace-sheets';
import { readSheets, SheetRead } from '../gas/unit-reader';
import { unitSheetRequests } from './unit-sheets';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';
import { loadUnits, variantOf } from './provision';
import { sheetIdLookup } from './templates';
import { BUDGET_SUMMARY_KEY } from './keys';
import { writeDocumentJson } from '../gas/properties';

const FAILURE_TEXT: Record<NonNullable<SheetRead['failure']>, string> = {
  missing: FILE_STATE_TEXT.missing,
  'no-sheet': 'Tệp không còn trang này (đã bị xóa hoặc đổi tên)',
  failed: 'Không đọc được trang này; thử lại sau',
};

/** The sheets consolidation reads in each unit's file: the tasks, and an agency's proposals. */
function sheetsOf(unit: Unit): string[] {
  return proposesTasks(unit) ? [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals] : [UNIT_SHEETS.tasks];
}

/**
 * "Tổng hợp dữ liệu": reads every unit's task table (and agencies' proposals) — never writing to
 * a unit file — validates every row, and replaces the master's consolidation sheets as one step.
 * A unit whose file is gone is reported and flagged in the registry; the others go through.
 */
export function consolidate(ctx: ActionContext): ActionOutcome {
  const { master } = ctx;
  const config = loadConfig(master);
  requireAdmin(config, ctx.user);
  const units = loadUnits(master);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const columns = DEFAULT_TASK_COLUMNS;
  const readCtx = {
    planYear: config.planYear,
    columns,
    agencies: new AgencyDirectory(units.map((u) => u.name)),
  };

  const reads = readSheets(unitSheetRequests(units, sheetsOf));
  const tasks: TaskRow[] = [];
  const proposals: TaskRow[] = [];
  const problems: Problem[] = [];
  const unreadable = new Map<string, string>();

  for (const read of reads) {
    const unit = byCode.get(read.request.key.split('|')[0]) as Unit;
    const ref = { code: unit.code, name: unit.name };
    if (!read.grid) {
      const failure = read.failure ?? 'failed';
      unreadable.set(unit.code, FAILURE_TEXT[failure]);
      problems.push({
        severity: 'error',
        unit: ref,
        sheet: read.request.sheetName,
        cell: '',
        field: '',
        value: '',
        message: FAILURE_TEXT[failure],
      });
      continue;
    }
    const reading = readTaskTable(ref, read.request.sheetName, read.grid, readCtx);
    problems.push(...reading.problems);
    (read.request.sheetName === UNIT_SHEETS.proposals ? proposals : tasks).push(...reading.rows);
  }

  const sheetId = sheetIdLookup();
  const link: LinkTo = (code, sheet, cell) => {
    const unit = byCode.get(code);
    return unit?.fileId ? cellUrl(unit.fileId, sheetId(sheet, variantOf(unit)), cell) : '';
  };
  const budget = summarizeBudget(tasks);
  replaceSheets(master.ss, [
    consolidatedSheet(tasks, columns, link),
    proposalsSheet(proposals, columns, link),
    problemsSheet(problems, link),
    budgetSheet(budget),
  ]);
  writeDocumentJson(BUDGET_SUMMARY_KEY, compactSummary(budget)); // for the dashboard

  for (const [code, text] of unreadable) {
    master.writeRegistryCells((byCode.get(code) as Unit).row, registryColumn('fileState'), [text]);
  }

  const withFile = units.filter((u) => u.fileId).length;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const read = withFile - unreadable.size;
  return {
    ok: unreadable.size === 0,
    summary: `Đã tổng hợp ${read}/${withFile} đơn vị: ${tasks.length} nhiệm vụ, ${proposals.length} đề xuất; ${errors} lỗi, ${warnings} cảnh báo (xem trang "Lỗi dữ liệu").`,
    counts: `${read}/${withFile} đơn vị, ${tasks.length} nhiệm vụ, ${errors} lỗi, ${warnings} cảnh báo`,
    problems: [...unreadable].map(([code, text]) => `${(byCode.get(code) as Unit).name}: ${text}.`),
  };
}
