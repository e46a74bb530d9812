/**
 * The units a paused job has done, by code — never by registry row: rows move when a unit is
 * inserted, a row deleted or the registry sorted while the job waits, and a row cursor then
 * counts units twice or skips them. The set is kept in the job's state (one Properties value of
 * 9 KB with everything else), so it is stored compactly: the codes sorted, each written as the
 * length of the prefix it shares with the previous code (one base-36 digit) and the rest, one per
 * line. Codes of a province ("SNV", "UBX12", …) share long prefixes: about 3–5 characters a unit.
 */
export type DoneCodes = string;

const MAX_SHARED = 35;

export function encodeDone(codes: Iterable<string>): DoneCodes {
  const sorted = Array.from(new Set(codes)).sort();
  let previous = '';
  return sorted
    .map((code) => {
      let shared = 0;
      const limit = Math.min(previous.length, code.length, MAX_SHARED);
      while (shared < limit && previous[shared] === code[shared]) shared++;
      previous = code;
      return shared.toString(36) + code.slice(shared);
    })
    .join('\n');
}

export function decodeDone(done: DoneCodes | undefined): string[] {
  if (!done) return [];
  let previous = '';
  return done.split('\n').map((entry) => {
    const code = previous.slice(0, parseInt(entry[0], 36)) + entry.slice(1);
    previous = code;
    return code;
  });
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
