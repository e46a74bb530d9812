import { isolation } from './isolation';

/**
 * Installable time-driven triggers. One trigger per job for the whole office — never one per
 * unit file: a user may have 20 triggers per script (quotas page), and the jobs read every file
 * in batches anyway. Under the self-test's isolation (isolation.ts) the office's triggers are
 * neither listed, created nor deleted: a scratch run finishes in its one execution.
 */
export function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  if (isolation()) return [];
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

export function deleteTriggers(handler: string): number {
  const found = triggersFor(handler);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

export function everyHours(handler: string, hours: number): void {
  if (isolation()) return;
  ScriptApp.newTrigger(handler).timeBased().everyHours(hours).create();
}

export function dailyAt(handler: string, hour: number): void {
  if (isolation()) return;
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
}

/** A one-off run `ms` from now (continuations). */
export function once(handler: string, ms: number): void {
  if (isolation()) return;
  ScriptApp.newTrigger(handler).timeBased().after(ms).create();
}
