import { gasError } from '../../core/errors';

/** Java byte[] as Apps Script hands it to JavaScript: numbers from -128 to 127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/**
 * A JavaScript number array as Java receives it for a byte[] parameter: each value is narrowed to
 * a byte (200 → -56), as Java's (byte) cast does. Non-numbers are not bytes.
 */
export function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

type Charset = 'utf8' | 'ascii' | 'latin1' | 'utf16le';

/**
 * Java charset names Apps Script accepts (getDataAsString(charset), Utilities.Charset), mapped to
 * what Node can do. Unknown names fail (Java: UnsupportedCharsetException; message text guessed).
 */
function charsetOf(name: string): Charset {
  const key = name.toUpperCase().replace(/_/g, '-');
  const map: Record<string, Charset> = {
    'UTF-8': 'utf8',
    UTF8: 'utf8',
    'US-ASCII': 'ascii',
    ASCII: 'ascii',
    'ISO-8859-1': 'latin1',
    'UTF-16LE': 'utf16le',
  };
  const charset = map[key];
  if (!charset) gasError('Invalid argument: charset');
  return charset;
}

/** String → bytes as Java's String.getBytes(charset): unmappable characters become '?'. */
export function encodeText(text: string, charsetName = 'UTF-8'): Buffer {
  const charset = charsetOf(charsetName);
  if (charset === 'ascii') return Buffer.from(replaceAbove(text, 0x7f), 'latin1');
  if (charset === 'latin1') return Buffer.from(replaceAbove(text, 0xff), 'latin1');
  return Buffer.from(text, charset);
}

/** Each code point above `max` becomes one '?' (a surrogate pair is one character to Java here). */
function replaceAbove(text: string, max: number): string {
  return Array.from(text, (ch) => (ch.codePointAt(0)! > max ? '?' : ch)).join('');
}

/** Bytes → string as Java's new String(bytes, charset): undecodable bytes become U+FFFD. */
export function decodeText(buf: Uint8Array, charsetName = 'UTF-8'): string {
  const charset = charsetOf(charsetName);
  const bytes = Buffer.from(buf);
  if (charset === 'ascii')
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  return bytes.toString(charset);
}
