/**
 * MailApp's error texts. Sources: quoted from real runs in public code and logs, and the
 * catalogue of Apps Script messages kept by the public "ErrorHandler" library (which matches
 * localized Apps Script errors to these English texts). "Guessed" = no source found.
 */

/** Seen: the daily recipients quota is used up ("Exception: Service invoked too many times for one day: email."). */
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

/** Seen: e.g. "Exception: Invalid email: giabao020396@gmail.com" in a public troubleshooting note. */
export function invalidEmail(address: string): string {
  return `Invalid email: ${address}`;
}

/** Seen (ErrorHandler catalogue; a deployment's log): sending with no `to` address. */
export const NO_RECIPIENT = 'Failed to send email: no recipient';

/** ErrorHandler catalogue: more than 50 recipients (to + cc + bcc) in one message. */
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';

/** ErrorHandler catalogue: body (plain + HTML) over the per-message limit. */
export const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';

/** ErrorHandler catalogue: attachments over 25 MB in total. */
export const ATTACHMENTS_TOO_LARGE = 'Limit Exceeded: Email Total Attachments Size.';

/**
 * Guessed: the message-object form without a subject. Whether Apps Script sends such a mail with
 * an empty subject is not documented; the emulator refuses it (the stricter reading).
 */
export const NO_SUBJECT = 'Failed to send email: no subject';
