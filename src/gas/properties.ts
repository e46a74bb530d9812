/**
 * Small state kept with the master spreadsheet (template ids, cursors). Values are strings in
 * Apps Script, 9 KB each at most (Properties reference, quotas); callers keep them small.
 */
export function readDocumentJson<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeDocumentJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

export function deleteDocumentKey(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}

/** The document-property keys that start with `prefix`. */
export function documentKeys(prefix: string): string[] {
  return PropertiesService.getDocumentProperties()
    .getKeys()
    .filter((k) => k.indexOf(prefix) === 0);
}
