import {
  progressRow,
  progressSheetSpec,
  progressText,
  PROGRESS_SHEET,
  JobPhase,
} from '../../domain/jobs/progress';
import { EXECUTION_LIMIT_MS, TimeBudget } from '../../domain/jobs/time-budget';
import { deleteDocumentKey, documentKeys, readDocumentJson, writeDocumentJson } from '../../gas/properties';
import { deleteTriggers, once, triggersFor } from '../../gas/triggers';
import { toast } from '../../gas/ui';
import { formatTimestamp } from '../../gas/values';
import { ActionContext, ActionOutcome } from '../action';
import { Job, JobRecord } from './job';

/** The one trigger handler that resumes every paused job (src/index.ts exports it). */
export const CONTINUE_HANDLER = 'continueJobsTrigger';
/** A continuation starts about a minute later (time-driven trigger `after`; a minimum, not exact). */
export const CONTINUE_AFTER_MS = 60 * 1000;
const KEY_PREFIX = 'cchc.job.';

export function jobKey(name: string): string {
  return KEY_PREFIX + name;
}

export function pendingJobNames(): string[] {
  return documentKeys(KEY_PREFIX).map((k) => k.slice(KEY_PREFIX.length));
}

export function loadRecord<S>(name: string): JobRecord<S> | null {
  return readDocumentJson<JobRecord<S>>(jobKey(name));
}

/**
 * Runs a job until it is done or the time budget says stop. Before any work the continuation is
 * scheduled, so even an execution killed without warning is resumed; every finished step saves
 * the state. A person who starts the same operation while it is paused resumes it.
 */
export function runJob<S>(ctx: ActionContext, job: Job<S>, startedMs: number): ActionOutcome {
  const budget = new TimeBudget(startedMs, () => new Date().getTime());
  const now = () => new Date().getTime();
  const zone = ctx.master.timeZone();
  let record = loadRecord<S>(job.name);
  if (!record) {
    const { state, total } = job.begin(ctx);
    record = {
      name: job.name,
      label: job.label,
      state,
      done: 0,
      total,
      startedMs: now(),
      updatedMs: now(),
      executions: 0,
      failures: 0,
    };
  }
  record = { ...record, executions: record.executions + 1, updatedMs: now() };
  writeDocumentJson(jobKey(job.name), record);
  // A watchdog: if this execution is killed without warning, the job resumes after the time
  // limit — never while this execution may still hold the lock.
  ensureContinuation(EXECUTION_LIMIT_MS + CONTINUE_AFTER_MS);
  const show = (phase: JobPhase) => showProgress(ctx, record as JobRecord<S>, phase, zone);
  show('running');

  while (!job.isDone(record.state)) {
    if (!budget.allows(job.nextStepMs ? job.nextStepMs(record.state) : job.stepMs)) {
      ensureContinuation(CONTINUE_AFTER_MS);
      show('waiting');
      const line = `${progressText(job.label, record.done, record.total)}; sẽ tự chạy tiếp sau khoảng 1 phút.`;
      if (ctx.interactive) toast(ctx.master.ss, line, job.label);
      return { ok: true, summary: line, counts: `${record.done}/${record.total}`, problems: [] };
    }
    let next: { state: S; done: number };
    try {
      const saved = record;
      next = job.step(ctx, record.state, (mid) => {
        record = { ...saved, state: mid, updatedMs: now() };
        writeDocumentJson(jobKey(job.name), record);
      });
    } catch (e) {
      record = failed(job, record, e, show);
      throw e; // the continuation retries this step from its saved state
    }
    record = { ...record, state: next.state, done: next.done, updatedMs: now(), failures: 0 };
    writeDocumentJson(jobKey(job.name), record);
    show('running');
  }

  let outcome: ActionOutcome;
  try {
    outcome = job.finish(ctx, record.state);
  } catch (e) {
    failed(job, record, e, show);
    throw e;
  }
  abandon(job.name);
  show('done');
  return outcome;
}

/**
 * A step (or the finish) failed: counted, saved, retried a minute later — or, at the third
 * failure in a row, the job is given up with a message saying so (what was done stays done).
 */
function failed<S>(
  job: Job<S>,
  current: JobRecord<S>,
  e: unknown,
  show: (phase: JobPhase) => void,
): JobRecord<S> {
  const record = { ...current, failures: current.failures + 1, updatedMs: new Date().getTime() };
  if (record.failures >= MAX_FAILURES) {
    abandon(job.name);
    show('failed');
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${job.label} dừng hẳn sau ${MAX_FAILURES} lần lỗi liên tiếp ở cùng một bước: ${reason}. Phần đã làm được giữ nguyên; sửa lỗi rồi chạy lại.`,
    );
  }
  writeDocumentJson(jobKey(job.name), record);
  ensureContinuation(CONTINUE_AFTER_MS);
  show('failed');
  return record;
}

/** A step that fails this many times in a row stops the job for good (no endless retries). */
export const MAX_FAILURES = 3;

/** Forgets a paused job without resuming it (the self-test's scratch jobs, which nothing resumes). */
export function forgetJob(name: string): void {
  deleteDocumentKey(jobKey(name));
}

/** Forgets a job's record; the continuation goes when no job is left, else comes soon. */
function abandon(name: string): void {
  deleteDocumentKey(jobKey(name));
  if (pendingJobNames().length === 0) deleteTriggers(CONTINUE_HANDLER);
  else ensureContinuation(CONTINUE_AFTER_MS);
}

/** One pending continuation trigger for all jobs, `afterMs` from now; older ones are removed. */
export function ensureContinuation(afterMs: number): void {
  if (triggersFor(CONTINUE_HANDLER).length > 0) deleteTriggers(CONTINUE_HANDLER);
  once(CONTINUE_HANDLER, afterMs);
}

function showProgress<S>(ctx: ActionContext, record: JobRecord<S>, phase: JobPhase, zone: string): void {
  ctx.master.ensureSheet(progressSheetSpec(), []);
  const time = (ms: number) => formatTimestamp(new Date(ms), zone);
  ctx.master.upsertRow(
    PROGRESS_SHEET,
    progressRow(
      record.label,
      phase,
      record.done,
      record.total,
      time(record.startedMs),
      time(record.updatedMs),
      record.executions,
    ),
  );
}

/** A paused job whose last step is older than this has stalled (its continuation did not run). */
export const STALLED_AFTER_MS = 15 * 60 * 1000;

export function stalledJobs(nowMs: number): JobRecord<unknown>[] {
  return pendingJobNames()
    .map((name) => loadRecord<unknown>(name))
    .filter((r): r is JobRecord<unknown> => r !== null && nowMs - r.updatedMs > STALLED_AFTER_MS);
}
