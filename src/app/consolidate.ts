import { SCOPE } from '../domain/scopes';
import {
  compactSummary,
  CompactBudgetSummary,
  emptySummary,
  expandSummary,
  mergeSummaries,
  summarizeBudget,
} from '../domain/consolidate/budget-totals';
import { cellUrl } from '../domain/consolidate/links';
import {
  budgetSheet,
  BUDGET_SHEET,
  CONSOLIDATED_SHEET,
  consolidatedFormat,
  consolidatedRow,
  LinkTo,
  PROBLEMS_SHEET,
  PROBLEM_HEADERS,
  PROPOSALS_SHEET,
  problemRow,
  problemsFormat,
  proposalLine,
  proposalLineOf,
  proposalLineRow,
  proposalsSheet,
} from '../domain/consolidate/master-sheets';
import { AgencyDirectory, readTaskTable } from '../domain/consolidate/read-task-table';
import { TaskRow } from '../domain/consolidate/task-row';
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { Problem } from '../domain/problem';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { writeDocumentJson } from '../gas/properties';
import {
  appendToDraft,
  draftPending,
  dropDraft,
  formatDraft,
  readDraft,
  startDraft,
  swapDrafts,
  writeDraft,
} from '../gas/replace-sheets';
import { readSheets, SheetRead } from '../gas/unit-reader';
import { ActionContext } from './action';
import { loadConfig, requireAdmin } from './config';
import { Job } from './jobs/job';
import { memo } from './jobs/memo';
import { BUDGET_SUMMARY_KEY } from './keys';
import { loadUnits, variantOf } from './provision';
import { sheetIdLookup } from './templates';
import { unitSheetRequests } from './unit-sheets';

const FAILURE_TEXT: Record<NonNullable<SheetRead['failure']>, string> = {
  missing: FILE_STATE_TEXT.missing,
  'no-sheet': 'Tệp không còn trang này (đã bị xóa hoặc đổi tên)',
  failed: 'Không đọc được trang này; thử lại sau',
};

/** Units per step: two or three parallel fetch batches, one append per sheet. */
const CONSOLIDATE_CHUNK = 100;
/** Proposals are kept raw while the run goes, then grouped by area at the end. */
const PROPOSALS_RAW = 'Đề xuất thô';
const MAX_KEPT_UNREADABLE = 60;

/** The sheets consolidation reads in each unit's file: the tasks, and an agency's proposals. */
function sheetsOf(unit: Unit): string[] {
  return proposesTasks(unit) ? [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals] : [UNIT_SHEETS.tasks];
}

interface ConsolidateState {
  /** Registry row of the last unit done: steps go on after it, whatever rows are added. */
  readonly afterRow: number;
  readonly remaining: number;
  readonly total: number;
  /** Rows of each draft sheet that belong to finished steps (header included). */
  readonly committed: { readonly tasks: number; readonly problems: number; readonly proposals: number };
  readonly budget: CompactBudgetSummary;
  readonly counts: {
    readonly tasks: number;
    readonly proposals: number;
    readonly errors: number;
    readonly warnings: number;
  };
  /** Units whose file could not be read: code and why. */
  readonly unreadable: readonly (readonly [string, string])[];
}

interface Setup {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly withFile: Unit[];
  readonly byCode: Map<string, Unit>;
  readonly link: LinkTo;
  readonly agencies: AgencyDirectory;
}

function setup(ctx: ActionContext): Setup {
  return memo(ctx, 'consolidate', () => {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    const units = loadUnits(ctx.master);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const sheetId = sheetIdLookup();
    const link: LinkTo = (code, sheet, cell) => {
      const unit = byCode.get(code);
      return unit?.fileId ? cellUrl(unit.fileId, sheetId(sheet, variantOf(unit)), cell) : '';
    };
    return {
      config,
      units,
      withFile: units.filter((u) => u.fileId),
      byCode,
      link,
      agencies: new AgencyDirectory(units.map((u) => u.name)),
    };
  });
}

/**
 * "Tổng hợp dữ liệu": reads every unit's task table (and agencies' proposals) — never writing to
 * a unit file — validates every row, and replaces the master's consolidation sheets as one step.
 * Units are read 100 at a time in parallel batches; rows go to draft sheets, which replace the
 * old sheets only when every unit is read, so a run that dies midway leaves the previous
 * consolidation intact. A unit whose file is gone is reported and flagged in the registry.
 */
