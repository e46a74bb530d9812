import { EmulatorContext } from '../../core/context';

export interface SentAttachment {
  readonly name: string | null;
  readonly contentType: string | null;
  readonly size: number;
}

/** A message MailApp accepted, as the test sees it. */
export interface SentMail {
  /** The effective user (the trigger owner in a trigger): MailApp sends as them. */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: string | null;
  /** The sender's display name option; null when not given. */
  readonly name: string | null;
  readonly noReply: boolean;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string | null;
  readonly attachments: readonly SentAttachment[];
  /** The modeled clock when it was sent. */
  readonly time: Date;
}

/**
 * Test control (not part of Apps Script): every message MailApp sent in this emulator, oldest
 * first. Shared by every MailApp made for one context.
 */
export class Outbox {
  private readonly sent: SentMail[] = [];

  record(mail: SentMail): void {
    this.sent.push(mail);
  }

  messages(): readonly SentMail[] {
    return [...this.sent];
  }

  /** Messages with `address` among to, cc or bcc (case-insensitive). */
  sentTo(address: string): SentMail[] {
    const key = address.toLowerCase();
    return this.sent.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === key));
  }

  clear(): void {
    this.sent.length = 0;
  }
}

const OUTBOXES = new WeakMap<EmulatorContext, Outbox>();

export function mailOutbox(ctx: EmulatorContext): Outbox {
  let outbox = OUTBOXES.get(ctx);
  if (!outbox) OUTBOXES.set(ctx, (outbox = new Outbox()));
  return outbox;
}
