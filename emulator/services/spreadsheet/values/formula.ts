/**
 * Formula values. The emulator keeps every formula's text exactly as written and computes a value
 * only for what is small and safe: literals (numbers, "text", TRUE/FALSE) combined with
 * + - * / ^ & %, comparisons and parentheses. Everything else gets an error value, as Sheets
 * would show one:
 *   - a formula Sheets could not parse (e.g. "=- Rà soát": two names side by side) → "#ERROR!";
 *   - any function call, cell reference or name (=SUM(A1:A3), =IMPORTXML(…), =A1+1) → "#NAME?".
 *     This is the emulator's choice, not Sheets' result: the real value would depend on other cells
 *     or the network. Code under test must not rely on formula results beyond arithmetic.
 *   - arithmetic errors as Sheets: "#DIV/0!", "#VALUE!", "#NUM!".
 */
import { CellValue } from '../model';

export const FORMULA_PARSE_ERROR = '#ERROR!';
export const UNSUPPORTED_FORMULA = '#NAME?';

type Tok =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string };

class ParseError extends Error {}

const NAME_START = /[A-Za-z_$'\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.$!:'\u00C0-\uFFFF]/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new ParseError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%(),;{}'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      if (ch === "'") {
        // 'Sheet name'!A1
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ParseError('unterminated sheet name');
        j = end + 1;
      }
      while (j < src.length && NAME_PART.test(src[j])) j++;
      out.push({ t: 'name', v: src.slice(i, j) });
      i = j;
      continue;
    }
    throw new ParseError(`unexpected ${ch}`);
  }
  return out;
}

type Node =
  | { k: 'lit'; v: CellValue }
  | { k: 'unsupported' }
  | { k: 'un'; op: string; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.i < this.toks.length) throw new ParseError('trailing tokens');
    return n;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private comparison(): Node {
    let a = this.concat();
    for (
      let op = this.peekOp('=', '<>', '<', '>', '<=', '>=');
      op;
      op = this.peekOp('=', '<>', '<', '>', '<=', '>=')
    ) {
      this.i++;
      a = { k: 'bin', op, a, b: this.concat() };
    }
    return a;
  }

  private concat(): Node {
    let a = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      a = { k: 'bin', op: '&', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Node {
    let a = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Node {
    let a = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      a = { k: 'bin', op, a, b: this.power() };
    }
    return a;
  }

  private power(): Node {
    let a = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      a = { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private unary(): Node {
    const op = this.peekOp('+', '-');
    if (op) {
      this.i++;
      return { k: 'un', op, a: this.unary() };
    }
    let a = this.primary();
    while (this.peekOp('%')) {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  }

  private args(close: string): void {
    if (this.peekOp(close)) {
      this.i++;
      return;
    }
    for (;;) {
      if (!this.peekOp(',', ';', close)) this.comparison(); // empty arguments are allowed
      if (this.peekOp(',', ';')) {
        this.i++;
        continue;
      }
      if (this.peekOp(close)) {
        this.i++;
        return;
      }
      throw new ParseError('bad argument list');
    }
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new ParseError('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'name') {
      if (this.peekOp('(')) {
        this.i++;
        this.args(')');
        return { k: 'unsupported' };
      }
      const upper = t.v.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { k: 'lit', v: upper === 'TRUE' };
      return { k: 'unsupported' };
    }
    if (t.v === '(') {
      const n = this.comparison();
      if (!this.peekOp(')')) throw new ParseError('missing )');
      this.i++;
      return n;
    }
    if (t.v === '{') {
      this.args('}');
      return { k: 'unsupported' };
    }
    throw new ParseError(`unexpected ${t.v}`);
  }
}

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function toNumber(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
  return n;
}

function toText(v: CellValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function compare(a: CellValue, b: CellValue): number {
  if (typeof a === typeof b) {
    if (typeof a === 'string') return a.toLowerCase().localeCompare((b as string).toLowerCase());
    return Number(a) - Number(b);
  }
  // Sheets orders numbers < text < booleans.
  const rank = (v: CellValue): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b);
}

function evaluate(n: Node): CellValue {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'unsupported':
      throw new FormulaError(UNSUPPORTED_FORMULA);
    case 'un': {
      const v = toNumber(evaluate(n.a));
      return n.op === '-' ? -v : v;
    }
    case 'pct':
      return toNumber(evaluate(n.a)) / 100;
    case 'bin': {
      const a = evaluate(n.a);
      const b = evaluate(n.b);
      switch (n.op) {
        case '&':
          return toText(a) + toText(b);
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        case '>=':
          return compare(a, b) >= 0;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      let r: number;
      if (n.op === '+') r = x + y;
      else if (n.op === '-') r = x - y;
      else if (n.op === '*') r = x * y;
      else if (n.op === '/') {
        if (y === 0) throw new FormulaError('#DIV/0!');
        r = x / y;
      } else r = x ** y;
      if (!Number.isFinite(r)) throw new FormulaError('#NUM!');
      return r;
    }
  }
}

/** The value a formula ("=…") shows, per the rules at the top of this file. */
export function evaluateFormula(formula: string): CellValue {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  let tree: Node;
  try {
    const toks = tokenize(body);
    if (toks.length === 0) return FORMULA_PARSE_ERROR;
    tree = new Parser(toks).parse();
  } catch (e) {
    if (e instanceof ParseError) return FORMULA_PARSE_ERROR;
    throw e;
  }
  try {
    return evaluate(tree);
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  }
}

/** Error values a formula cell can hold. */
export function isErrorValue(v: unknown): boolean {
  return typeof v === 'string' && /^#(ERROR!|NAME\?|DIV\/0!|VALUE!|NUM!|REF!|N\/A|NULL!)$/.test(v);
}
