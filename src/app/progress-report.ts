import { OfficeConfig } from '../domain/config/fields';
import { compareDates, DateOnly, formatDateVn } from '../domain/dates';
import { DocSpec } from '../domain/document/doc-spec';
import { capProblem, quoted } from '../domain/document/limits';
import {
  progressReportDocument,
  ReportFacts,
  reportDocName,
  reportOversize,
  ReportScope,
  reportSymbol,
} from '../domain/document/progress-report';
import { PeriodProgress } from '../domain/progress/period-progress';
import { periodKey, ReportingPeriod } from '../domain/progress/periods';
import { Unit } from '../domain/registry/unit';
import { SCOPE } from '../domain/scopes';
import { DocsApiMemory, newDocsApiMemory } from '../gas/docs-api';
import { createDocumentsWithPdfs } from '../gas/docs-batch';
import { createRenderedDocument } from '../gas/documents';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { prompt } from '../gas/ui';
import { formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome, runLockedAction } from './action';
import { loadConfig, requireAdmin } from './config';
import {
  docUrl,
  finishMade,
  Output,
  OutputFolders,
  outputLister,
  planWrite,
  runStartOf,
  ToMake,
  writeDocument,
  writeTwice,
} from './document-writer';
import { outputFolders } from './generate';
import { documentsLeftForRun } from './generate-quota';
import { Job, jobScopes } from './jobs/job';
import { memo } from './jobs/memo';
import { loadRecord, runJob } from './jobs/runner';
import { unitLoopJob, UnitLoopState } from './jobs/unit-loop';
import { writeProgressDashboard } from './progress-dashboard';
import { consolidatedPeriods, LoadPeriodProgress, periodProgressLoader } from './progress-source';
import { loadUnits } from './provision';
import { todayInScriptZone } from './today';

/**
 * "Tạo báo cáo tiến độ kỳ …": the office's periodic report (Báo cáo kết quả thực hiện công tác
 * CCHC quý I / 6 tháng / quý III / năm) and each reporting unit's own, as Google Docs and PDFs,
 * from the period's consolidated progress (PeriodProgress, loaded through the injected
 * `LoadPeriodProgress`; no unit file is opened). The same document path as the plans
 * (document-writer.ts: record, fingerprint, archive; docs-batch.ts: Docs API batch with the
 * DocumentApp fallback), within the day's document quota: a document the quota does not cover is
 * reported and made by the next run (the ones made keep their Doc: unchanged data, no new copy).
 * Then the dashboard "Tiến độ - Biểu đồ" is rebuilt over every consolidated period.
 */
const REPORT_JOB = 'progress-report';
const LABEL = 'Tạo báo cáo tiến độ';
/** The period the run is for, kept while it continues (a continuation has no dialog). */
const PERIOD_KEY = 'cchc.progressReport.period';
const OFFICE = '__office__';
/** Units per step: their reports are made together (one fetchAll per kind of request). */
const REPORT_CHUNK = 5;
const UNIT_MS = 20 * 1000;

/** A document key: the office's or a unit's report of one period of one year. */
const reportKey = (year: number, period: ReportingPeriod, code: string) =>
  `report.${year}.${period.key}.${code}`;

/** The period a person names ("Quý I", "quy i", "6 tháng"); blank: the latest whose cut-off has passed. */
function choosePeriod(
  periods: readonly ReportingPeriod[],
  text: string,
  today: DateOnly,
): ReportingPeriod | { error: string } {
  const wanted = periodKey(text);
  if (wanted !== '') {
    const found = periods.find((p) => p.key === wanted);
    return (
      found ?? {
        error: `Không có kỳ báo cáo "${quoted(text)}". Các kỳ trong Cấu hình ("Kỳ báo cáo tiến độ"): ${periods.map((p) => p.name).join(', ')}.`,
      }
    );
  }
  const passed = periods.filter((p) => compareDates(p.cutOff, today) <= 0);
  return (
    passed[passed.length - 1] ?? {
      error: `Chưa kỳ báo cáo nào qua ngày chốt số liệu (kỳ đầu: ${periods[0]?.name ?? '—'}, chốt ngày ${periods[0] ? formatDateVn(periods[0].cutOff) : '—'}). Nhập tên kỳ nếu muốn tạo báo cáo trước.`,
    }
  );
}

