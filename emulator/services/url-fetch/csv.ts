/**
 * CSV as Google Sheets exports it: RFC 4180 quoting (a field holding a comma, a double quote or a
 * line break is quoted, quotes doubled), records separated by CRLF and no line break after the
 * last record (observed: "Google Sheets that are exported as CSV do not contain a trailing line
 * break … exported in a 'Windows format'", uniVocity/univocity-parsers#530). Line breaks inside a
 * cell stay as they are (LF).
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
