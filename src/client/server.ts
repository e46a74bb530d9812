/**
 * The server functions the sidebar calls (each an export of src/index.ts), typed, as promises
 * over google.script.run. Apps Script passes only primitives, arrays and plain objects both ways;
 * a thrown Error arrives in the failure handler with its message (Vietnamese, from src/app/console).
 */
import { ActionResult, ConsoleSnapshot, JobView, MailPreview } from '../domain/console/view';

export interface ServerApi {
  consoleSnapshot(): ConsoleSnapshot;
  consoleProgress(): JobView[];
  consoleAccept(target: string): ActionResult;
  consoleReturnPreview(target: string, comment: string): MailPreview;
  consoleReturn(target: string, comment: string): ActionResult;
  consoleGenerate(codes: string[]): ActionResult;
  consoleRemindPreview(codes: string[]): ActionResult;
  consoleRemind(codes: string[]): ActionResult;
  consoleShowProblems(code: string): ActionResult;
  consoleContinue(): ActionResult;
}

type Runner = {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error));
    runner[name](...args);
  });
}

/** The message of a failure as the person should read it. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Apps Script prefixes server exceptions with "Exception: " in some contexts.
  return text.replace(/^(Error|Exception):\s*/, '');
}
