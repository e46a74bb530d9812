import { fingerprint } from '../domain/util/hash';
import { CellValue } from '../domain/cell';
import { valueText } from '../domain/problem';
import { ReportingPeriod } from '../domain/progress/periods';
import { PROGRESS_COLUMNS, PROGRESS_HEADER_ROW, progressSheetName } from '../domain/progress/sheet';
import { Unit } from '../domain/registry/unit';
import { normalizeText } from '../domain/text/normalize';
import { readDocumentJsonByPrefix, writeDocumentJsonMany } from '../gas/properties';
import { readSheets, SheetRead } from '../gas/unit-reader';

/**
 * Each unit's "Tiến độ <kỳ>" gid, per period, for its CSV export. Not in the files' gid maps
 * (sheet-ids.ts): those are shared by the files of one template, while a progress sheet is added
 * to each file on its own and gets a random gid, so every file would need a map of its own and
 * the maps overflow their 9 KB value at a few dozen units (measured: 60 units, "Argument too
 * large: value" — the book's start-over keeps this run's maps, which alone do not fit). Here a
 * file costs ~30 bytes (a 12-character key of its id's hash and the gid), in four shards per
 * period: about a thousand files before a shard is cut (this run's records kept first; the others
 * are found by name again, once). It is a cache: anything lost or wrong costs one SpreadsheetApp
 * read, and a wrong gid is caught by the sheet check below.
 */
const PREFIX = 'cchc.progressGids.';
const SHARDS = 4;
const MAX_VALUE_BYTES = 8500;

type Shard = Record<string, number>;

const fileKey = (fileId: string): string => fingerprint(fileId).slice(0, 12);
const shardOf = (key: string): number => parseInt(key.charAt(0), 16) % SHARDS;
const shardKey = (period: ReportingPeriod, n: number) => `${PREFIX}${period.key}.${n}`;

/** Keys and gids are ASCII: one byte a character. */
function cut(shard: Shard, recorded: ReadonlySet<string>): Shard {
  const keys = Object.keys(shard).sort((a, b) => Number(recorded.has(b)) - Number(recorded.has(a)));
  const kept: Shard = {};
  let bytes = 2;
  for (const key of keys) {
    bytes += key.length + String(shard[key]).length + 4;
    if (bytes > MAX_VALUE_BYTES) break;
    kept[key] = shard[key];
  }
  return kept;
}

const text = (v: CellValue | undefined) => normalizeText(valueText(v)).toLowerCase();

/** A grid exported by gid is a progress sheet when its header row starts as the layout's. */
function isProgressSheet(grid: readonly (readonly string[])[]): boolean {
  const header = grid[PROGRESS_HEADER_ROW - 1] ?? [];
  return PROGRESS_COLUMNS.slice(0, 3).every((c, i) => text(header[i]) === text(c.header));
}

/** The stored gids of one period's progress sheets: looked up, changed, and saved in one write. */
class PeriodGids {
  private readonly changed = new Set<number>();
  private readonly recorded = new Set<string>();

  private constructor(
    private readonly period: ReportingPeriod,
    private readonly shards: Shard[],
  ) {}

  static load(period: ReportingPeriod): PeriodGids {
    const stored = readDocumentJsonByPrefix(`${PREFIX}${period.key}.`);
    const shards: Shard[] = Array.from({ length: SHARDS }, (_, n) => {
      const value = stored[shardKey(period, n)];
      return value && typeof value === 'object' ? { ...(value as Shard) } : {};
    });
    return new PeriodGids(period, shards);
  }

  get(fileId: string): number | null {
    const key = fileKey(fileId);
    const gid = this.shards[shardOf(key)][key];
    return typeof gid === 'number' ? gid : null;
  }

  set(fileId: string, gid: number): void {
    const key = fileKey(fileId);
    const n = shardOf(key);
    this.recorded.add(key);
    if (this.shards[n][key] === gid) return;
    this.shards[n][key] = gid;
    this.changed.add(n);
  }

  /** One write of the shards that changed (none when nothing did). */
  save(): void {
    if (this.changed.size === 0) return;
    const writes: Record<string, unknown> = {};
    for (const n of this.changed) {
      const shard = this.shards[n];
      writes[shardKey(this.period, n)] =
        JSON.stringify(shard).length > MAX_VALUE_BYTES ? cut(shard, this.recorded) : shard;
    }
    writeDocumentJsonMany(writes);
    this.changed.clear();
  }
}

/** Records the gids of the progress sheets the template push made or found, per period. */
export function recordProgressGids(
  period: ReportingPeriod,
  found: readonly { readonly fileId: string; readonly gid: number }[],
): void {
  if (found.length === 0) return;
  const gids = PeriodGids.load(period);
  for (const f of found) gids.set(f.fileId, f.gid);
  gids.save();
}

/**
 * Reads every unit's progress sheet of `period` (units with a file): by CSV export, in parallel,
 * where its gid is known; by SpreadsheetApp otherwise (unit-reader.ts), which finds it by name —
 * and its gid is then recorded for the next read. Keys are "code|sheet name", as readUnitSheets.
 */
export function readProgressSheets(units: readonly Unit[], period: ReportingPeriod): SheetRead[] {
  return readWithGids(
    PeriodGids.load(period),
    units.filter((u) => u.fileId),
    period,
  );
}

/** The CSV exports of `units`' sheets by the gids known (by name where none is), learning gids. */
function readWithGids(gids: PeriodGids, units: readonly Unit[], period: ReportingPeriod): SheetRead[] {
  const sheetName = progressSheetName(period);
  const reads = readSheets(
    units.map((u) => ({
      key: `${u.code}|${sheetName}`,
      fileId: u.fileId,
      sheetName,
      sheetId: gids.get(u.fileId),
      isExpected: isProgressSheet,
    })),
  );
  for (const read of reads) if (read.sheetId !== null) gids.set(read.request.fileId, read.sheetId);
  gids.save();
  return reads;
}

/**
 * The refresh's read of a period's progress sheets: only where the gid is known — the template
 * push records the sheets it makes — by CSV export; a file without a known gid has no sheet of
 * the period yet (`notMade`), and is not opened to look for one: after the plan's burst of
 * submissions, 500 files opened to find nothing cost minutes an hour. A sheet the push made
 * without its gid reaching the store (a fault between the two) is found again by the push's
 * retry, which records it.
 */
export function readMadeProgressSheets(
  units: readonly Unit[],
  period: ReportingPeriod,
): { reads: SheetRead[]; notMade: Unit[] } {
  const gids = PeriodGids.load(period);
  const made = units.filter((u) => u.fileId && gids.get(u.fileId) !== null);
  const notMade = units.filter((u) => !made.includes(u));
  return { reads: made.length === 0 ? [] : readWithGids(gids, made, period), notMade };
}
