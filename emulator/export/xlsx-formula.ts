/**
 * Sheets formula text → Excel formula text (without the leading "=", as .xlsx stores it).
 *
 * Both use the same A1 syntax with "," between arguments (Apps Script's getFormula is in en-US
 * syntax whatever the locale), so most formulas pass unchanged. What is changed:
 *   - references to sheets renamed for Excel (see xlsx-sheet-names.ts) follow the new name;
 *   - open-ended ranges, which only Sheets has ("A2:A", to the last row), are closed at Excel's
 *     last row ("A2:A1048576"): Excel cannot parse the open form, and an unparsable formula is
 *     a reason for the repair prompt;
 *   - functions Excel added after 2007 get the "_xlfn." prefix its file format requires (without
 *     it Excel shows #NAME? once it recalculates).
 * Functions Excel does not have at all (IMPORTXML, QUERY…) stay as they are: Excel opens the file,
 * shows the cached value and gives #NAME? if asked to recalculate.
 */

const EXCEL_LAST_ROW = 1_048_576;
export const EXCEL_LAST_COLUMN = 16_384;

/** Functions that exist in Excel only under the "_xlfn." prefix in the file (ECMA-376 future functions). */
const FUTURE_FUNCTIONS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'IFS',
    'SWITCH',
    'MAXIFS',
    'MINIFS',
    'CONCAT',
    'TEXTJOIN',
    'IFNA',
    'XOR',
    'DAYS',
    'ISOWEEKNUM',
    'XLOOKUP',
    'XMATCH',
    'UNIQUE',
    'SEQUENCE',
    'FORMULATEXT',
  ].map((f) => [f, `_xlfn.${f}`]),
  ...['FILTER', 'SORT', 'SORTBY'].map((f) => [f, `_xlfn._xlws.${f}`]),
]);

type Piece = { kind: 'code' | 'string'; text: string } | { kind: 'sheet'; name: string };

/** Splits a formula into string literals, quoted sheet prefixes ('name'!) and the code between. */
function pieces(formula: string): Piece[] {
  const out: Piece[] = [];
  let code = '';
  const flush = () => {
    if (code) out.push({ kind: 'code', text: code });
    code = '';
  };
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch))
        j += formula[j] === ch ? 2 : 1;
      const body = formula.slice(i + 1, j);
      if (ch === "'" && formula[j + 1] === '!') {
        flush();
        out.push({ kind: 'sheet', name: body.replace(/''/g, "'") });
        i = j + 2;
        continue;
      }
      flush();
      out.push({ kind: 'string', text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    code += ch;
    i++;
  }
  flush();
  return out;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

const UNQUOTED_SHEET = /(?<![\w.\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;
const OPEN_RANGE = /(?<![\w.])(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![\w.(!$])/g;
const FUNCTION_CALL = /(?<![\w.])([A-Za-z][A-Za-z0-9.]*)(\s*\()/g;

function translateCode(code: string, renames: ReadonlyMap<string, string>): string {
  return code
    .replace(UNQUOTED_SHEET, (all, name: string) => {
      const to = renames.get(name);
      return to === undefined ? all : quoted(to);
    })
    .replace(OPEN_RANGE, (_all, start: string, col: string) => `${start}:${col}${EXCEL_LAST_ROW}`)
    .replace(FUNCTION_CALL, (all, name: string, paren: string) => {
      const future = FUTURE_FUNCTIONS[name.toUpperCase()];
      return future === undefined ? all : future + paren;
    });
}

/** The Excel formula (no leading "=") for a Sheets formula ("=…"). */
export function excelFormula(formula: string, renames: ReadonlyMap<string, string> = new Map()): string {
  const body = formula.replace(/^\s*=/, '');
  return pieces(body)
    .map((p) => {
      if (p.kind === 'sheet') return quoted(renames.get(p.name) ?? p.name);
      return p.kind === 'string' ? p.text : translateCode(p.text, renames);
    })
    .join('');
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL_REF = /(?<![\w.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])/g;

/**
 * Moves the relative references of an (already translated) Excel formula by whole rows and
 * columns, as copying it would: needed when one Sheets validation rule becomes several Excel
 * ranges, each of whose formulas is read relative to its own top-left cell.
 */
export function shiftFormula(body: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return body;
  return pieces(body)
    .map((p) => {
      if (p.kind === 'sheet') return quoted(p.name);
      if (p.kind === 'string') return p.text;
      return p.text.replace(
        CELL_REF,
        (all, colAbs: string, letters: string, rowAbs: string, digits: string) => {
          const col = columnNumber(letters);
          const row = Number(digits);
          if (col > EXCEL_LAST_COLUMN || row > EXCEL_LAST_ROW) return all;
          const c = colAbs ? col : col + cols;
          const r = rowAbs ? row : row + rows;
          if (c < 1 || r < 1 || c > EXCEL_LAST_COLUMN || r > EXCEL_LAST_ROW) return '#REF!';
          return `${colAbs}${columnLetters(c)}${rowAbs}${r}`;
        },
      );
    })
    .join('');
}
