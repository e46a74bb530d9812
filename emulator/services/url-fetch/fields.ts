/**
 * The `fields` system parameter (partial responses): parse a mask such as
 * `files(id,name,modifiedTime),nextPageToken` or `sheets.properties(sheetId,title)`, check it
 * against what the resource has, and project a response through it.
 * https://developers.google.com/drive/api/guides/fields-parameter
 *
 * A resource schema maps each field to `true` (modeled), `false` (a real field the emulator does
 * not produce: asking for it is an emulator error, not a silent omission) or a sub-schema.
 */

export type MaskTree = Map<string, MaskTree | null>;

export type Schema = { readonly [field: string]: boolean | Schema };

export type MaskProblem = { kind: 'unknown' | 'unmodeled'; path: string; name: string };

/**
 * Parse a mask; null when it is not one. `separators` are the characters a path may use between
 * names: Drive takes "/", Sheets also ".".
 */
export function parseMask(mask: string, separators: string): MaskTree | null {
  let i = 0;
  const s = mask;
  const name = (): string | null => {
    const m = /^\s*(\*|[A-Za-z_@][A-Za-z0-9_]*)\s*/.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    return m[1];
  };
  const list = (into: MaskTree): boolean => {
    for (;;) {
      const path: string[] = [];
      const first = name();
      if (first === null) return false;
      path.push(first);
      while (i < s.length && separators.includes(s[i])) {
        i++;
        const next = name();
        if (next === null) return false;
        path.push(next);
      }
      let sub: MaskTree | null = null;
      if (s[i] === '(') {
        i++;
        sub = new Map();
        if (!list(sub)) return false;
        if (s[i] !== ')') return false;
        i++;
        while (s[i] === ' ') i++;
      }
      insert(into, path, sub);
      if (s[i] !== ',') return true;
      i++;
    }
  };
  const tree: MaskTree = new Map();
  if (!list(tree) || i !== s.length) return null;
  return tree;
}

function insert(tree: MaskTree, path: string[], leaf: MaskTree | null): void {
  let node = tree;
  for (let k = 0; k < path.length; k++) {
    const key = path[k];
    const last = k === path.length - 1;
    const existing = node.get(key);
    if (last) {
      if (existing === undefined) node.set(key, leaf);
      else if (existing !== null && leaf !== null) for (const [n, v] of leaf) existing.set(n, v);
      else node.set(key, null);
      return;
    }
    if (existing === null) return; // already the whole field
    let next = existing;
    if (next === undefined) node.set(key, (next = new Map()));
    node = next;
  }
}

/** The first problem of the mask against the schema, or null. */
export function checkMask(tree: MaskTree, schema: Schema, prefix = ''): MaskProblem | null {
  for (const [name, sub] of tree) {
    if (name === '*') continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const known = schema[name];
    if (known === undefined) return { kind: 'unknown', path, name };
    if (known === false) return { kind: 'unmodeled', path, name };
    if (sub === null) continue;
    if (known === true) {
      const [child] = sub.keys();
      return { kind: 'unknown', path: `${path}.${child}`, name: child };
    }
    const inner = checkMask(sub, known, path);
    if (inner) return inner;
  }
  return null;
}

/** Whether the mask selects the whole of `name` or anything below it. */
export function selects(tree: MaskTree, path: readonly string[]): boolean {
  let node: MaskTree | null = tree;
  for (const name of path) {
    if (node === null || node.has('*')) return true;
    if (!node.has(name)) return false;
    node = node.get(name) ?? null;
  }
  return true;
}

/** The response projected through the mask (arrays are mapped element by element). */
export function applyMask(tree: MaskTree, value: unknown): unknown {
  if (tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(tree, v));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of tree) {
    if (!(name in source) || source[name] === undefined) continue;
    out[name] = sub === null ? source[name] : applyMask(sub, source[name]);
  }
  return out;
}
