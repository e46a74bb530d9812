import { fingerprint } from '../domain/util/hash';
import { readDocumentJsonByPrefix, writeDocumentJsonMany } from '../gas/properties';

/**
 * Each unit file's own sheet ids (gids), which its CSV exports need. A file copied from a template
 * keeps that template's gids, but a template rebuilt (settings or unit list changed) has new,
 * random ones, so the latest template's gids are only a guess for older files. Provisioning
 * records the gids a copy got; a read that had to find a sheet by name records what it found.
 *
 * Stored in document properties (9 KB a value, 500 KB in all): files made from one template share
 * one gid map, so each file needs only a short key and the number of its map — about 20 bytes a
 * file, spread over a few shards (1,000 units ≈ 20 KB), all read in one call and the changed ones
 * written in one. The key is a 48-bit hash of the file id:
 * a collision (≈10⁻⁹ at 1,000 files) would only give a wrong gid, which the reader's sheet check
 * catches. It is a cache: anything lost is found again by name, once.
 */
export const SHEET_IDS_PREFIX = 'cchc.gids.';
const MAPS_KEY = `${SHEET_IDS_PREFIX}maps`;
const SHARDS = 4;
/** Below Apps Script's 9 KB per value (PropertiesService quotas), in UTF-8 bytes. */
const MAX_VALUE_BYTES = 8500;
/** Maps no file uses any more are dropped once there are this many. */
const MAPS_BEFORE_CLEANUP = 24;

/** Sheet name → gid. */
export type SheetIds = Readonly<Record<string, number>>;
type Shard = Record<string, number>;

const fileKey = (fileId: string): string => fingerprint(fileId).slice(0, 12);
const shardOf = (key: string): number => parseInt(key.charAt(0), 16) % SHARDS;
const shardKey = (n: number): string => `${SHEET_IDS_PREFIX}${n}`;
const canonical = (ids: SheetIds): string =>
  JSON.stringify(
    Object.keys(ids)
      .sort()
      .map((name) => [name, ids[name]]),
  );

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00)
      n += 4; // a surrogate pair: 4 bytes, counted at its first half
    else if (c < 0xdc00 || c > 0xdfff) n += 3;
  }
  return n;
}

export class SheetIdBook {
  private maps: SheetIds[];
  private readonly shards: Shard[] = [];
  private readonly changed = new Set<number>();
  /** Keys recorded by this run: what a shard keeps if it has to be cut. */
  private readonly recorded = new Set<string>();
  private mapsChanged = false;

  private constructor(stored: Record<string, unknown>) {
    this.maps = Array.isArray(stored[MAPS_KEY]) ? (stored[MAPS_KEY] as SheetIds[]) : [];
    for (let n = 0; n < SHARDS; n++) {
      const shard = stored[shardKey(n)];
      this.shards[n] = shard && typeof shard === 'object' ? (shard as Shard) : {};
    }
  }

  static load(): SheetIdBook {
    return new SheetIdBook(readDocumentJsonByPrefix(SHEET_IDS_PREFIX));
  }

  private shard(n: number): Shard {
    return this.shards[n];
  }

  /** The file's recorded gid for the sheet, or null. */
  sheetIdOf(fileId: string, sheetName: string): number | null {
    const key = fileKey(fileId);
    const index = this.shard(shardOf(key))[key];
    const gid = index === undefined ? undefined : this.maps[index]?.[sheetName];
    return typeof gid === 'number' ? gid : null;
  }

  /** Adds (or corrects) gids of the file's sheets; the others stay as recorded. */
  record(fileId: string, ids: SheetIds): void {
    if (Object.keys(ids).length === 0) return;
    const key = fileKey(fileId);
    const n = shardOf(key);
    const shard = this.shard(n);
    const current = shard[key] === undefined ? {} : (this.maps[shard[key]] ?? {});
    const merged = { ...current, ...ids };
    const text = canonical(merged);
    if (shard[key] !== undefined && text === canonical(current)) return;
    let index = this.maps.findIndex((m) => canonical(m) === text);
    if (index < 0) {
      index = this.maps.push(merged) - 1;
      this.mapsChanged = true;
    }
    shard[key] = index;
    this.changed.add(n);
    this.recorded.add(key);
  }

  /** Writes what changed (nothing when nothing did). */
  save(): void {
    if (this.changed.size === 0 && !this.mapsChanged) return;
    if (this.maps.length > MAPS_BEFORE_CLEANUP) this.dropUnusedMaps();
    if (utf8Bytes(JSON.stringify(this.maps)) > MAX_VALUE_BYTES) this.startOver();
    const writes: Record<string, unknown> = {};
    if (this.mapsChanged) writes[MAPS_KEY] = this.maps;
    for (const n of this.changed) {
      if (utf8Bytes(JSON.stringify(this.shard(n))) > MAX_VALUE_BYTES)
        this.shards[n] = this.cut(this.shard(n));
      writes[shardKey(n)] = this.shard(n);
    }
    writeDocumentJsonMany(writes);
    this.changed.clear();
    this.mapsChanged = false;
  }

  /**
   * A full shard (several thousand files) cut to fit: this run's records kept first, the others
   * forgotten — they are found by name again when next read.
   */
  private cut(shard: Shard): Shard {
    const keys = Object.keys(shard).sort(
      (a, b) => Number(this.recorded.has(b)) - Number(this.recorded.has(a)),
    );
    const kept: Shard = {};
    let bytes = 2; // {}
    for (const key of keys) {
      bytes += key.length + String(shard[key]).length + 4; // "key":n,
      if (bytes > MAX_VALUE_BYTES) break;
      kept[key] = shard[key];
    }
    return kept;
  }

  /** Renumbers the maps files still use (every shard is read and rewritten). */
  private dropUnusedMaps(): void {
    const all = Array.from({ length: SHARDS }, (_, n) => this.shard(n));
    const used = new Map<number, number>();
    const kept: SheetIds[] = [];
    for (const shard of all) {
      for (const key of Object.keys(shard)) {
        const old = shard[key];
        if (!used.has(old)) used.set(old, kept.push(this.maps[old] ?? {}) - 1);
        shard[key] = used.get(old) as number;
      }
    }
    this.maps = kept;
    this.mapsChanged = true;
    all.forEach((_, n) => this.changed.add(n));
  }

  /** Too many different maps to keep: keep only this run's records. */
  private startOver(): void {
    const keep = new Map<string, SheetIds>();
    for (let n = 0; n < SHARDS; n++) {
      const shard = this.shard(n);
      for (const key of Object.keys(shard)) {
        if (this.recorded.has(key)) keep.set(key, this.maps[shard[key]] ?? {});
      }
      this.shards[n] = {};
      this.changed.add(n);
    }
    this.maps = [];
    for (const [key, ids] of keep) {
      let index = this.maps.findIndex((m) => canonical(m) === canonical(ids));
      if (index < 0) index = this.maps.push(ids) - 1;
      this.shard(shardOf(key))[key] = index;
    }
    this.mapsChanged = true;
  }
}
