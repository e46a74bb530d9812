import { ActionContext, ActionOutcome, runLockedAction } from '../action';
import { configOnce, requireAdmin } from '../config';
import { consolidateJob } from '../consolidate';
import { consolidateProgressJob } from '../consolidate-progress';
import { generateJob } from '../generate';
import { progressReportJobForRegistry } from '../progress-report';
import { provisionJob } from '../provision';
import { pushTemplateJob } from '../push-template';
import { remindJob, remindSelectedJob } from '../reminders';
import { refreshJob } from '../tracking';
import { SCOPE } from '../../domain/scopes';
import { missingScopes } from '../../gas/scopes';
import { deleteTriggers } from '../../gas/triggers';
import { Job, jobScopes } from './job';
import {
  CONTINUE_AFTER_MS,
  CONTINUE_HANDLER,
  ensureContinuation,
  loadRecord,
  pendingJobNames,
  runJob,
} from './runner';

/** Every long operation, by name: what a continuation resumes. */
const JOBS: Readonly<Record<string, Job<unknown>>> = {
  [provisionJob.name]: provisionJob as Job<unknown>,
  [consolidateJob.name]: consolidateJob as Job<unknown>,
  [consolidateProgressJob.name]: consolidateProgressJob as Job<unknown>,
  [refreshJob.name]: refreshJob as Job<unknown>,
  [pushTemplateJob.name]: pushTemplateJob as Job<unknown>,
  [generateJob.name]: generateJob as Job<unknown>,
  [remindJob.name]: remindJob as Job<unknown>,
  [remindSelectedJob.name]: remindSelectedJob as Job<unknown>,
  [progressReportJobForRegistry.name]: progressReportJobForRegistry as Job<unknown>,
};

/** Rights first: a refused person must not count as a failed step of someone else's job. */
function runAsAdmin<S>(ctx: ActionContext, job: Job<S>) {
  requireAdmin(configOnce(ctx), ctx.user);
  return runJob(ctx, job, ctx.startedMs);
}

/** Menu: starts the operation, or resumes it where it paused. */
export function startJob<S>(
  job: Job<S>,
  options: { interactive?: boolean; report?: boolean } = {},
): ActionOutcome {
  const label = options.interactive === false ? `${job.label} (tự động)` : job.label;
  return runLockedAction(label, (ctx) => runAsAdmin(ctx, job), {
    ...options,
    scopes: jobScopes(job),
  });
}

/**
 * The continuation trigger (and "Chạy tiếp thao tác đang dở"): resumes the first paused
 * operation — one per execution, so each has the whole time budget; the next one is resumed by
 * the following continuation.
 */
export function continueJobs(interactive: boolean, options: { report?: boolean } = {}): ActionOutcome | null {
  const name = pendingJobNames().find((n) => JOBS[n] && loadRecord(n));
  if (!name) {
    // A job that ended in an execution that died before removing its continuation (a failed
    // call right after the job was closed): the spent trigger goes now, not never.
    if (missingScopes([SCOPE.scriptApp]).length === 0) deleteTriggers(CONTINUE_HANDLER);
    return null;
  }
  const job = JOBS[name];
  const label = `${job.label} (chạy tiếp)`;
  const scopes = jobScopes(job);
  // Scheduled first: if another run holds the lock and this one is refused, it tries again.
  // Not without the trigger permission: then runLockedAction refuses, and says why, first.
  if (missingScopes(scopes).length === 0) ensureContinuation(CONTINUE_AFTER_MS);
  return runLockedAction(label, (ctx) => runAsAdmin(ctx, job), { interactive, scopes, ...options });
}
