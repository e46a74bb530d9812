/**
 * Text bound for an XML part of an Office file. XML 1.0 cannot hold most control characters nor
 * unpaired UTF-16 surrogates, and a part holding one makes Excel and Word refuse the file (or
 * offer to repair it). Sheets and Docs can hold such characters (pasted text), so every string
 * written to a file goes through here; tabs and line breaks stay.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in two. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