export const consolidateJob: Job<ConsolidateState> = {
  name: 'consolidate',
  label: 'Tổng hợp dữ liệu',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  stepMs: 30 * 1000,
  begin(ctx) {
    const { withFile } = setup(ctx);
    const ss = ctx.master.ss;
    startDraft(ss, CONSOLIDATED_SHEET, consolidatedFormat(DEFAULT_TASK_COLUMNS, 0).values);
    startDraft(ss, PROBLEMS_SHEET, [PROBLEM_HEADERS]);
    startDraft(ss, PROPOSALS_RAW, [['Đơn vị', 'Mục', 'Liên kết']]);
    return {
      state: {
        afterRow: 0,
        remaining: withFile.length,
        total: withFile.length,
        committed: { tasks: 1, problems: 1, proposals: 1 },
        budget: emptySummary(),
        counts: { tasks: 0, proposals: 0, errors: 0, warnings: 0 },
        unreadable: [],
      },
      total: withFile.length,
    };
  },
  step(ctx, state) {
    const { config, withFile, link, agencies } = setup(ctx);
    const todo = withFile.filter((u) => u.row > state.afterRow);
    const chunk = todo.slice(0, CONSOLIDATE_CHUNK);
    const reads = readSheets(unitSheetRequests(chunk, sheetsOf));
    const readCtx = { planYear: config.planYear, columns: DEFAULT_TASK_COLUMNS, agencies };
    const tasks: TaskRow[] = [];
    const proposals: TaskRow[] = [];
    const problems: Problem[] = [];
    const unreadable: [string, string][] = [];
    for (const read of reads) {
      const unit = chunk.find((u) => read.request.key === `${u.code}|${read.request.sheetName}`) as Unit;
      const ref = { code: unit.code, name: unit.name };
      if (!read.grid) {
        const text = FAILURE_TEXT[read.failure ?? 'failed'];
        if (!unreadable.some(([code]) => code === unit.code)) unreadable.push([unit.code, text]);
        problems.push({
          severity: 'error',
          unit: ref,
          sheet: read.request.sheetName,
          cell: '',
          field: '',
          value: '',
          message: text,
        });
        continue;
      }
      const reading = readTaskTable(ref, read.request.sheetName, read.grid, readCtx);
      problems.push(...reading.problems);
      (read.request.sheetName === UNIT_SHEETS.proposals ? proposals : tasks).push(...reading.rows);
    }
    const ss = ctx.master.ss;
    const first = state.committed.tasks; // STT continues across steps
    const committed = {
      tasks: appendToDraft(
        ss,
        CONSOLIDATED_SHEET,
        state.committed.tasks,
        tasks.map((r, i) => consolidatedRow(r, first + i, DEFAULT_TASK_COLUMNS, link)),
      ),
      problems: appendToDraft(
        ss,
        PROBLEMS_SHEET,
        state.committed.problems,
        problems.map((p) => problemRow(p, link)),
      ),
      proposals: appendToDraft(
        ss,
        PROPOSALS_RAW,
        state.committed.proposals,
        proposals.map((r) => proposalLineRow(proposalLine(r, link))),
      ),
    };
    const errors = problems.filter((p) => p.severity === 'error').length;
    return {
      state: {
        ...state,
        afterRow: chunk.length > 0 ? chunk[chunk.length - 1].row : state.afterRow,
        remaining: todo.length - chunk.length,
        committed,
        budget: mergeSummaries(state.budget, compactSummary(summarizeBudget(tasks))),
        counts: {
          tasks: state.counts.tasks + tasks.length,
          proposals: state.counts.proposals + proposals.length,
          errors: state.counts.errors + errors,
          warnings: state.counts.warnings + problems.length - errors,
        },
        unreadable: [...state.unreadable, ...unreadable].slice(0, MAX_KEPT_UNREADABLE),
      },
      done: state.total - (todo.length - chunk.length),
    };
  },
  isDone: (state) => state.remaining === 0,
  finish(ctx, state) {
    const { master } = ctx;
    const { byCode } = setup(ctx);
    const ss = master.ss;
    const swapped = [CONSOLIDATED_SHEET, PROBLEMS_SHEET, PROPOSALS_SHEET, BUDGET_SHEET];
    // The four sheets are swapped as one group, "Tổng hợp" marked complete first: once it is, a
    // finish run again (after a failed call, or after it ended before the job was closed) only
    // completes the swap — it never rebuilds from drafts that are gone.
    if (draftPending(ss, CONSOLIDATED_SHEET)) {
      const lines = readDraft(ss, PROPOSALS_RAW, state.committed.proposals).map(proposalLineOf);
      const budget = expandSummary(state.budget);
      formatDraft(ss, consolidatedFormat(DEFAULT_TASK_COLUMNS, state.committed.tasks - 1));
      formatDraft(ss, problemsFormat(state.committed.problems - 1));
      writeDraft(ss, proposalsSheet(lines, DEFAULT_TASK_COLUMNS));
      writeDraft(ss, budgetSheet(budget));
    }
    swapDrafts(ss, swapped);
    dropDraft(ss, PROPOSALS_RAW);
    writeDocumentJson(BUDGET_SUMMARY_KEY, state.budget); // for the dashboard
    for (const [code, text] of state.unreadable) {
      master.writeRegistryCells((byCode.get(code) as Unit).row, registryColumn('fileState'), [text]);
    }
    const { tasks, proposals, errors, warnings } = state.counts;
    const read = state.total - state.unreadable.length;
    return {
      ok: state.unreadable.length === 0,
      summary: `Đã tổng hợp ${read}/${state.total} đơn vị: ${tasks} nhiệm vụ, ${proposals} đề xuất; ${errors} lỗi, ${warnings} cảnh báo (xem trang "Lỗi dữ liệu").`,
      counts: `${read}/${state.total} đơn vị, ${tasks} nhiệm vụ, ${errors} lỗi, ${warnings} cảnh báo`,
      problems: state.unreadable.map(([code, text]) => `${(byCode.get(code) as Unit).name}: ${text}.`),
    };
  },
};
