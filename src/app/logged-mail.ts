import { CellValue } from '../domain/cell';
import {
  failedRow,
  MAIL_FAILED,
  MAIL_INTENT,
  MAIL_LOG_SHEET,
  MAIL_SENT,
  MAIL_STATE_COLUMN,
  MAIL_UNCERTAIN,
  unresolvedIntents,
} from '../domain/tracking/mail-log';
import { sendMail } from '../gas/mail';
import { MasterWorkbook } from '../gas/master';
import { formatTimestamp } from '../gas/values';

export interface LoggedMail {
  readonly unitCode: string;
  readonly unitName: string;
  readonly roundLabel: string;
  readonly roundKey: string;
  /** A reminder tier, or a return notice's `noticeTier`. */
  readonly tier: string;
  readonly mail: { to: readonly string[]; cc: readonly string[]; subject: string; body: string };
}

/**
 * Sends one email so that no single failed call can send it twice or lose it unseen: the intent
 * is logged first ("Đang gửi"), then the email goes, then the row is marked "Đã gửi". A send that
 * Google refuses with an error is marked "Lỗi, chưa gửi" and the error goes on, so the caller's
 * retry sends it again — in that same row, rewritten whole (the recipients may have been fixed
 * since), so "Thư đã gửi" keeps one row per email; `log` is "Thư đã gửi" as read before this
 * send, where that row is looked for. A run that dies after the intent leaves it "Đang gửi",
 * which counts as sent and is reported by `reportUnresolvedMail`.
 */
export function sendLogged(
  master: MasterWorkbook,
  entry: LoggedMail,
  senderName: string,
  log: readonly (readonly CellValue[])[],
): void {
  const { mail } = entry;
  const values = intentRow(master, entry);
  const refused = failedRow(log, entry.unitCode, entry.roundKey, entry.tier);
  let row: number;
  if (refused === null) row = master.appendRow(MAIL_LOG_SHEET, values);
  else master.writeCells(MAIL_LOG_SHEET, (row = refused), 1, values);
  try {
    sendMail(mail, senderName);
  } catch (e) {
    // MailApp throws before handing the email over (quota, address); it did not go.
    master.writeCells(MAIL_LOG_SHEET, row, MAIL_STATE_COLUMN, [MAIL_FAILED]);
    throw e;
  }
  master.writeCells(MAIL_LOG_SHEET, row, MAIL_STATE_COLUMN, [MAIL_SENT]);
}

function intentRow(master: MasterWorkbook, entry: LoggedMail): string[] {
  const { mail } = entry;
  return [
    formatTimestamp(new Date(), master.timeZone()),
    entry.unitCode,
    entry.unitName,
    entry.roundLabel,
    entry.roundKey,
    entry.tier,
    mail.to.join(', '),
    mail.cc.join(', '),
    mail.subject,
    MAIL_INTENT,
  ];
}

/**
 * `sendLogged` for a step's emails, with two log writes in all instead of two per email: every
 * intent in one write before the first email goes, every outcome in one write after (an email an
 * earlier attempt saw refused is retried in its own row, as `sendLogged` does: one more write
 * each, which only a retry after a refusal pays). The never-twice guarantee is the same: no email
 * goes before its intent row is written, and a row is never marked unsent after its email went.
 * Between the two writes there are only sends, so:
 * - a send Google refuses stops the batch: the emails sent before it are marked "Đã gửi", it is
 *   marked "Lỗi, chưa gửi", the appended rows of those not tried are cleared (they never went;
 *   the retry plans them again) and a reused row not tried goes back to "Lỗi, chưa gửi"; the
 *   error goes on;
 * - a run that dies between the writes leaves the batch "Đang gửi": counted as sent and reported
 *   by `reportUnresolvedMail`, as a single email's would be (the step's time budget keeps a batch
 *   far from the execution limit). Returns how many went.
 */
export function sendLoggedBatch(
  master: MasterWorkbook,
  entries: readonly LoggedMail[],
  senderName: string,
  log: readonly (readonly CellValue[])[],
): number {
  if (entries.length === 0) return 0;
  const rows = entries.map((e) => intentRow(master, e));
  const reused = entries.map((e) => failedRow(log, e.unitCode, e.roundKey, e.tier));
  reused.forEach((row, i) => {
    if (row !== null) master.writeCells(MAIL_LOG_SHEET, row, 1, rows[i]);
  });
  const appended = rows.map((_, i) => i).filter((i) => reused[i] === null);
  const first =
    appended.length > 0
      ? master.appendRows(
          MAIL_LOG_SHEET,
          appended.map((i) => rows[i]),
        )
      : 0;
  let sent = 0;
  let refusal: unknown = null;
  for (const entry of entries) {
    try {
      sendMail(entry.mail, senderName);
    } catch (e) {
      // MailApp throws before handing the email over (quota, address): it and the rest did not go.
      refusal = e;
      break;
    }
    sent++;
  }
  const state = (i: number) => (i < sent ? MAIL_SENT : MAIL_FAILED);
  if (appended.length > 0) {
    master.writeBlock(
      MAIL_LOG_SHEET,
      first,
      1,
      appended.map((i) =>
        i <= sent ? [...rows[i].slice(0, MAIL_STATE_COLUMN - 1), state(i)] : rows[i].map(() => ''),
      ),
    );
  }
  reused.forEach((row, i) => {
    if (row !== null) master.writeCells(MAIL_LOG_SHEET, row, MAIL_STATE_COLUMN, [state(i)]);
  });
  if (refusal !== null) throw refusal;
  return sent;
}

/**
 * Emails a dead run left "Đang gửi": marked "Chưa rõ đã gửi" and returned as problems for the
 * run's result, so a person checks the sent mail and tells the unit if it did not go. (If this
 * run dies after marking, the rows still say so in "Thư đã gửi".)
 */
export function reportUnresolvedMail(master: MasterWorkbook): string[] {
  const open = unresolvedIntents(master.readSheet(MAIL_LOG_SHEET));
  for (const { row } of open) master.writeCells(MAIL_LOG_SHEET, row, MAIL_STATE_COLUMN, [MAIL_UNCERTAIN]);
  return open.map(
    ({ text }) =>
      `Chưa rõ thư đã gửi hay chưa (lần chạy trước dừng giữa chừng; không gửi lại để tránh gửi hai lần — hãy kiểm tra hộp thư đã gửi): ${text}`,
  );
}
