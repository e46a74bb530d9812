import { runLockedAction } from '../action';
import { provisionJob } from '../provision';
import { Job } from './job';
import { loadRecord, pendingJobNames, runJob } from './runner';

/** Every long operation, by name: what a continuation resumes. */
const JOBS: Readonly<Record<string, Job<unknown>>> = {
  [provisionJob.name]: provisionJob as Job<unknown>,
};

/** Menu: starts the operation, or resumes it where it paused. */
export function startJob<S>(job: Job<S>, options: { interactive?: boolean } = {}): void {
  runLockedAction(job.label, (ctx) => runJob(ctx, job, ctx.startedMs), options);
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
    runLockedAction(`${job.label} (chạy tiếp)`, (ctx) => runJob(ctx, job, ctx.startedMs), { interactive });
  }
}
