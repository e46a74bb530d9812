import { AgencyDirectory, readTaskTable } from '../domain/consolidate/read-task-table';
import { TaskRow } from '../domain/consolidate/task-row';
import { OfficeConfig } from '../domain/config/fields';
import { DocSpec } from '../domain/document/doc-spec';
import { localPlanContent, unitPlanContent } from '../domain/document/plan-content';
import { planDocument, PlanContent } from '../domain/document/plan-document';
import {
  placeholdersIn,
  PLACEHOLDERS,
  placeholderValues,
  TABLE_MARKER,
  unknownPlaceholders,
} from '../domain/document/placeholders';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { planTexts } from '../domain/tracking/content';
import { trackKey } from '../domain/tracking/track-sheet';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { capProblem, oversizeReason, quoted } from '../domain/document/limits';
import { createRenderedDocument, fillTemplateCopy, templateFaultsOf, templateText } from '../gas/documents';
import { DocsApiMemory, newDocsApiMemory } from '../gas/docs-api';
import {
  apiOff,
  BatchDocument,
  CopyJob,
  createCopiesWithPdfs,
  createDocumentsWithPdfs,
} from '../gas/docs-batch';
import { TemplateFill } from '../domain/document/template-requests';
import {
  fromTemplateThroughApi,
  officeTemplateFill,
  templateError,
  TemplateError,
  templateTable,
} from './template-documents';
import { subfolder } from '../gas/drive';
import { MasterWorkbook } from '../gas/master';
import { deleteDocumentKey, readDocumentJson, writeDocumentJson } from '../gas/properties';
import {
  docUrl,
  fileUrl,
  finishMade,
  Output,
  OutputFolders,
  OutputListing,
  outputLister,
  planWrite,
  RUN_WIDE,
  runStartOf,
  ToMake,
  writeDocument,
  writeTwice,
} from './document-writer';
import { deleteTriggers, once } from '../gas/triggers';
import { prompt } from '../gas/ui';
import { ActionContext, ActionOutcome, runLockedAction } from './action';
import { NEXT_DAY_HANDLER, NEXT_DAY_KEY, NEXT_DAY_RETRY_MS, planToday } from './generate-quota';
import { unitLoopJob } from './jobs/unit-loop';
import { SCOPE } from '../domain/scopes';
import { jobScopes } from './jobs/job';
import { loadRecord, runJob } from './jobs/runner';
import { loadConfig, requireAdmin } from './config';
import { ensureFolder } from './folders';
import { loadUnits } from './provision';
import { loadTrackState } from './tracking';
import { readUnitSheets } from './unit-sheets';

type Folder = GoogleAppsScript.Drive.Folder;

const LOCAL_KEY = '__local__';

/** "Văn bản KH CCHC 2025 - Phòng Tư pháp": apart from the unit's spreadsheet of the same plan. */
export function unitDocName(config: OfficeConfig, unit: Pick<Unit, 'name'>): string {
  return `Văn bản KH CCHC ${config.planYear} - ${unit.name}`;
}

export function localDocName(config: OfficeConfig): string {
  return `Dự thảo Kế hoạch CCHC ${config.planYear} - ${config.issuingAuthority}`;
}

/**
 * One plan document through the shared document path (document-writer.ts): from the office's
 * template when one is configured, else from the built-in layout.
 */
function writePlanDocument(
  config: OfficeConfig,
  folders: OutputFolders,
  key: string,
  spec: DocSpec,
  content: PlanContent,
  madeSinceMs?: number,
  memory?: DocsApiMemory,
): Output | { skipped: string } {
  return writeDocument(
    folders,
    key,
    spec,
    config.documentTemplateId,
    () =>
      config.documentTemplateId
        ? fromTemplate(config.documentTemplateId, folders.output, spec, content)
        : createRenderedDocument(spec, folders.output, memory),
    madeSinceMs,
    // The office's template through the Docs API first (template-documents.ts); null: DocumentApp.
    config.documentTemplateId
      ? () =>
          fromTemplateThroughApi(
            config.documentTemplateId,
            folders.output,
            spec,
            content,
            memory ?? newDocsApiMemory(),
          )
      : undefined,
  );
}

/** A filled copy of the office's template; a placeholder it cannot fill is the template's fault. */
function fromTemplate(templateId: string, output: Folder, spec: DocSpec, content: PlanContent): string {
  const filled = fillTemplateCopy(
    templateId,
    spec.name,
    output,
    placeholderValues(placeholdersIn(templateText(templateId)), content),
    templateTable(content),
  );
  if ('left' in filled) throw templateError(filled.left);
  return filled.id;
}

