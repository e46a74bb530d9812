import { gasError } from '../../core/errors';
import { GAS_CLASS } from '../support/args';
import type { DriveEnv } from './env';

export type IteratorKind = 'FileIterator' | 'FolderIterator';

/** Apps Script's message for next() past the end (observed in public scripts that catch it). */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

/**
 * FileIterator / FolderIterator over a snapshot of ids taken when the iterator was made (Drive
 * pages through a query result; later changes are not reflected). Order is whatever Drive gives:
 * see DriveEnv.list.
 */
export class EmuIterator<T> {
  readonly [GAS_CLASS]: string;
  private position = 0;

  constructor(
    private readonly env: DriveEnv,
    private readonly kind: IteratorKind,
    private readonly ids: readonly string[],
    private readonly wrap: (id: string) => T,
  ) {
    this[GAS_CLASS] = `DriveApp.${kind}`;
  }

  hasNext(): boolean {
    this.env.charge(`${this.kind}.hasNext`);
    return this.position < this.ids.length;
  }

  next(): T {
    this.env.charge(`${this.kind}.next`);
    if (this.position >= this.ids.length) gasError(ITERATOR_END);
    return this.wrap(this.ids[this.position++]);
  }

  /** Resumable with DriveApp.continueFileIterator / continueFolderIterator (see decodeToken). */
  getContinuationToken(): string {
    this.env.charge(`${this.kind}.getContinuationToken`);
    const state = { kind: this.kind, ids: this.ids.slice(this.position), at: this.env.ctx.clock.nowMs() };
    return Buffer.from(JSON.stringify(state)).toString('base64url');
  }
}

/** Continuation tokens "are generally valid for one week" (FileIterator reference). */
const TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** The ids a token still holds; a foreign, garbled or expired token fails (message guessed). */
export function decodeToken(token: string, kind: IteratorKind, nowMs: number): string[] {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      kind?: unknown;
      ids?: unknown;
      at?: unknown;
    };
    const fresh = typeof state.at === 'number' && nowMs - state.at <= TOKEN_LIFETIME_MS;
    if (state.kind === kind && Array.isArray(state.ids) && fresh) return state.ids.map(String);
  } catch {
    // fall through to the Apps Script-style failure below
  }
  return gasError('Invalid argument: continuationToken');
}
