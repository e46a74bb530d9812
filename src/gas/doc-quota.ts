import { GoogleAccountType } from '../domain/config/fields';
import { counted, DayCount, DOCUMENTS_PER_DAY, usedOn } from '../domain/document/daily-quota';
import { readDocumentJson, writeDocumentJson } from './properties';

/**
 * The product's own count of the Google Docs it created today (see domain/document/daily-quota.ts):
 * kept in a document property, by Pacific day.
 */
const COUNT_KEY = 'cchc.docs.createdToday';
const PACIFIC = 'America/Los_Angeles';

export function pacificDay(ms: number): string {
  return Utilities.formatDate(new Date(ms), PACIFIC, 'yyyy-MM-dd');
}

/**
 * The account's daily limit. Apps Script cannot tell a consumer account from a Google Workspace
 * one, so the office says which in "Cấu hình" ("Loại tài khoản Google"; blank: consumer, the
 * stricter). This document property, when set, overrides it (never above Workspace's figure).
 */
export const DAILY_LIMIT_KEY = 'cchc.docs.dailyLimit';

export function dailyDocumentLimit(account: GoogleAccountType): number {
  const set = readDocumentJson<number>(DAILY_LIMIT_KEY);
  return typeof set === 'number' && set > 0
    ? Math.min(set, DOCUMENTS_PER_DAY.workspace)
    : DOCUMENTS_PER_DAY[account];
}

export function documentsLeftToday(account: GoogleAccountType, nowMs = new Date().getTime()): number {
  const used = usedOn(readDocumentJson<DayCount>(COUNT_KEY), pacificDay(nowMs));
  return Math.max(0, dailyDocumentLimit(account) - used);
}

/**
 * `n` more Google Docs created (copies, new documents): counted whether or not they are kept. A
 * batch counts its copies in one write (one property read and write, not one per document).
 */
export function countDocumentCreated(n = 1, nowMs = new Date().getTime()): void {
  if (n <= 0) return;
  writeDocumentJson(COUNT_KEY, counted(readDocumentJson<DayCount>(COUNT_KEY), pacificDay(nowMs), n));
}

/** Milliseconds from `nowMs` to the next midnight in Pacific time (when the quota rolls). */
export function msToPacificMidnight(nowMs: number): number {
  const hms = Utilities.formatDate(new Date(nowMs), PACIFIC, 'HH:mm:ss').split(':').map(Number);
  const since = ((hms[0] * 60 + hms[1]) * 60 + hms[2]) * 1000 + (nowMs % 1000);
  return 24 * 3600 * 1000 - since;
}

/** "15:10 ngày 06/02/2025": when the next-day run starts, in the office's time zone. */
export function resumeText(ms: number, zone: string): string {
  return Utilities.formatDate(new Date(ms), zone, "HH:mm 'ngày' dd/MM/yyyy");
}
