import { runLockedAction } from '../action';
import { consolidateJob } from '../consolidate';
import { generateJob } from '../generate';
import { provisionJob } from '../provision';
import { remindJob } from '../reminders';
import { pushTemplateJob } from '../push-template';
import { refreshJob } from '../tracking';
import { Job } from './job';
import { CONTINUE_AFTER_MS, ensureContinuation, loadRecord, pendingJobNames, runJob } from './runner';

/** Every long operation, by name: what a continuation resumes. */
const JOBS: Readonly<Record<string, Job<unknown>>> = {
  [provisionJob.name]: provisionJob as Job<unknown>,
  [consolidateJob.name]: consolidateJob as Job<unknown>,
  [refreshJob.name]: refreshJob as Job<unknown>,
  [pushTemplateJob.name]: pushTemplateJob as Job<unknown>,
  [generateJob.name]: generateJob as Job<unknown>,
  [remindJob.name]: remindJob as Job<unknown>,
};

/** Menu: starts the operation, or resumes it where it paused. */
export function startJob<S>(job: Job<S>, options: { interactive?: boolean } = {}): void {
  const label = options.interactive === false ? `${job.label} (tự động)` : job.label;
  runLockedAction(label, (ctx) => runJob(ctx, job, ctx.startedMs), options);
}

/**
 * The continuation trigger (and "Chạy tiếp thao tác đang dở"): resumes every paused operation,
 * each under the lock, each logged.
 */
export function continueJobs(interactive: boolean): void {
  for (const name of pendingJobNames()) {
    const job = JOBS[name];
    const record = loadRecord(name);
    if (!job || !record) continue;
    // Scheduled first: if another run holds the lock and this one is refused, it tries again.
    ensureContinuation(CONTINUE_AFTER_MS);
    runLockedAction(`${job.label} (chạy tiếp)`, (ctx) => runJob(ctx, job, ctx.startedMs), { interactive });
  }
}