/** The office's template is checked once, before anything is created: unknown names stop the run. */
function checkTemplate(config: OfficeConfig): void {
  if (!config.documentTemplateId) return;
  let text: string;
  let faults: string[];
  try {
    text = templateText(config.documentTemplateId);
    faults = templateFaultsOf(
      config.documentTemplateId,
      PLACEHOLDERS.map((p) => p.name),
    );
  } catch {
    throw new Error(
      `Không mở được mẫu văn bản "${config.documentTemplateId}" (mục "Mẫu văn bản riêng" trong Cấu hình).`,
    );
  }
  const unknown = unknownPlaceholders(placeholdersIn(text));
  if (unknown.length > 0) {
    throw new Error(
      `Mẫu văn bản có trường không hỗ trợ: ${unknown.map((n) => `{{${quoted(n)}}}`).join(', ')}. Sửa mẫu (xem danh sách trường trong hướng dẫn) rồi chạy lại; chưa tạo văn bản nào.`,
    );
  }
  if (faults.length > 0) {
    throw new Error(
      `Mẫu văn bản có trường không thay được: ${faults.map((n) => `{{${quoted(n)}}}`).join(', ')}. Mỗi trường phải được gõ liền, cùng một định dạng, và {{${TABLE_MARKER}}} phải là một đoạn riêng trong thân văn bản (không nằm trong bảng, đầu trang hay chân trang). Sửa mẫu rồi chạy lại; chưa tạo văn bản nào.`,
    );
  }
}

/** The plans' output folder (the periodic reports go there too) and its archive, made on first use. */
export function outputFolders(
  config: OfficeConfig,
  master: MasterWorkbook,
): { output: Folder; archive: () => Folder } {
  const output = ensureFolder(config, master, 'outputFolderId', `Kế hoạch CCHC ${config.planYear} - Văn bản`);
  let archive: Folder | null = null;
  return {
    output,
    archive: () => (archive = archive ?? subfolder(output, 'Lưu trữ')),
  };
}

/** Units named by code ("TP, VHO"), or — when none is named — every unit that submitted its plan. */
function chooseUnits(master: MasterWorkbook, config: OfficeConfig, units: Unit[], codesText: string): Unit[] {
  const codes = codesText
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  if (codes.length > 0) {
    const unknown = codes.filter((c) => !units.some((u) => u.code.toUpperCase() === c));
    if (unknown.length > 0) throw new Error(`Không có đơn vị mã: ${unknown.join(', ')}.`);
    return units.filter((u) => codes.includes(u.code.toUpperCase()));
  }
  const state = loadTrackState(master, config, units);
  return units.filter((u) => {
    const status = state.records.get(trackKey(u.code, 'plan'))?.status;
    return status === 'submitted' || status === 'accepted';
  });
}

const CODES_KEY = 'cchc.generate.codes';
const GENERATE_JOB = 'generate';

type Setup = Readonly<{
  config: OfficeConfig;
  agencies: AgencyDirectory;
  folders: { output: Folder; archive: () => Folder };
  /** A refusal for good of the Docs API, remembered for the rest of the execution. */
  docsApi: DocsApiMemory;
}>;
type UnitResult = Output | { problem: string };

/** A unit's "Kế hoạch" and "Nhiệm vụ" grids as read (null where a read failed). */
type UnitGrids = readonly [CellGrid | null, CellGrid | null];
type CellGrid = NonNullable<ReturnType<typeof readUnitSheets>[number]['grid']>;
const DOC_SHEETS = [UNIT_SHEETS.plan, UNIT_SHEETS.tasks];

/**
 * The grids of many units in one read (readUnitSheets: their CSV exports in one fetchAll), by
 * unit code; empty when the read itself fails for a reason not the run's (each unit then reads
 * its own, as before).
 */
function readChunkGrids(units: readonly Unit[]): Map<string, UnitGrids> {
  const out = new Map<string, UnitGrids>();
  try {
    const reads = readUnitSheets(units, () => DOC_SHEETS);
    const byKey = new Map(reads.map((r) => [r.request.key, r.grid]));
    for (const unit of units) {
      const [plan, tasks] = DOC_SHEETS.map((sheet) => byKey.get(`${unit.code}|${sheet}`) ?? null);
      out.set(unit.code, [plan, tasks]);
    }
  } catch (e) {
    if (RUN_WIDE.test(e instanceof Error ? e.message : String(e))) throw e;
  }
  return out;
}