/** The office's own report: its header, number symbol and signer from "Cấu hình". */
function officeFacts(config: OfficeConfig): ReportFacts {
  return {
    parentAuthority: config.parentAuthority,
    issuer: config.issuingAuthority,
    issuerShort: config.shortName,
    number: '',
    symbol: reportSymbol(config.documentSymbol),
    place: config.placeName,
    issueDate: null,
    year: config.planYear,
    recipients: config.recipients,
    signerAuthority: config.signerAuthority,
    signerTitle: config.signerTitle,
    signerName: config.signerName,
  };
}

/**
 * A unit's own report, sent to the office: its registry's header lines and place; the signer left
 * for the unit to write (the registry does not hold it; the plan's signer lives in the unit's file,
 * which the report never opens).
 */
function unitFacts(config: OfficeConfig, unit: Unit): ReportFacts {
  return {
    parentAuthority: unit.parentLine,
    issuer: unit.name,
    issuerShort: unit.name,
    number: '',
    symbol: 'BC',
    place: unit.placeName,
    issueDate: null,
    year: config.planYear,
    recipients: [config.shortName, 'Lưu: VT'],
    signerAuthority: '',
    signerTitle: 'Thủ trưởng cơ quan, đơn vị',
    signerName: '(Ký, ghi rõ họ tên)',
  };
}

interface Setup {
  readonly config: OfficeConfig;
  readonly period: ReportingPeriod;
  readonly next: ReportingPeriod | null;
  readonly progress: PeriodProgress;
  readonly folders: OutputFolders;
  readonly docsApi: DocsApiMemory;
  /** Registry units with entries in the period, in registry order. */
  readonly units: readonly Unit[];
}

/** What the person is told when the period has no consolidated data. */
function notConsolidatedMessage(period: ReportingPeriod): string {
  return `Chưa có số liệu tổng hợp tiến độ kỳ ${period.name}. Chạy tổng hợp tiến độ kỳ ${period.name} trước, rồi tạo báo cáo; chưa tạo văn bản nào.`;
}

function setupWith(ctx: ActionContext, load: LoadPeriodProgress): Setup {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  const key = readDocumentJson<string>(PERIOD_KEY) ?? '';
  const at = config.reportingPeriods.findIndex((p) => p.key === key);
  if (at < 0)
    throw new Error(`Kỳ báo cáo "${key}" không còn trong Cấu hình ("Kỳ báo cáo tiến độ"); chạy lại.`);
  const period = config.reportingPeriods[at];
  const progress = load(ctx.master, config, period);
  if (!progress) throw new Error(notConsolidatedMessage(period));
  const reporting = new Set(progress.entries.map((e) => e.unit.code));
  return {
    config,
    period,
    next: config.reportingPeriods[at + 1] ?? null,
    progress,
    folders: outputFolders(config, ctx.master),
    docsApi: newDocsApiMemory(),
    units: loadUnits(ctx.master, config).filter((u) => reporting.has(u.code)),
  };
}

/** A report to write: its key, its spec, or why it is not made. */
type Planned = { key: string; spec: DocSpec } | { problem: string };

function plannedReport(
  s: Setup,
  scope: ReportScope,
  facts: ReportFacts,
  issuer: string,
  code: string,
): Planned {
  const spec = progressReportDocument({
    name: reportDocName(s.period, s.progress.planYear, issuer),
    facts,
    progress: s.progress,
    scope,
    nextPeriod: s.next,
  });
  const oversize = reportOversize(spec);
  return oversize ? { problem: oversize } : { key: reportKey(s.progress.planYear, s.period, code), spec };
}

function quotaProblem(name: string): string {
  return capProblem(
    `${quoted(name)}: hôm nay đã hết hạn mức tạo văn bản của Google; chưa tạo báo cáo này. Chạy lại "Tạo báo cáo tiến độ" sau khi Google đặt lại hạn mức (0 giờ theo giờ Thái Bình Dương, tức 14 hoặc 15 giờ theo giờ Việt Nam); các báo cáo đã tạo được giữ nguyên.`,
  );
}

/**
 * Writes several reports the way the plans' chunks are written: each checked against its record
 * (kept when nothing changed), the ones to make made together through the Docs API within the
 * day's quota, any the batch could not make made one by one (the API again, or DocumentApp).
 */
