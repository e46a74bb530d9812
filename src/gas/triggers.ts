/**
 * Installable time-driven triggers. One trigger per job for the whole office — never one per
 * unit file: a user may have 20 triggers per script (quotas page), and the jobs read every file
 * in batches anyway.
 */
export function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

export function deleteTriggers(handler: string): number {
  const found = triggersFor(handler);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

export function everyHours(handler: string, hours: number): void {
  ScriptApp.newTrigger(handler).timeBased().everyHours(hours).create();
}

export function dailyAt(handler: string, hour: number): void {
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
}

/** A one-off run `ms` from now (continuations). */
export function once(handler: string, ms: number): void {
  ScriptApp.newTrigger(handler).timeBased().after(ms).create();
}