/** A unit's spec and content, or why its document cannot be made (its file unreadable, too big). */
function unitSpec(
  s: Setup,
  unit: Unit,
  grids?: UnitGrids,
): { spec: DocSpec; content: PlanContent } | { problem: string } {
  const [plan, tasksGrid] = grids ?? readUnitSheets([unit], () => DOC_SHEETS).map((r) => r.grid);
  if (!plan || !tasksGrid) {
    return {
      problem: `không đọc được bảng tính của đơn vị (tệp đã bị xóa, chuyển vào thùng rác hoặc tài khoản của bạn không được mở); chưa tạo văn bản cho đơn vị này. Kiểm tra tệp của đơn vị rồi chạy lại cho mã ${unit.code}.`,
    };
  }
  const reading = readTaskTable({ code: unit.code, name: unit.name }, UNIT_SHEETS.tasks, tasksGrid, {
    planYear: s.config.planYear,
    level: s.config,
    columns: DEFAULT_TASK_COLUMNS,
    agencies: s.agencies,
  });
  if (!reading.structureOk) return { problem: 'bảng nhiệm vụ bị đổi cấu trúc; xem "Tổng hợp dữ liệu".' };
  const content = unitPlanContent(s.config, unit.name, planTexts(plan), reading.rows, unit.placeName);
  const spec = planDocument(unitDocName(s.config, unit), content, DEFAULT_TASK_COLUMNS);
  const oversize = oversizeReason(spec, content.tasks.length);
  if (oversize) return { problem: oversize };
  return { spec, content };
}

/**
 * One unit's document, or why it is not made (its file unreadable, its table changed, too big,
 * edited by hand). Throws only on a fault while making it.
 */
function unitDocument(s: Setup, unit: Unit, runStartedMs: number): UnitResult {
  const made = unitSpec(s, unit);
  if ('problem' in made) return made;
  const out = writePlanDocument(
    s.config,
    s.folders,
    unit.code,
    made.spec,
    made.content,
    runStartedMs,
    s.docsApi,
  );
  return 'skipped' in out ? { problem: out.skipped } : out;
}

const runStart = (ctx: ActionContext) => runStartOf(ctx, GENERATE_JOB);

type StepResult = { handled: boolean; problems: readonly string[] };

/** One unit the one-at-a-time way: tried twice, its fault reported against it, not the run. */
function eachUnit(ctx: ActionContext, s: Setup, unit: Unit): StepResult {
  const runStartedMs = runStart(ctx);
  // A fault of the office's template is not the unit's (every unit would meet it): thrown on.
  const tried = writeTwice(
    () => unitDocument(s, unit, runStartedMs),
    (e) => e instanceof TemplateError,
  );
  const result: UnitResult =
    'fault' in tried
      ? {
          problem: `không tạo được văn bản (lỗi: ${quoted(tried.fault)}); đã bỏ qua đơn vị này, các đơn vị khác vẫn được tạo. Kiểm tra bảng tính của đơn vị rồi chạy lại cho mã ${unit.code}.`,
        }
      : tried;
  return unitResult(ctx, unit, result);
}

function unitResult(ctx: ActionContext, unit: Unit, result: UnitResult): StepResult {
  if ('problem' in result) {
    return { handled: false, problems: [capProblem(`${quoted(unit.name)}: ${result.problem}`)] };
  }
  ctx.master.writeRegistryCells(unit.row, registryColumn('planDoc'), [
    docUrl(result.docId),
    fileUrl(result.pdfId),
  ]);
  return { handled: true, problems: [] };
}

/** What a unit needs before the batch: its result already, the batch's work, or the slow way. */
type Planned =
  | { result: UnitResult }
  | { batch: { spec: DocSpec; content: PlanContent; make: ToMake } }
  | { serial: true };

function planUnit(
  s: Setup,
  unit: Unit,
  runStartedMs: number,
  grids?: UnitGrids,
  listed?: () => OutputListing | undefined,
): Planned {
  try {
    const made = unitSpec(s, unit, grids);
    if ('problem' in made) return { result: made };
    const plan = planWrite(
      s.folders,
      unit.code,
      made.spec,
      s.config.documentTemplateId,
      runStartedMs,
      listed,
    );
    if ('skipped' in plan) return { result: { problem: plan.skipped } };
    if ('make' in plan) return { batch: { spec: made.spec, content: made.content, make: plan.make } };
    return { result: plan };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (RUN_WIDE.test(message)) throw e;
    // Reported (after its own retry) by the one-at-a-time way.
    return { serial: true };
  }
}

