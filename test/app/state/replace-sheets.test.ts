import { Emulator } from '../../../emulator';
import { SheetSpec } from '../../../src/domain/sheet-spec';
import { findSheet, replaceSheets } from '../../../src/gas/replace-sheets';

const spec = (name: string, text: string): SheetSpec => ({
  name,
  columnWidths: [100, 100],
  values: [
    ['Tiêu đề', 'Giá trị'],
    [text, 1],
  ],
});

function office() {
  const emu = new Emulator({ user: 'office@example.gov.vn' });
  const close = emu.install(globalThis);
  const ss = emu.SpreadsheetApp.create('Tổng hợp');
  replaceSheets(ss, [spec('A', 'cũ'), spec('B', 'cũ')]);
  return { emu, ss, close };
}

const text = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) =>
  findSheet(ss, name)?.getRange(2, 1).getValue();

describe('replacing sheets', () => {
  it('at a fault at any call, each sheet is found complete (old or new); a rerun ends with the new ones', () => {
    const probe = office();
    const before = probe.emu.ctx.ledger.snapshot();
    replaceSheets(probe.ss, [spec('A', 'mới'), spec('B', 'mới')]);
    const after = probe.emu.ctx.ledger.snapshot();
    probe.close();
    const points = Object.entries(after).flatMap(([key, n]) =>
      Array.from({ length: n - (before[key] ?? 0) }, (_, i) => ({ key, nth: i + 1 })),
    );
    expect(points.length).toBeGreaterThan(10);
    for (const point of points) {
      const { emu, ss, close } = office();
      try {
        emu.ctx.ledger.failOn(point.key, point.nth);
        expect(() => replaceSheets(ss, [spec('A', 'mới'), spec('B', 'mới')])).toThrow('Injected fault');
        emu.ctx.ledger.clearFaults();
        for (const name of ['A', 'B']) expect(['cũ', 'mới']).toContain(text(ss, name));
        replaceSheets(ss, [spec('A', 'mới'), spec('B', 'mới')]);
        expect([point, text(ss, 'A'), text(ss, 'B')]).toEqual([point, 'mới', 'mới']);
        expect([
          point,
          ss
            .getSheets()
            .map((s) => s.getName())
            .sort(),
        ]).toEqual([point, ['A', 'B', 'Trang tính1']]);
      } finally {
        close();
      }
    }
  });
});