function writeReports(
  s: Setup,
  reports: readonly { name: string; planned: Planned }[],
  madeSinceMs: number,
): (Output | { problem: string })[] {
  const listed = outputLister(s.folders.output);
  const plans = reports.map((r) => {
    if ('problem' in r.planned) return { problem: capProblem(`${quoted(r.name)}: ${r.planned.problem}`) };
    const plan = planWrite(s.folders, r.planned.key, r.planned.spec, '', madeSinceMs, listed);
    if ('skipped' in plan) return { problem: capProblem(`${quoted(r.name)}: ${plan.skipped}`) };
    return plan;
  });
  let left = documentsLeftForRun(s.config.googleAccount);
  const toMake: number[] = [];
  plans.forEach((p, i) => {
    if (!('make' in p)) return;
    if (left > 0) {
      toMake.push(i);
      left--;
    } else plans[i] = { problem: quotaProblem(reports[i].name) };
  });
  const specs = toMake.map((i) => (reports[i].planned as { spec: DocSpec }).spec);
  const made = createDocumentsWithPdfs(specs, s.folders.output, s.docsApi);
  const out = plans.map((p) => ('make' in p ? null : p));
  toMake.forEach((i, k) => {
    const planned = reports[i].planned as { key: string; spec: DocSpec };
    const m = made[k];
    const plan = plans[i] as { make: ToMake };
    if ('docId' in m) {
      out[i] = finishMade(s.folders, planned.key, plan.make, m);
      return;
    }
    out[i] = writeOne(s, reports[i].name, planned, madeSinceMs);
  });
  return out as (Output | { problem: string })[];
}

/** One report the one-at-a-time way, tried twice; a fault that is not the run's is the report's. */
function writeOne(
  s: Setup,
  name: string,
  planned: { key: string; spec: DocSpec },
  madeSinceMs: number,
): Output | { problem: string } {
  const out = writeTwice(() =>
    writeDocument(
      s.folders,
      planned.key,
      planned.spec,
      '',
      () => createRenderedDocument(planned.spec, s.folders.output, s.docsApi),
      madeSinceMs,
    ),
  );
  if ('fault' in out) {
    return {
      problem: capProblem(
        `${quoted(name)}: không tạo được báo cáo (lỗi: ${quoted(out.fault)}); chạy lại để tạo tiếp.`,
      ),
    };
  }
  return 'skipped' in out ? { problem: capProblem(`${quoted(name)}: ${out.skipped}`) } : out;
}

const runStart = (ctx: ActionContext) => runStartOf(ctx, REPORT_JOB);

interface ReportState {
  /** The office's report: its Doc's link once made, or why not; null before its step. */
  readonly office: { readonly url: string } | { readonly problem: string } | null;
  readonly loop: UnitLoopState;
}

/**
 * The report job: the office's report first (its own step: what matters most is made first,
 * within the quota), then the units' reports a chunk per step, then the dashboard.
 */
function progressReportJob(load: LoadPeriodProgress): Job<ReportState> {
  const setup = (ctx: ActionContext) => memo(ctx, 'progress-report.setup', () => setupWith(ctx, load));
  const units = unitLoopJob<Setup>({
    name: REPORT_JOB,
    label: LABEL,
    scopes: [],
    chunk: REPORT_CHUNK,
    unitMs: UNIT_MS,
    setup,
    each: (ctx, s, unit) => unitResults(ctx, s, [unit])[0],
    eachChunk: unitResults,
    outcome: () => ({ ok: true, summary: '', counts: '', problems: [] }),
  });
  return {
    name: REPORT_JOB,
    label: LABEL,
    scopes: [SCOPE.documents, SCOPE.drive, SCOPE.externalRequest],
    stepMs: units.stepMs,
    nextStepMs: (state) =>
      state.office === null ? UNIT_MS : (units.nextStepMs?.(state.loop) ?? units.stepMs),
    begin(ctx) {
      const b = units.begin(ctx);
      return { state: { office: null, loop: b.state }, total: b.total + 1 };
    },
    step(ctx, state, checkpoint) {
      if (state.office === null) {
        const s = setup(ctx);
        const planned = plannedReport(
          s,
          { kind: 'office' },
          officeFacts(s.config),
          s.config.shortName,
          OFFICE,
        );
        const [out] = writeReports(s, [{ name: s.config.shortName, planned }], runStart(ctx));
        const office = 'docId' in out ? { url: docUrl(out.docId) } : { problem: out.problem };
        return { state: { ...state, office }, done: 1 };
      }
      const next = units.step(ctx, state.loop, (mid) => checkpoint({ ...state, loop: mid }));
      return { state: { ...state, loop: next.state }, done: next.done + 1 };
    },
    isDone: (state) => state.office !== null && units.isDone(state.loop),
    finish(ctx, state) {
      const s = setup(ctx);
      writeProgressDashboard(ctx.master, consolidatedPeriods(ctx.master, s.config, load));
      const office = state.office!; // isDone: the office's step has run
      const url = 'url' in office ? office.url : null;
      const problems = [...('problem' in office ? [office.problem] : []), ...state.loop.problems];
      const officeLine =
        url !== null
          ? `Báo cáo của ${s.config.shortName}: ${url}`
          : `Chưa tạo được báo cáo của ${s.config.shortName}.`;
      return {
        ok: problems.length === 0,
        summary: `Kỳ ${s.period.name}: ${officeLine}\nĐã tạo ${state.loop.handled}/${state.loop.total} báo cáo của đơn vị (Google Docs và PDF) trong thư mục văn bản; đã cập nhật trang "Tiến độ - Biểu đồ".`,
        counts: `tạo ${state.loop.handled + (url !== null ? 1 : 0)}, lỗi ${problems.length}`,
        problems,
      };
    },
  };
}

