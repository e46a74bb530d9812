/**
 * The daily "Documents created" quota of Apps Script: 250 a day on a consumer account, 1,500 on
 * Google Workspace (https://developers.google.com/apps-script/guides/services/quotas); past it
 * DocumentApp.create throws "Service invoked too many times for one day: docs create." (seen
 * widely). The quotas page says quotas "reset 24 hours after the first request"; issue 14 rolls
 * every daily quota at midnight Pacific time instead, and this module does the same.
 *
 * SEAM: this is a local stand-in until the emulator's central daily-quota module
 * (emulator/core/quotas.ts, consume/remaining per account type) merges. Pointing at it is a
 * one-line change in chargeDocumentCreated (and remainingDocuments): call its consume/remaining
 * for the documents-created quota instead of `local`.
 */
import { EmulatorContext } from './context';

export type AccountType = 'consumer' | 'workspace';

export const DOCUMENTS_CREATED_PER_DAY: Readonly<Record<AccountType, number>> = {
  consumer: 250,
  workspace: 1500,
};

export const DOCS_CREATE_QUOTA_MESSAGE = 'Service invoked too many times for one day: docs create.';

interface State {
  account: AccountType;
  used: Map<string, { day: string; count: number }>;
}

const STATES = new WeakMap<EmulatorContext, State>();

function stateOf(ctx: EmulatorContext): State {
  let s = STATES.get(ctx);
  if (!s) STATES.set(ctx, (s = { account: 'consumer', used: new Map() }));
  return s;
}

/** The Pacific calendar day of an instant (quotas roll at midnight there). */
export function pacificDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(ms));
}

/** Test and bench control: the account type whose limits apply (default consumer). */
export function setAccountType(ctx: EmulatorContext, account: AccountType): void {
  stateOf(ctx).account = account;
}

function usedToday(ctx: EmulatorContext, user: string): number {
  const entry = stateOf(ctx).used.get(user.toLowerCase());
  return entry && entry.day === pacificDay(ctx.clock.nowMs()) ? entry.count : 0;
}

const local = {
  remaining(ctx: EmulatorContext, user: string): number {
    return DOCUMENTS_CREATED_PER_DAY[stateOf(ctx).account] - usedToday(ctx, user);
  },
  consume(ctx: EmulatorContext, user: string): boolean {
    if (local.remaining(ctx, user) <= 0) return false;
    const day = pacificDay(ctx.clock.nowMs());
    stateOf(ctx).used.set(user.toLowerCase(), { day, count: usedToday(ctx, user) + 1 });
    return true;
  },
};

/** Takes one document from `user`'s daily allowance; false when today's is spent. */
export function chargeDocumentCreated(ctx: EmulatorContext, user: string): boolean {
  return local.consume(ctx, user);
}

export function remainingDocuments(ctx: EmulatorContext, user: string): number {
  return local.remaining(ctx, user);
}
