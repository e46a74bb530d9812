/**
 * The units a paused job has done, by code — never by registry row: rows move when a unit is
 * inserted, a row deleted or the registry sorted while the job waits, and a row cursor then
 * counts units twice or skips them. The set is kept in the job's state (one Properties value of
 * 9 KB with everything else), so it is stored compactly: the codes sorted, each written as the
 * length of the prefix it shares with the previous code and the length of the rest (one base-36
 * digit each), then the rest. Codes of a province ("SNV", "UBX12", …) share long prefixes: about
 * 4 characters a unit, 4–5 KB at 1,000 units.
 */
export type DoneCodes = string;

const MAX_SHARED = 35;
/** A suffix length of this digit ("z") is followed by the real length and ":" (codes > 34 chars). */
const LONG = 35;

/** JSON writes every character here as itself: no separator line that would cost "\\n". */
export function encodeDone(codes: Iterable<string>): DoneCodes {
  const sorted = Array.from(new Set(codes)).sort();
  let previous = '';
  return sorted
    .map((code) => {
      let shared = 0;
      const limit = Math.min(previous.length, code.length, MAX_SHARED);
      while (shared < limit && previous[shared] === code[shared]) shared++;
      previous = code;
      const rest = code.slice(shared);
      const length = rest.length < LONG ? rest.length.toString(36) : `z${rest.length.toString(36)}:`;
      return shared.toString(36) + length + rest;
    })
    .join('');
}

export function decodeDone(done: DoneCodes | undefined): string[] {
  const codes: string[] = [];
  if (!done) return codes;
  let previous = '';
  let at = 0;
  while (at < done.length) {
    const shared = parseInt(done[at], 36);
    let length = parseInt(done[at + 1], 36);
    at += 2;
    if (length === LONG) {
      const end = done.indexOf(':', at);
      length = parseInt(done.slice(at, end), 36);
      at = end + 1;
    }
    const code = previous.slice(0, shared) + done.slice(at, at + length);
    at += length;
    codes.push(code);
    previous = code;
  }
  return codes;
}
/** Where a job stands against the registry as it is now. */
export interface DoneProgress<U> {
  /** Units of the registry not done yet, in the order given. */
  readonly todo: U[];
  /** Units of the registry already done. */
  readonly done: number;
  /** Codes done that the registry no longer has (removed, or no longer concerned). */
  readonly removed: string[];
}

export function progressAgainst<U extends { readonly code: string }>(
  units: readonly U[],
  done: DoneCodes | undefined,
): DoneProgress<U> {
  const doneSet = new Set(decodeDone(done));
  const current = new Set(units.map((u) => u.code));
  return {
    todo: units.filter((u) => !doneSet.has(u.code)),
    done: units.filter((u) => doneSet.has(u.code)).length,
    removed: Array.from(doneSet).filter((code) => !current.has(code)),
  };
}

/** The set with more codes done. */
export function withDone(done: DoneCodes | undefined, codes: readonly string[]): DoneCodes {
  return encodeDone([...decodeDone(done), ...codes]);
}

/** The set without the given codes (units dropped from the registry). */
export function withoutDone(done: DoneCodes | undefined, codes: readonly string[]): DoneCodes {
  const drop = new Set(codes);
  return encodeDone(decodeDone(done).filter((c) => !drop.has(c)));
}
