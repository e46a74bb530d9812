/**
 * What belongs to the script itself rather than to a spreadsheet: its document properties (those
 * of the spreadsheet it is bound to, whichever master a use case is given) and its project
 * triggers. The self-test runs the real use cases on a scratch master of its own; what they
 * remember there (template ids, the budget summary, generated documents, job cursors) must
 * neither replace the office's nor be read from it, and the continuation triggers a job would
 * set or clear are the office's. Inside `withIsolation` both stay in this execution's memory.
 *
 * One execution runs one script at a time, so a module variable is the scope: other executions
 * (a trigger, another admin) never see it.
 */

/** The part of a property store properties.ts uses. */
export interface KeyValueStore {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): unknown;
  setProperties(values: Record<string, string>): unknown;
  deleteProperty(key: string): unknown;
  getKeys(): string[];
}

interface Isolation {
  readonly properties: KeyValueStore;
}

let current: Isolation | null = null;

/** The private scope while `withIsolation` runs, else null (the script's own state is used). */
export function isolation(): Isolation | null {
  return current;
}

/** Runs `fn` with document properties in memory and project triggers left alone, then drops them. */
export function withIsolation<T>(fn: () => T): T {
  const saved = current;
  const values: Record<string, string> = {};
  current = {
    properties: {
      getProperty: (key) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : null),
      getProperties: () => ({ ...values }),
      setProperty: (key, value) => (values[key] = value),
      setProperties: (more) => Object.assign(values, more),
      deleteProperty: (key) => delete values[key],
      getKeys: () => Object.keys(values),
    },
  };
  try {
    return fn();
  } finally {
    current = saved;
  }
}
