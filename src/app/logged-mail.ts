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
  const values = [
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
