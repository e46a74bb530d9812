import { isolation, KeyValueStore } from './isolation';

/**
 * Small state kept with the master spreadsheet (template ids, cursors). Values are strings in
 * Apps Script, 9 KB each at most (Properties reference, quotas); callers keep them small.
 */

/** The bound spreadsheet's document properties — or the self-test's private store (isolation.ts). */
function documentStore(): KeyValueStore {
  return isolation()?.properties ?? PropertiesService.getDocumentProperties();
}

export function readDocumentJson<T>(key: string): T | null {
  const raw = documentStore().getProperty(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeDocumentJson(key: string, value: unknown): void {
  documentStore().setProperty(key, JSON.stringify(value));
}

/** Every JSON value whose key starts with `prefix`, in one read of the store. */
export function readDocumentJsonByPrefix(prefix: string): Record<string, unknown> {
  const all = documentStore().getProperties();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(all)) {
    if (key.indexOf(prefix) !== 0) continue;
    try {
      out[key] = JSON.parse(all[key]);
    } catch {
      // A value that is not JSON is not ours: left out, as readDocumentJson gives null for it.
    }
  }
  return out;
}

/** Several values in one write (others are kept). */
export function writeDocumentJsonMany(values: Record<string, unknown>): void {
  const texts: Record<string, string> = {};
  for (const key of Object.keys(values)) texts[key] = JSON.stringify(values[key]);
  documentStore().setProperties(texts);
}

export function deleteDocumentKey(key: string): void {
  documentStore().deleteProperty(key);
}

/** The document-property keys that start with `prefix`. */
export function documentKeys(prefix: string): string[] {
  return documentStore()
    .getKeys()
    .filter((k) => k.indexOf(prefix) === 0);
}
