import { EmulatorContext } from '../../core/context';
import { requireScope, SCOPES } from '../script-app/consent';
import { gasError } from '../../core/errors';
import { chargeCall } from '../script-app/execution';
import { signatureError } from '../support/args';
import { EmuBlob } from '../support/blob';
import { asGas } from '../support/gas';
import { parseAddressList } from './addresses';
import {
  ATTACHMENTS_TOO_LARGE,
  BODY_TOO_LARGE,
  invalidEmail,
  NO_RECIPIENT,
  NO_SUBJECT,
  TOO_MANY_RECIPIENTS,
} from './messages';
import { mailOutbox, SentAttachment } from './outbox';
import { configureQuotas, consume, remaining } from '../../core/quotas';

export { isEmailAddress } from './addresses';
export { mailOutbox, Outbox } from './outbox';
export type { SentAttachment, SentMail } from './outbox';
export {
  CONSUMER_DAILY_RECIPIENTS,
  mailQuotaResetsAt,
  resetMailQuota,
  WORKSPACE_DAILY_RECIPIENTS,
} from './quota';
export * as MAIL_MESSAGES from './messages';

type MailAppApi = GoogleAppsScript.Mail.MailApp;
type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;

/**
 * Per-message limits (quotas page, "Current limitations"): "Email recipients per message: 50 /
 * msg", "Email body size: 200 KB / msg" (400 KB for Workspace), "Email total attachments size:
 * 25 MB / msg". KB and MB are taken as 1,000 and 1,000,000 bytes of UTF-8, and the body as plain
 * plus HTML together — the stricter readings of undocumented details.
 */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200_000;
export const MAX_ATTACHMENT_BYTES = 25_000_000;

export interface MailAppOptions {
  /** Recipients per day, over the account type's (core/quotas.ts: 100 / 1,500). */
  readonly dailyQuota?: number;
  /** 200,000 (consumer, the default) or 400,000 (Workspace). */
  readonly maxBodyBytes?: number;
}

interface Draft {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  name?: unknown;
  noReply?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  attachments?: unknown;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * MailApp: sends mail as the effective user into the emulator's Outbox, under the daily
 * recipients quota. https://developers.google.com/apps-script/reference/mail/mail-app
 */
class EmuMailApp implements Pick<MailAppApi, 'sendEmail' | 'getRemainingDailyQuota'> {
  private readonly maxBodyBytes: number;

  constructor(
    private readonly ctx: EmulatorContext,
    options: MailAppOptions,
  ) {
    if (options.dailyQuota !== undefined) configureQuotas(ctx, { limits: { email: options.dailyQuota } });
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  }

  /** Recipients the effective user may still send to today (core/quotas.ts). */
  getRemainingDailyQuota(): number {
    requireScope(this.ctx, 'MailApp.getRemainingDailyQuota', SCOPES.sendMail);
    chargeCall(this.ctx, 'MailApp.getRemainingDailyQuota');
    return remaining(this.ctx, 'email');
  }

  /**
   * The four overloads: (message), (recipient, subject, body), (recipient, subject, body, options)
   * and (to, replyTo, subject, body). A call fitting none fails with Apps Script's signature text.
   */
  sendEmail(...args: unknown[]): void {
    requireScope(this.ctx, 'MailApp.sendEmail', SCOPES.sendMail);
    chargeCall(this.ctx, 'MailApp.sendEmail');
    const given = [...args];
    while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
    const [a, b, c, d] = given;
    if (given.length === 1 && isPlainObject(a)) {
      this.send(a as Draft, true);
    } else if (given.length === 3 && isString(a) && isString(b) && isString(c)) {
      this.send({ to: a, subject: b, body: c }, false);
    } else if (given.length === 4 && isString(a) && isString(b) && isString(c) && isPlainObject(d)) {
      this.send({ ...(d as MailParams), to: a, subject: b, body: c }, false);
    } else if (given.length === 4 && isString(a) && isString(b) && isString(c) && isString(d)) {
      this.send({ to: a, replyTo: b, subject: c, body: d }, false);
    } else {
      signatureError('MailApp.sendEmail', given);
    }
  }

  /** Checks in this order: address syntax, a `to`, a subject, per-message limits, daily quota. */
  private send(draft: Draft, objectForm: boolean): void {
    const typesOk =
      isOptionalString(draft.to) &&
      isOptionalString(draft.cc) &&
      isOptionalString(draft.bcc) &&
      isOptionalString(draft.replyTo) &&
      isOptionalString(draft.name) &&
      isOptionalString(draft.subject) &&
      isOptionalString(draft.body) &&
      isOptionalString(draft.htmlBody) &&
      (draft.noReply === undefined || typeof draft.noReply === 'boolean') &&
      (draft.attachments === undefined || Array.isArray(draft.attachments));
    if (!typesOk) signatureError('MailApp.sendEmail', [draft]);

    const to = parseAddressList(draft.to as string | undefined);
    const cc = parseAddressList(draft.cc as string | undefined);
    const bcc = parseAddressList(draft.bcc as string | undefined);
    const replyTo = this.replyTo(draft.replyTo as string | undefined);
    if (to.length === 0) gasError(NO_RECIPIENT);
    if (objectForm && (draft.subject === undefined || draft.subject === null)) gasError(NO_SUBJECT);

    const recipients = to.length + cc.length + bcc.length;
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) gasError(TOO_MANY_RECIPIENTS);
    const body = (draft.body as string | undefined) ?? '';
    const htmlBody = (draft.htmlBody as string | undefined) ?? null;
    if (Buffer.byteLength(body, 'utf8') + Buffer.byteLength(htmlBody ?? '', 'utf8') > this.maxBodyBytes) {
      gasError(BODY_TOO_LARGE);
    }
    const attachments = ((draft.attachments as unknown[] | undefined) ?? []).map((x) =>
      attachmentOf(x, draft),
    );
    if (attachments.reduce((sum, x) => sum + x.size, 0) > MAX_ATTACHMENT_BYTES)
      gasError(ATTACHMENTS_TOO_LARGE);

    const from = this.ctx.session.effective;
    consume(this.ctx, 'email', recipients, from);
    mailOutbox(this.ctx).record({
      from,
      to,
      cc,
      bcc,
      replyTo,
      name: (draft.name as string | undefined) ?? null,
      noReply: draft.noReply === true,
      subject: (draft.subject as string | undefined) ?? '',
      body,
      htmlBody,
      attachments,
      time: this.ctx.clock.now(),
    });
  }

  /** One address: the reference's replyTo is "an email address". */
  private replyTo(value: string | undefined): string | null {
    if (value === undefined || value === null || value.trim() === '') return null;
    const list = parseAddressList(value);
    if (list.length !== 1) gasError(invalidEmail(value.trim()));
    return list[0];
  }
}

/** A BlobSource (a Blob, a Drive file…): its name, type and size in bytes. */
function attachmentOf(source: unknown, draft: Draft): SentAttachment {
  const getBlob = (source as { getBlob?: unknown } | null)?.getBlob;
  if (typeof getBlob !== 'function') signatureError('MailApp.sendEmail', [draft]);
  const blob = getBlob.call(source) as GoogleAppsScript.Base.Blob;
  const data = EmuBlob.dataOf(blob);
  if (data) return { name: data.name, contentType: data.contentType, size: data.bytes.length };
  return { name: blob.getName(), contentType: blob.getContentType(), size: blob.getBytes().length };
}

export function createMailApp(ctx: EmulatorContext, options: MailAppOptions = {}): MailAppApi {
  return asGas<MailAppApi>(new EmuMailApp(ctx, options));
}
