import { gasError } from '../../core/errors';
import { DriveItem, DriveStore } from '../../core/drive-store';

/** A compiled Drive search query (DriveApp.searchFiles / searchFolders). */
export type ItemPredicate = (item: DriveItem, store: DriveStore) => boolean;

type Token = { kind: 'string' | 'word' | 'op'; text: string };

/**
 * The subset of Drive's query language the emulator understands, joined with `and`:
 *   title|name = | != | contains 'text'      mimeType = | != 'type'      trashed = true|false
 *   'id' in parents     'email' in owners|writers|readers
 *   modifiedDate|modifiedTime|createdDate|createdTime  < <= = >= >  'RFC 3339 time' (UTC if no offset)
 * `or`, `not`, parentheses and other fields throw an emulator error (not an Apps Script one):
 * the emulator refuses to guess. A clause Drive itself rejects gives "Invalid argument: q".
 * https://developers.google.com/drive/api/guides/search-files
 */
export function compileQuery(query: string): ItemPredicate {
  const tokens = tokenize(query);
  const clauses: ItemPredicate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const [clause, next] = parseClause(tokens, i, query);
    clauses.push(clause);
    i = next;
    if (i < tokens.length) {
      const joiner = tokens[i];
      if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') unsupported(query);
      i++;
      if (i === tokens.length) invalidQuery();
    }
  }
  return (item, store) => clauses.every((c) => c(item, store));
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:'((?:[^'\\]|\\.)*)'|(!=|<=|>=|=|<|>)|([A-Za-z_][\w.]*)|(\S))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < query.length && (m = re.exec(query)) !== null) {
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/\\(.)/g, '$1') });
    else if (m[2] !== undefined) tokens.push({ kind: 'op', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'word', text: m[3] });
    else if (m[4] !== undefined) {
      if (m[4] === '(' || m[4] === ')') unsupported(query);
      invalidQuery();
    }
    if (/^\s*$/.test(query.slice(re.lastIndex))) break;
  }
  return tokens;
}

function parseClause(tokens: Token[], i: number, query: string): [ItemPredicate, number] {
  const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!a || !b || !c) invalidQuery();
  // 'value' in collection
  if (a.kind === 'string' && b.kind === 'word' && b.text === 'in' && c.kind === 'word') {
    return [membership(a.text, c.text, query), i + 3];
  }
  if (a.kind !== 'word') invalidQuery();
  const field = a.text;
  const lower = field.toLowerCase();
  if (lower === 'not' || lower === 'or') unsupported(query);
  const op = b.kind === 'op' ? b.text : b.kind === 'word' && b.text === 'contains' ? 'contains' : undefined;
  if (!op) invalidQuery();
  if (field === 'title' || field === 'name') {
    if (c.kind !== 'string' || !['=', '!=', 'contains'].includes(op)) invalidQuery();
    const text = c.text;
    if (op === 'contains') return [(item) => containsTerm(item.name, text), i + 3];
    return [(item) => (item.name === text) === (op === '='), i + 3];
  }
  if (field === 'mimeType') {
    if (c.kind !== 'string' || (op !== '=' && op !== '!=')) invalidQuery();
    return [(item) => (item.mimeType === c.text) === (op === '='), i + 3];
  }
  if (field === 'trashed') {
    if (c.kind !== 'word' || !/^(true|false)$/.test(c.text) || (op !== '=' && op !== '!=')) invalidQuery();
    const wanted = (c.text === 'true') === (op === '=');
    return [(item, store) => store.isTrashed(item) === wanted, i + 3];
  }
  const timeField = {
    modifiedDate: 'updatedMs',
    modifiedTime: 'updatedMs',
    createdDate: 'createdMs',
    createdTime: 'createdMs',
  } as const;
  if (field in timeField) {
    const key = timeField[field as keyof typeof timeField];
    if (c.kind !== 'string' || op === 'contains' || op === '!=') invalidQuery();
    const at = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(c.text) ? c.text : `${c.text}Z`);
    if (Number.isNaN(at)) invalidQuery();
    return [(item) => compare(item[key], op, at), i + 3];
  }
  return unsupported(query);
}

function membership(value: string, collection: string, query: string): ItemPredicate {
  const email = value.toLowerCase();
  const has = (set: Set<string>): boolean => [...set].some((e) => e.toLowerCase() === email);
  switch (collection) {
    case 'parents':
      return (item) => item.parents.has(value);
    case 'owners':
      return (item) => item.owner.toLowerCase() === email;
    case 'writers':
      return (item) => item.owner.toLowerCase() === email || has(item.editors);
    case 'readers':
      return (item) => item.owner.toLowerCase() === email || has(item.editors) || has(item.viewers);
    default:
      return unsupported(query);
  }
}

/**
 * Drive's `contains` on names is prefix matching per term: "name contains 'Hello'" finds
 * "HelloWorld" but "name contains 'World'" does not (search-files guide). Case-insensitive.
 */
function containsTerm(name: string, text: string): boolean {
  const hay = name.toLowerCase();
  const needle = text.toLowerCase();
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(hay[at - 1])) return true;
  }
  return false;
}

function compare(value: number, op: string, at: number): boolean {
  switch (op) {
    case '<':
      return value < at;
    case '<=':
      return value <= at;
    case '>':
      return value > at;
    case '>=':
      return value >= at;
    default:
      return value === at;
  }
}

function invalidQuery(): never {
  return gasError('Invalid argument: q');
}

function unsupported(query: string): never {
  throw new Error(`Emulator: this Drive query is not modeled (only 'and' of simple clauses): ${query}`);
}
