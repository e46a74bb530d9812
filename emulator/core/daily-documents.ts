/**
 * The daily "Documents created" quota of Apps Script (250 a day on a consumer account, 1,500 on
 * Google Workspace: https://developers.google.com/apps-script/guides/services/quotas), as the
 * Docs API paths see it: a thin view over the central daily quotas (`core/quotas.ts`, quota
 * "docs create"), so DocumentApp.create and a Drive copy of a Doc draw on one count.
 */
import { EmulatorContext } from './context';
import { AccountType, configureQuotas, DAILY_QUOTAS, pacificDate, remaining, record } from './quotas';

export type { AccountType };

export const DOCUMENTS_CREATED_PER_DAY: Readonly<Record<AccountType, number>> = {
  consumer: DAILY_QUOTAS['docs create'].consumer,
  workspace: DAILY_QUOTAS['docs create'].workspace,
};

export const DOCS_CREATE_QUOTA_MESSAGE = DAILY_QUOTAS['docs create'].message;

/** The Pacific calendar day of an instant (quotas roll at midnight there). */
export const pacificDay = pacificDate;

/** Test and bench control: the account type whose limits apply (default consumer). */
export function setAccountType(ctx: EmulatorContext, account: AccountType): void {
  configureQuotas(ctx, { accountType: account });
}

/** Takes one document from `user`'s daily allowance; false when today's is spent. */
export function chargeDocumentCreated(ctx: EmulatorContext, user: string): boolean {
  if (remaining(ctx, 'docs create', user) <= 0) return false;
  record(ctx, 'docs create', 1, user);
  return true;
}