/**
 * A step's units together: their data read at once (one fetchAll), each record checked, then
 * every document to make made at once — copies (of the built-in layout template, or of the
 * office's own template), fills and PDF exports in parallel (docs-batch.ts) — and recorded unit by
 * unit. A unit the batch could not make (a passing fault, the Docs API refused for good, or an
 * office template the API cannot fill exactly) is made the one-at-a-time way, which tries the API
 * again or goes to DocumentApp.
 */
function eachChunk(ctx: ActionContext, s: Setup, units: readonly Unit[]): StepResult[] {
  const runStartedMs = runStart(ctx);
  const grids = readChunkGrids(units);
  // Listed when the first unit to make needs it (none when every document is kept).
  const listed = outputLister(s.folders.output);
  const planned = units.map((u) => planUnit(s, u, runStartedMs, grids.get(u.code), listed));
  const candidates = planned.flatMap((p, i) => ('batch' in p ? [{ i, ...p.batch }] : []));
  const { batched, made } = makeBatch(s, candidates);
  const byUnit = new Map(batched.map((b, k) => [b.i, { ...b, made: made[k] }]));
  return units.map((unit, i) => {
    const p = planned[i];
    if ('result' in p) return unitResult(ctx, unit, p.result);
    const b = byUnit.get(i);
    if (!b || !('docId' in b.made)) return eachUnit(ctx, s, unit);
    const out = finishMade(s.folders, unit.code, b.make, b.made);
    return unitResult(ctx, unit, out);
  });
}

type Candidate = { i: number; spec: DocSpec; content: PlanContent; make: ToMake };

/**
 * The step's documents through the Docs API at once. With the office's template, a unit whose
 * template cannot be filled (a name left: the template's fault) or a template the API cannot fill
 * exactly is left out of the batch, for the one-at-a-time way to report or make with DocumentApp;
 * so is the whole step when the template's read meets a fault that may pass.
 */
function makeBatch(
  s: Setup,
  candidates: readonly Candidate[],
): { batched: Candidate[]; made: BatchDocument[] } {
  const templateId = s.config.documentTemplateId;
  if (!templateId) {
    const specs = candidates.map((b) => b.spec);
    return { batched: [...candidates], made: createDocumentsWithPdfs(specs, s.folders.output, s.docsApi) };
  }
  if (candidates.length === 0 || apiOff(1, s.docsApi)) return { batched: [], made: [] };
  const jobs: CopyJob[] = [];
  const batched: Candidate[] = [];
  for (const c of candidates) {
    let fill: TemplateFill | { fallback: string };
    try {
      fill = officeTemplateFill(templateId, c.content, s.docsApi);
    } catch (e) {
      if (RUN_WIDE.test(e instanceof Error ? e.message : String(e))) throw e;
      return { batched: [], made: [] };
    }
    if (!('requests' in fill)) continue;
    jobs.push({ name: c.spec.name, requests: fill.requests, checks: fill.checks });
    batched.push(c);
  }
  const template = { id: templateId, label: 'mẫu văn bản' };
  return { batched, made: createCopiesWithPdfs(jobs, template, s.folders.output, s.docsApi) };
}

/** Units per step: their documents are made together (eachChunk). */
export const GENERATE_CHUNK = 5;

/**
 * "Tạo văn bản kế hoạch": each chosen unit's plan as a Google Doc and PDF, linked in the
 * registry. Works in steps of a few units (a document takes seconds); which units were asked
 * for is kept while the run continues.
 */
export const generateJob = unitLoopJob({
  name: GENERATE_JOB,
  label: 'Tạo văn bản kế hoạch',
  scopes: [SCOPE.documents, SCOPE.drive, SCOPE.externalRequest],
  chunk: GENERATE_CHUNK,
  unitMs: 20 * 1000,
  setup(ctx: ActionContext) {
    const { master } = ctx;
    const config = loadConfig(master);
    requireAdmin(config, ctx.user);
    checkTemplate(config);
    const all = loadUnits(master, config);
    const codes = readDocumentJson<string>(CODES_KEY) ?? '';
    return {
      config,
      units: chooseUnits(master, config, all, codes).filter((u) => u.fileId),
      agencies: new AgencyDirectory(all.map((u) => u.name)),
      folders: outputFolders(config, master),
      docsApi: newDocsApiMemory(),
    };
  },
  each: eachUnit,
  eachChunk,
  outcome: (state) => ({
    ok: state.problems.length === 0,
    summary:
      state.total === 0
        ? 'Chưa có đơn vị nào đã nộp kế hoạch để tạo văn bản.'
        : `Đã tạo ${state.handled} văn bản kế hoạch (Google Docs và PDF) trong thư mục văn bản.`,
    counts: `tạo ${state.handled}, lỗi ${state.problems.length}`,
    problems: [...state.problems],
  }),
});

