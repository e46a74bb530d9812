import { gasError } from '../../core/errors';

/**
 * RFC 4180 CSV, as Utilities.parseCsv reads it: quoted fields may hold the delimiter, line breaks
 * and doubled quotes (""); records end at CRLF, LF or CR; a final line break adds no empty record;
 * an empty line inside is a record with one empty field; a quote inside an unquoted field is
 * ordinary text. A quoted field never closed fails (message guessed).
 * https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String)
 */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = csv.length;
  if (n === 0) return rows;
  let atFieldStart = true;
  while (i < n) {
    const ch = csv[i];
    if (atFieldStart && ch === '"') {
      i++;
      for (;;) {
        if (i >= n) gasError('Could not parse text.');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += csv[i++];
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  const last = csv[n - 1];
  if (!(last === '\n' || last === '\r') || !atFieldStart || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
