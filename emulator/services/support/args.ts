import { gasError } from '../../core/errors';

/**
 * The class name Apps Script prints for an emulated object in a signature error, e.g.
 * "The parameters (DriveApp.Folder) don't match the method signature for ...".
 */
export const GAS_CLASS: unique symbol = Symbol('gasClass');

/** Java-bridge type names as they appear in "The parameters (…)" messages. */
export function typeLabel(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'function') return 'Function';
  if (Array.isArray(value)) {
    const labels = new Set(value.map(typeLabel));
    return `${labels.size === 1 ? [...labels][0] : 'Object'}[]`;
  }
  if (isDate(value)) return 'Date';
  const cls = (value as { [GAS_CLASS]?: string })[GAS_CLASS];
  return cls ?? 'Object';
}

/**
 * Apps Script's reply to a call whose arguments fit no overload, e.g. "The parameters
 * (String,String,String) don't match the method signature for Utilities.formatDate." (seen in
 * public code) and "The parameters () don't match the method signature for
 * LockService.Lock.tryLock." Trailing `undefined`s are dropped: they are missing arguments.
 */
export function signatureError(method: string, args: readonly unknown[]): never {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  gasError(
    `The parameters (${given.map(typeLabel).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Realm-independent Date check (code under test may run in a vm context with its own Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