/**
 * Generates for the units named by code ("TP, VHO"; blank: every unit that submitted). A new run
 * first checks the day's document quota: what it does not cover waits for the next day (see
 * generate-quota.ts), and the person is told so.
 */
export function generateUnitPlans(ctx: ActionContext, codesText: string): ActionOutcome {
  // Rights first: a refused person must touch nothing — not the codes, nor a paused run's record
  // (a refusal inside the job would count as a failed step of the admin's run).
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  let notice: string | null = null;
  if (!loadRecord(generateJob.name)) {
    const all = loadUnits(ctx.master, config);
    const chosen = chooseUnits(ctx.master, config, all, codesText).filter((u) => u.fileId);
    const today = planToday(chosen, ctx.master.timeZone(), config.googleAccount);
    notice = today.notice;
    if (today.codes === null) return { ok: true, summary: notice ?? '', counts: 'tạo 0', problems: [] };
    writeDocumentJson(CODES_KEY, today.codes);
  }
  const outcome = runJob(ctx, generateJob, ctx.startedMs);
  return notice ? { ...outcome, summary: `${notice}\n${outcome.summary}` } : outcome;
}

/** The next-day trigger: makes the documents the previous day's quota left over. */
export function generateNextDay(): void {
  const codes = readDocumentJson<string>(NEXT_DAY_KEY);
  deleteTriggers(NEXT_DAY_HANDLER);
  if (!codes) return;
  if (loadRecord(generateJob.name)) {
    // A run is still going: its codes stay; this comes back once it is done.
    once(NEXT_DAY_HANDLER, NEXT_DAY_RETRY_MS);
    return;
  }
  deleteDocumentKey(NEXT_DAY_KEY);
  runLockedAction('Tạo văn bản kế hoạch (hôm sau)', (ctx) => generateUnitPlans(ctx, codes), {
    interactive: false,
    scopes: jobScopes(generateJob),
  });
}

/** "Tạo dự thảo kế hoạch chung": from the agencies' proposals and the settings. */
export function generateLocalPlan(ctx: ActionContext): ActionOutcome {
  const { master } = ctx;
  const config = loadConfig(master);
  requireAdmin(config, ctx.user);
  checkTemplate(config);
  const units = loadUnits(master, config);
  const agenciesWithFile = units.filter((u) => proposesTasks(u) && u.fileId);
  const reads = readUnitSheets(agenciesWithFile, () => [UNIT_SHEETS.proposals]);
  const directory = new AgencyDirectory(units.map((u) => u.name));
  const proposals: TaskRow[] = [];
  for (const read of reads) {
    const unit = agenciesWithFile.find(
      (u) => read.request.key === `${u.code}|${UNIT_SHEETS.proposals}`,
    ) as Unit;
    if (!read.grid) continue;
    proposals.push(
      ...readTaskTable({ code: unit.code, name: unit.name }, UNIT_SHEETS.proposals, read.grid, {
        planYear: config.planYear,
        level: config,
        columns: DEFAULT_TASK_COLUMNS,
        agencies: directory,
      }).rows,
    );
  }
  const content = localPlanContent(config, proposals);
  const spec = planDocument(localDocName(config), content, DEFAULT_TASK_COLUMNS);
  const out = writePlanDocument(config, outputFolders(config, master), LOCAL_KEY, spec, content);
  if ('skipped' in out) return { ok: false, summary: out.skipped, counts: 'tạo 0', problems: [] };
  return {
    ok: true,
    summary: `Đã tạo dự thảo kế hoạch chung với ${proposals.length} nhiệm vụ đề xuất: ${docUrl(out.docId)}`,
    counts: `${proposals.length} nhiệm vụ`,
    problems: [],
  };
}

/** Menu: asks which units (blank: every unit that submitted), then generates. */
export function generateUnitPlansFromMenu(): void {
  const codes = prompt(
    'Tạo văn bản kế hoạch',
    'Nhập mã các đơn vị, cách nhau bởi dấu phẩy (ví dụ TP, VHO).\nĐể trống: tạo cho mọi đơn vị đã nộp hoặc đã được tiếp nhận.',
  );
  if (codes !== null) {
    runLockedAction('Tạo văn bản kế hoạch', (ctx) => generateUnitPlans(ctx, codes), {
      scopes: jobScopes(generateJob),
    });
  }
}
