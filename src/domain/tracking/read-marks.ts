import { TrackRecord } from './status';

/**
 * Which unit files a status refresh may leave unread: those whose content it already knows.
 *
 * Each successful read marks the unit's records with the file's Drive modified time as listed
 * before the read, and when that listing was taken. A later refresh lists the folder again (one
 * request for every file) and skips a file only when
 *   - the same file was read before, fully (every sheet), and no read failed since;
 *   - its modified time now is exactly the one seen at that read (any change, even backwards — a
 *     restored version — means read again);
 *   - that time was at least SKIP_MARGIN_MS older than the listing: a file edited shortly before
 *     it was read is read again next time, settled or not.
 * Why the margin: the modified time is not the instant the content we read was exported. Sheets
 * saves edits to Drive with a delay (an edit typed a moment before the listing may show its time
 * only later, or several quick edits may share one), Drive's timestamps and the script's clock are
 * different machines' clocks, and a time may be stored coarser than a millisecond (DriveApp's
 * fallback, getLastUpdated). Within the margin the read may have missed an edit that then carries
 * the time already seen; past it, any later edit carries a later time. Ten minutes is a guess
 * (no published bound), generous against seconds of skew: it costs one more read of a file being
 * worked on, never a missed change.
 */
export const SKIP_MARGIN_MS = 10 * 60 * 1000;

/** The read marks of a read that just succeeded. */
export function readMarks(
  fileId: string,
  modifiedAtMs: number,
  listedAtMs: number,
): Pick<TrackRecord, 'readFileId' | 'readModifiedAtMs' | 'readListedAtMs'> {
  return { readFileId: fileId, readModifiedAtMs: modifiedAtMs, readListedAtMs: listedAtMs };
}

/** The record without read marks: its file's state is unknown (a read failed). */
export function withoutReadMarks(record: TrackRecord): TrackRecord {
  const { readFileId: _f, readModifiedAtMs: _m, readListedAtMs: _l, ...rest } = record;
  return rest;
}

/**
 * May the unit's file be left unread? `records` are all its rounds' records (each must carry the
 * marks), `modifiedAtMs` its modified time in this refresh's listing (undefined: not listed).
 */
export function unchangedSinceRead(
  records: readonly TrackRecord[],
  fileId: string,
  modifiedAtMs: number | undefined,
): boolean {
  if (modifiedAtMs === undefined || records.length === 0) return false;
  return records.every(
    (r) =>
      r.readFileId === fileId &&
      r.readModifiedAtMs === modifiedAtMs &&
      r.readListedAtMs !== undefined &&
      modifiedAtMs + SKIP_MARGIN_MS <= r.readListedAtMs,
  );
}