function unitResults(
  ctx: ActionContext,
  s: Setup,
  units: readonly Unit[],
): { handled: boolean; problems: readonly string[] }[] {
  const reports = units.map((unit) => ({
    name: unit.name,
    planned: plannedReport(s, { kind: 'unit', unit }, unitFacts(s.config, unit), unit.name, unit.code),
  }));
  return writeReports(s, reports, runStart(ctx)).map((out) =>
    'problem' in out ? { handled: false, problems: [out.problem] } : { handled: true, problems: [] },
  );
}

/**
 * The report job, the one the continuation resumes too (registry.ts): the loader in place for this
 * execution (progress-source.ts; tests set theirs there).
 */
export const progressReportJobForRegistry: Job<ReportState> = progressReportJob((...args) =>
  periodProgressLoader()(...args),
);

/**
 * Makes the reports of the period named (blank: the latest whose cut-off has passed). Rights
 * first; a period without consolidated data stops here with a message saying to consolidate it
 * first — nothing made.
 */
export function generateProgressReports(ctx: ActionContext, periodText: string): ActionOutcome {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  if (!loadRecord(REPORT_JOB)) {
    const period = choosePeriod(config.reportingPeriods, periodText, todayInScriptZone());
    if ('error' in period) return { ok: false, summary: period.error, counts: 'tạo 0', problems: [] };
    if (!periodProgressLoader()(ctx.master, config, period)) {
      return { ok: false, summary: notConsolidatedMessage(period), counts: 'tạo 0', problems: [] };
    }
    writeDocumentJson(PERIOD_KEY, period.key);
  }
  return runJob(ctx, progressReportJobForRegistry, ctx.startedMs);
}

/** Menu: asks which period, then makes its reports. */
export function generateProgressReportsFromMenu(): void {
  const text = prompt(
    LABEL,
    'Nhập tên kỳ báo cáo (ví dụ Quý I, 6 tháng, Quý III, Năm).\nĐể trống: kỳ gần nhất đã qua ngày chốt số liệu.',
  );
  if (text !== null) {
    runLockedAction(LABEL, (ctx) => generateProgressReports(ctx, text), {
      scopes: jobScopes(progressReportJobForRegistry),
    });
  }
}

/** Menu: rebuilds "Tiến độ - Biểu đồ" alone, from every consolidated period. */
export function refreshProgressDashboard(ctx: ActionContext): ActionOutcome {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  const progresses = consolidatedPeriods(ctx.master, config);
  writeProgressDashboard(ctx.master, progresses);
  return {
    ok: true,
    summary:
      progresses.length === 0
        ? 'Chưa có kỳ báo cáo nào được tổng hợp; trang "Tiến độ - Biểu đồ" chỉ ghi hướng dẫn. Chạy tổng hợp tiến độ trước.'
        : `Đã cập nhật trang "Tiến độ - Biểu đồ" với ${progresses.length} kỳ báo cáo (${formatTimestamp(new Date(), ctx.master.timeZone())}).`,
    counts: `${progresses.length} kỳ`,
    problems: [],
  };
}
