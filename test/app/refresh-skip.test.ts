import { urlFetchControls } from '../../emulator';
import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { SKIP_MARGIN_MS } from '../../src/domain/tracking/read-marks';
import { manyUnits } from '../fixtures/many-units';
import {
  Office,
  openOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const HOUR = 60 * 60 * 1000;
const N = 60;
const units = manyUnits(N);
const SUBMITTED = 'Đã hoàn thành, đề nghị tiếp nhận';

/** Units whose sheets one refresh read (CSV exports, or the Sheets API when the export fails). */
function refresh(o: Office): { readFiles: Set<string>; requests: number } {
  const net = urlFetchControls(o.emu.ctx);
  const before = net.requests().length;
  entry.menuRefreshStatus();
  runContinuations(o);
  const mine = net.requests().slice(before);
  const readFiles = new Set(
    mine
      .map((r) =>
        /docs\.google\.com\/spreadsheets\/d\/([\w-]+)|sheets\.googleapis\.com\/v4\/spreadsheets\/([\w-]+)/.exec(
          r.url,
        ),
      )
      .filter((m) => m !== null)
      .map((m) => m[1] ?? m[2]),
  );
  return { readFiles, requests: mine.length };
}

function status(o: Office, code: string): string {
  const [header, ...rows] = sheetValues(o.master, 'Theo dõi nộp');
  return String(rows.find((r) => r[0] === code)?.[header.indexOf('Trạng thái')] ?? '');
}

let o: Office;
beforeEach(() => {
  o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)));
  entry.menuSetup();
  typeRegistry(o.master, registryRows(units));
  entry.menuProvisionUnits();
  runContinuations(o);
  o.emu.ctx.clock.advance(HOUR);
});
afterEach(() => o.close());

const fileOf = (i: number) => unitFileId(o.master, units[i].code);

describe('status refresh reads only the files that changed', () => {
  test('the first refresh reads every file; an hour later, with nothing changed, none', () => {
    const first = refresh(o);
    expect(first.readFiles.size).toBe(N);
    o.emu.ctx.clock.advance(HOUR);
    const second = refresh(o);
    expect(second.readFiles.size).toBe(0);
    // The folder listings (times, sharing) and nothing per unit.
    expect(second.requests).toBeLessThanOrEqual(4);
  });

  test('a unit that submits is read (and archived, locked) — and once more after its own lock', () => {
    refresh(o);
    o.emu.ctx.clock.advance(HOUR);
    setUnitState(o.emu, focalEmail(units[5]), fileOf(5), SUBMITTED);
    o.emu.ctx.clock.advance(HOUR);
    const next = refresh(o);
    expect([...next.readFiles]).toEqual([fileOf(5)]);
    expect(status(o, units[5].code)).toBe('Đã nộp');
    o.emu.ctx.clock.advance(HOUR);
    // The archive and lock wrote to the file after it was listed: read again, found unchanged.
    expect([...refresh(o).readFiles]).toEqual([fileOf(5)]);
    o.emu.ctx.clock.advance(HOUR);
    expect(refresh(o).readFiles.size).toBe(0);
    expect(status(o, units[5].code)).toBe('Đã nộp');
  });

  test('a file modified within the margin before the listing is read again at the next refresh', () => {
    refresh(o);
    o.emu.ctx.clock.advance(HOUR);
    setUnitState(o.emu, focalEmail(units[7]), fileOf(7), 'Đang soạn');
    o.emu.ctx.clock.advance(SKIP_MARGIN_MS / 2);
    expect([...refresh(o).readFiles]).toEqual([fileOf(7)]);
    o.emu.ctx.clock.advance(HOUR);
    // Unchanged since, but its last change was too close to the read to trust it.
    expect([...refresh(o).readFiles]).toEqual([fileOf(7)]);
    o.emu.ctx.clock.advance(HOUR);
    expect(refresh(o).readFiles.size).toBe(0);
  });
});
