import { gasError } from '../../core/errors';
import { invalidEmail } from './messages';

/**
 * Plain addresses only (local@domain.tld), comma-separated as MailApp's reference describes cc and
 * bcc ("a comma-separated list of email addresses"). Display-name forms ("Name <a@b.vn>") and
 * semicolons are refused: Apps Script's exact grammar is undocumented, so the emulator accepts
 * the form every reference example uses and nothing looser. Empty items between commas are
 * ignored.
 */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return ADDRESS.test(text) && !text.includes('..');
}

/** The addresses of a comma-separated list; throws "Invalid email: x" for the first bad one. */
export function parseAddressList(list: string | undefined): string[] {
  if (list === undefined || list === null) return [];
  const out: string[] = [];
  for (const part of String(list).split(',')) {
    const address = part.trim();
    if (address === '') continue;
    if (!isEmailAddress(address)) gasError(invalidEmail(address));
    out.push(address);
  }
  return out;
}
