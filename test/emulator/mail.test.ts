import { createContext, EmulatorContext } from '../../emulator/core/context';
import { GasException } from '../../emulator/core/errors';
import {
  createMailApp,
  MAIL_MESSAGES as MSG,
  mailOutbox,
  mailQuotaResetsAt,
  resetMailQuota,
  WORKSPACE_DAILY_RECIPIENTS,
} from '../../emulator/services/mail';
import { configureQuotas } from '../../emulator/core/quotas';
import { runExecution } from '../../emulator/services/script-app';
import { EmuBlob } from '../../emulator/services/support/blob';

type MailApp = GoogleAppsScript.Mail.MailApp;

const OWNER = 'office@x.gov.vn';
const UNIT = 'unit@x.gov.vn';
const HOUR = 60 * 60 * 1000;
const START = new Date(Date.UTC(2025, 0, 2, 1, 0, 0));

function setup(dailyQuota?: number): { ctx: EmulatorContext; mail: MailApp } {
  const ctx = createContext({ user: OWNER, start: START });
  return { ctx, mail: createMailApp(ctx, { dailyQuota }) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

function addresses(n: number, domain = 'unit.gov.vn'): string {
  return Array.from({ length: n }, (_, i) => `u${i}@${domain}`).join(',');
}

describe('MailApp.sendEmail', () => {
  test('(recipient, subject, body) lands in the Outbox from the effective user, at modeled time', () => {
    const { ctx, mail } = setup();
    mail.sendEmail(UNIT, 'Kế hoạch CCHC 2025', 'Xin gửi kế hoạch.');
    const [sent] = mailOutbox(ctx).messages();
    expect(sent).toMatchObject({
      from: OWNER,
      to: [UNIT],
      cc: [],
      bcc: [],
      subject: 'Kế hoạch CCHC 2025',
      body: 'Xin gửi kế hoạch.',
      htmlBody: null,
      replyTo: null,
      noReply: false,
    });
    expect(sent.time.getTime()).toBe(ctx.clock.nowMs());
    expect(ctx.ledger.count('MailApp.sendEmail')).toBe(1);
  });

  test('options: cc and bcc lists become arrays; name, replyTo, htmlBody and noReply are kept', () => {
    const { ctx, mail } = setup();
    mail.sendEmail('a@x.gov.vn, b@x.gov.vn', 'S', 'plain', {
      cc: 'c@x.gov.vn,d@x.gov.vn',
      bcc: 'e@x.gov.vn',
      name: 'Văn phòng Sở',
      replyTo: 'reply@x.gov.vn',
      htmlBody: '<b>html</b>',
      noReply: true,
    });
    expect(mailOutbox(ctx).messages()[0]).toMatchObject({
      to: ['a@x.gov.vn', 'b@x.gov.vn'],
      cc: ['c@x.gov.vn', 'd@x.gov.vn'],
      bcc: ['e@x.gov.vn'],
      name: 'Văn phòng Sở',
      replyTo: 'reply@x.gov.vn',
      htmlBody: '<b>html</b>',
      noReply: true,
    });
    expect(mailOutbox(ctx).sentTo('E@X.GOV.VN')).toHaveLength(1);
  });

  test('the message object form and the (to, replyTo, subject, body) form', () => {
    const { ctx, mail } = setup();
    mail.sendEmail({ to: UNIT, cc: 'c@x.gov.vn', subject: 'S1', htmlBody: '<p>x</p>' });
    mail.sendEmail(UNIT, 'reply@x.gov.vn', 'S2', 'B2');
    const [first, second] = mailOutbox(ctx).messages();
    expect(first).toMatchObject({
      to: [UNIT],
      cc: ['c@x.gov.vn'],
      subject: 'S1',
      body: '',
      htmlBody: '<p>x</p>',
    });
    expect(second).toMatchObject({ to: [UNIT], replyTo: 'reply@x.gov.vn', subject: 'S2', body: 'B2' });
  });

  test('a call that fits no overload fails with the signature text and sends nothing', () => {
    const { ctx, mail } = setup();
    const loose = mail as unknown as { sendEmail(...args: unknown[]): void };
    const send = (...args: unknown[]): void => loose.sendEmail(...args);
    expect(thrown(() => send(UNIT, 'S')).message).toBe(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
    expect(thrown(() => send(UNIT, 'S', 42)).message).toBe(
      "The parameters (String,String,number) don't match the method signature for MailApp.sendEmail.",
    );
    expect(mailOutbox(ctx).messages()).toHaveLength(0);
  });

  test.each(['not-an-address', 'a@b', 'Văn Phòng <vp@x.gov.vn>', 'a@x.gov.vn; b@x.gov.vn', 'a b@x.gov.vn'])(
    'an invalid address (%p) fails with "Invalid email: …"',
    (bad) => {
      const { ctx, mail } = setup();
      const err = thrown(() => mail.sendEmail(bad, 'S', 'B'));
      expect(err).toBeInstanceOf(GasException);
      expect(err.message).toBe(`Invalid email: ${bad}`);
      expect(mailOutbox(ctx).messages()).toHaveLength(0);
    },
  );

  test('an invalid cc address fails the whole message', () => {
    const { ctx, mail } = setup();
    expect(thrown(() => mail.sendEmail(UNIT, 'S', 'B', { cc: 'ok@x.gov.vn,oops' })).message).toBe(
      'Invalid email: oops',
    );
    expect(mailOutbox(ctx).messages()).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('no `to` fails with "Failed to send email: no recipient", even with cc/bcc', () => {
    const { mail } = setup();
    expect(thrown(() => mail.sendEmail('', 'S', 'B')).message).toBe('Failed to send email: no recipient');
    expect(thrown(() => mail.sendEmail({ bcc: UNIT, subject: 'S', body: 'B' })).message).toBe(
      MSG.NO_RECIPIENT,
    );
  });

  test('the message object form needs a subject', () => {
    const { mail } = setup();
    expect(thrown(() => mail.sendEmail({ to: UNIT, body: 'B' })).message).toBe(MSG.NO_SUBJECT);
  });

  test('per message: at most 50 recipients and 200 KB of body', () => {
    const { ctx, mail } = setup(WORKSPACE_DAILY_RECIPIENTS);
    expect(
      thrown(() => mail.sendEmail(addresses(40), 'S', 'B', { cc: addresses(11, 'cc.vn') })).message,
    ).toBe('Limit Exceeded: Email Recipients Per Message.');
    mail.sendEmail(addresses(40), 'S', 'B', { cc: addresses(10, 'cc.vn') });
    expect(
      thrown(() => mail.sendEmail(UNIT, 'S', 'x'.repeat(150_000), { htmlBody: 'y'.repeat(60_000) })).message,
    ).toBe('Limit Exceeded: Email Body Size.');
    expect(mailOutbox(ctx).messages()).toHaveLength(1);
  });

  test('attachments are recorded by name, type and size; over 25 MB in total fails', () => {
    const { ctx, mail } = setup();
    const pdf = new EmuBlob(ctx, Buffer.from('%PDF-1.4 tiny'), 'application/pdf', 'ke-hoach.pdf');
    mail.sendEmail(UNIT, 'S', 'B', { attachments: [pdf as unknown as GoogleAppsScript.Base.BlobSource] });
    expect(mailOutbox(ctx).messages()[0].attachments).toEqual([
      { name: 'ke-hoach.pdf', contentType: 'application/pdf', size: 13 },
    ]);
    const big = new EmuBlob(
      ctx,
      Buffer.alloc(13_000_000),
      'application/zip',
      'big.zip',
    ) as unknown as GoogleAppsScript.Base.BlobSource;
    expect(thrown(() => mail.sendEmail(UNIT, 'S', 'B', { attachments: [big, big] })).message).toBe(
      'Limit Exceeded: Email Total Attachments Size.',
    );
  });
});

describe('MailApp daily quota', () => {
  test('every address in to, cc and bcc counts against 100 a day by default', () => {
    const { mail } = setup();
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail(`${UNIT},b@x.gov.vn`, 'S', 'B', { cc: 'c@x.gov.vn', bcc: 'd@x.gov.vn,e@x.gov.vn' });
    expect(mail.getRemainingDailyQuota()).toBe(95);
  });

  test('a message with more recipients than remain fails with Google’s text and uses nothing', () => {
    const { ctx, mail } = setup(3);
    mail.sendEmail(UNIT, 'S', 'B');
    const err = thrown(() => mail.sendEmail('a@x.gov.vn,b@x.gov.vn,c@x.gov.vn', 'S', 'B'));
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe('Service invoked too many times for one day: email.');
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('a@x.gov.vn,b@x.gov.vn', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(thrown(() => mail.sendEmail(UNIT, 'S', 'B')).message).toBe(MSG.QUOTA_EXCEEDED);
    expect(mailOutbox(ctx).messages()).toHaveLength(2);
  });

  test('read as 24 hours after the first request, the quota resets then, not 24 hours after the last', () => {
    const { ctx, mail } = setup(2);
    configureQuotas(ctx, { day: 'rolling-24h' });
    mail.sendEmail(UNIT, 'S', 'B');
    const firstSend = ctx.clock.nowMs();
    ctx.clock.advance(20 * HOUR);
    mail.sendEmail(UNIT, 'S', 'B');
    expect(mailQuotaResetsAt(ctx, OWNER)?.getTime()).toBe(firstSend + 24 * HOUR);
    expect(thrown(() => mail.sendEmail(UNIT, 'S', 'B')).message).toBe(MSG.QUOTA_EXCEEDED);
    ctx.clock.set(firstSend + 24 * HOUR - 1000); // (each call also moves the clock a few ms)
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ctx.clock.set(firstSend + 24 * HOUR);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail(UNIT, 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(1);
  });

  test('the quota is per person: a trigger’s mail counts against its owner', () => {
    const { ctx, mail } = setup(1);
    mail.sendEmail(UNIT, 'S', 'B');
    expect(thrown(() => mail.sendEmail(UNIT, 'S', 'B')).message).toBe(MSG.QUOTA_EXCEEDED);
    runExecution(ctx, () => mail.sendEmail(OWNER, 'From the unit', 'B'), { user: UNIT });
    expect(
      mailOutbox(ctx)
        .messages()
        .map((m) => m.from),
    ).toEqual([OWNER, UNIT]);
    expect(ctx.session.as(UNIT, () => mail.getRemainingDailyQuota())).toBe(0);
  });

  test('resetMailQuota starts a new day without moving the clock', () => {
    const { ctx, mail } = setup(1);
    mail.sendEmail(UNIT, 'S', 'B');
    resetMailQuota(ctx);
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(mailQuotaResetsAt(ctx, OWNER)).toBeNull();
  });
});
