/**
 * File names for exported Drive files: the Drive name as a person reads it, Vietnamese letters
 * and spaces kept (in NFC, the form Windows and Linux tools expect; macOS takes it too), with only
 * what a file system refuses replaced by "_": / \ : * ? " < > | and control characters. Also
 * avoided: names Windows reserves (CON, NUL, COM1…), trailing dots and spaces (Windows drops
 * them), and names longer than most file systems take (255 bytes of UTF-8, where a Vietnamese
 * letter takes 2 or 3). Equal names (ignoring case, as Windows and macOS do) get " (2)", " (3)"….
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001F\u007F]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
/** Leaves room for a " (nn)" suffix and the extension within 255 bytes. */
const MAX_BYTES = 200;

function cutToBytes(name: string, max: number): string {
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch, 'utf8') > max) break;
    out += ch;
  }
  return out;
}

export function safeFileName(name: string): string {
  let s = name.normalize('NFC').replace(UNSAFE, '_').trim();
  s = cutToBytes(s, MAX_BYTES).replace(/[. ]+$/, '');
  if (s === '' || /^\.+$/.test(s)) s = 'untitled';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** Hands out unique file names (case-insensitively) for one output folder. */
export class FileNamer {
  private readonly taken = new Set<string>();

  next(name: string, extension: string): string {
    const base = safeFileName(name);
    let candidate = `${base}.${extension}`;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n}).${extension}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
