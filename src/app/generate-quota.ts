import { GoogleAccountType } from '../domain/config/fields';
import { planDay, quotaNotice } from '../domain/document/daily-quota';
import { Unit } from '../domain/registry/unit';
import { dailyDocumentLimit, documentsLeftToday, msToPacificMidnight, resumeText } from '../gas/doc-quota';
import { layoutTemplateNeeded } from '../gas/docs-api';
import { deleteDocumentKey, readDocumentJson, writeDocumentJson } from '../gas/properties';
import { deleteTriggers, once } from '../gas/triggers';

/**
 * A generation run planned against the day's document quota: the units today's quota covers are
 * made now, the rest are kept (by code) for a trigger that runs after midnight Pacific time, when
 * Google resets the quota — the person is told how many now and when the rest.
 */
export const NEXT_DAY_KEY = 'cchc.generate.nextDay';
export const NEXT_DAY_HANDLER = 'generateNextDayTrigger';
/** After the quota resets, a margin for clocks that differ (Google's and ours). */
const AFTER_RESET_MS = 10 * 60 * 1000;

export interface TodayPlan {
  /** Codes of the units to make now ("" would mean every unit: never given). */
  readonly codes: string | null;
  readonly notice: string | null;
}

/** How many more Google Docs today's quota allows a run (the layout template, when due, takes one). */
export function documentsLeftForRun(account: GoogleAccountType, nowMs = new Date().getTime()): number {
  return documentsLeftToday(account, nowMs) - (layoutTemplateNeeded() ? 1 : 0);
}

export function planToday(
  chosen: readonly Unit[],
  zone: string,
  account: GoogleAccountType,
  nowMs = new Date().getTime(),
): TodayPlan {
  const codes = (units: readonly Unit[]) => units.map((u) => u.code).join(', ');
  const plan = planDay(chosen.length, documentsLeftForRun(account, nowMs));
  // The units made now leave the next-day list: a person who makes them by hand (or a trigger run
  // that died before it was logged, then run again from the menu) leaves nothing to make twice.
  takeFromNextDay(chosen.slice(0, plan.today).map((u) => u.code));
  if (plan.later === 0) return { codes: codes(chosen), notice: null };
  const waitMs = msToPacificMidnight(nowMs) + AFTER_RESET_MS;
  scheduleNextDay(codes(chosen.slice(plan.today)), waitMs);
  const resumeAt = resumeText(nowMs + waitMs, zone);
  return {
    codes: plan.today > 0 ? codes(chosen.slice(0, plan.today)) : null,
    notice: quotaNotice(plan, dailyDocumentLimit(account), resumeAt),
  };
}

/** `made` off the next-day list; an emptied list takes its trigger with it. */
function takeFromNextDay(made: readonly string[]): void {
  const waiting = readDocumentJson<string>(NEXT_DAY_KEY);
  if (!waiting || made.length === 0) return;
  const left = waiting.split(', ').filter((code) => !made.includes(code));
  if (left.length > 0) {
    writeDocumentJson(NEXT_DAY_KEY, left.join(', '));
    return;
  }
  deleteDocumentKey(NEXT_DAY_KEY);
  deleteTriggers(NEXT_DAY_HANDLER);
}

/** Codes kept for the next day, merged with any already waiting (never a unit dropped). */
function scheduleNextDay(codes: string, waitMs: number): void {
  const waiting = readDocumentJson<string>(NEXT_DAY_KEY);
  const all = [...new Set([...(waiting ? waiting.split(', ') : []), ...codes.split(', ')])];
  writeDocumentJson(NEXT_DAY_KEY, all.join(', '));
  deleteTriggers(NEXT_DAY_HANDLER);
  once(NEXT_DAY_HANDLER, waitMs);
}

/** Tried again later when a run is still going when the next-day trigger comes. */
export const NEXT_DAY_RETRY_MS = 10 * 60 * 1000;
