import { Emulator } from '../../emulator';
import { SHEET_IDS_PREFIX, SheetIdBook } from '../../src/app/sheet-ids';

/** A template's gid map as Google would give it: the first sheet 0, the others random. */
function gidMap(seed: number): Record<string, number> {
  const names = ['Hướng dẫn', 'Kế hoạch', 'Nhiệm vụ', 'Đề xuất', 'Nộp kế hoạch', 'Danh mục'];
  return Object.fromEntries(
    names.map((name, i) => [name, i === 0 ? 0 : (1_000_000_007 * (seed + 1) * i) % 2_147_483_647]),
  );
}

const fileId = (n: number) => `1${String(n).padStart(6, '0')}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_`;

describe('SheetIdBook', () => {
  let emu: Emulator;
  let close: () => void;
  beforeEach(() => {
    emu = new Emulator({ user: 'admin@district.gov.vn' });
    close = emu.install(globalThis);
  });
  afterEach(() => close());

  const stored = () => {
    const all = emu.PropertiesService.getDocumentProperties().getProperties();
    return Object.entries(all).filter(([k]) => k.startsWith(SHEET_IDS_PREFIX));
  };

  it('keeps 1,000 unit files made from a few templates well inside the property limits, and gives their gids back', () => {
    const book = SheetIdBook.load();
    for (let n = 0; n < 1000; n++) book.record(fileId(n), gidMap(n % 4));
    book.save();
    const values = stored();
    const bytes = values.map(([, v]) => Buffer.byteLength(v, 'utf8'));
    expect(Math.max(...bytes)).toBeLessThan(9000);
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(30_000);
    const again = SheetIdBook.load();
    for (const n of [0, 1, 2, 3, 517, 999]) {
      expect(again.sheetIdOf(fileId(n), 'Nhiệm vụ')).toBe(gidMap(n % 4)['Nhiệm vụ']);
    }
    expect(again.sheetIdOf(fileId(5000), 'Nhiệm vụ')).toBeNull();
  });

  it('adds to what a file has, writes only when something changed, and drops maps no file uses', () => {
    const book = SheetIdBook.load();
    book.record(fileId(1), { 'Nhiệm vụ': 11 });
    book.record(fileId(1), { 'Nộp kế hoạch': 12 });
    book.save();
    const again = SheetIdBook.load();
    expect([again.sheetIdOf(fileId(1), 'Nhiệm vụ'), again.sheetIdOf(fileId(1), 'Nộp kế hoạch')]).toEqual([
      11, 12,
    ]);

    emu.ctx.ledger.reset();
    again.record(fileId(1), { 'Nhiệm vụ': 11 });
    again.save();
    expect(emu.ctx.ledger.count('Properties.setProperties')).toBe(0);

    // One file corrected over and over: the maps it no longer uses go.
    for (let i = 0; i < 40; i++) again.record(fileId(1), { 'Nhiệm vụ': 100 + i });
    again.save();
    const maps = JSON.parse(
      emu.PropertiesService.getDocumentProperties().getProperty(`${SHEET_IDS_PREFIX}maps`) as string,
    ) as unknown[];
    expect(maps.length).toBeLessThanOrEqual(25);
    expect(SheetIdBook.load().sheetIdOf(fileId(1), 'Nhiệm vụ')).toBe(139);
  });

  it('past what the store holds (many thousands of files), forgets the oldest rather than failing', () => {
    const first = SheetIdBook.load();
    for (let n = 0; n < 4000; n++) first.record(fileId(n), gidMap(n % 3));
    first.save();
    const later = SheetIdBook.load();
    for (let n = 4000; n < 5500; n++) later.record(fileId(n), gidMap(n % 3));
    later.save();
    for (const [, v] of stored()) expect(Buffer.byteLength(v, 'utf8')).toBeLessThan(9000);
    const book = SheetIdBook.load();
    // Everything the last run recorded is kept.
    for (let n = 4000; n < 5500; n++) {
      expect(book.sheetIdOf(fileId(n), 'Kế hoạch')).toBe(gidMap(n % 3)['Kế hoạch']);
    }
    // Some of the older ones went.
    expect(
      Array.from({ length: 4000 }, (_, n) => book.sheetIdOf(fileId(n), 'Kế hoạch')).filter((g) => g === null)
        .length,
    ).toBeGreaterThan(0);
  });
});
