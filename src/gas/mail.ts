/** Email through MailApp: counted against the account's daily recipient quota. */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(
  mail: { to: readonly string[]; cc: readonly string[]; subject: string; body: string },
  senderName: string,
): void {
  MailApp.sendEmail({
    to: mail.to.join(','),
    cc: mail.cc.join(','),
    subject: mail.subject,
    body: mail.body,
    name: senderName,
    noReply: false,
  });
}
