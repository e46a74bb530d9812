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

/**
 * Reads every unit's progress sheet of `period` (units with a file): by CSV export, in parallel,
 * where its gid is known; by SpreadsheetApp otherwise (unit-reader.ts), which finds it by name —
 * and its gid is then recorded for the next read. Keys are "code|sheet name", as readUnitSheets.
 */
export function readProgressSheets(units: readonly Unit[], period: ReportingPeriod): SheetRead[] {
  const stored = readDocumentJsonByPrefix(`${PREFIX}${period.key}.`);
  const shards: Shard[] = Array.from({ length: SHARDS }, (_, n) => {
    const value = stored[shardKey(period, n)];
    return value && typeof value === 'object' ? (value as Shard) : {};
  });
  const sheetName = progressSheetName(period);
  const reads = readSheets(
    units
      .filter((u) => u.fileId)
      .map((u) => {
        const key = fileKey(u.fileId);
        const gid = shards[shardOf(key)][key];
        return {
          key: `${u.code}|${sheetName}`,
          fileId: u.fileId,
          sheetName,
          sheetId: typeof gid === 'number' ? gid : null,
          isExpected: isProgressSheet,
        };
      }),
  );
  const changed = new Set<number>();
  const recorded = new Set<string>();
  for (const read of reads) {
    if (read.sheetId === null) continue;
    const key = fileKey(read.request.fileId);
    const n = shardOf(key);
    recorded.add(key);
    if (shards[n][key] === read.sheetId) continue;
    shards[n][key] = read.sheetId;
    changed.add(n);
  }
  if (changed.size > 0) {
    const writes: Record<string, unknown> = {};
    for (const n of changed) {
      const shard = JSON.stringify(shards[n]).length > MAX_VALUE_BYTES ? cut(shards[n], recorded) : shards[n];
      writes[shardKey(period, n)] = shard;
    }
    writeDocumentJsonMany(writes);
  }
  return reads;
}
