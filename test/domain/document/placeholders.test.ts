import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PLACEHOLDERS,
  placeholdersIn,
  TABLE_MARKER,
  unknownPlaceholders,
} from '../../../src/domain/document/placeholders';
import { documentNumber, officialDate, officialDateLine } from '../../../src/domain/document/official-format';

describe('placeholders', () => {
  it('finds the names used, spaces allowed, each once', () => {
    expect(placeholdersIn('{{nam}} và {{ don_vi }} rồi {{nam}}; {{BANG_NHIEM_VU}}')).toEqual([
      'nam',
      'don_vi',
      TABLE_MARKER,
    ]);
    expect(unknownPlaceholders(['nam', 'ten_sai', TABLE_MARKER])).toEqual(['ten_sai']);
  });

  it('are all documented for the office in docs/templates.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/templates.md'), 'utf8');
    for (const p of PLACEHOLDERS) expect(doc).toContain(`{{${p.name}}}`);
    expect(doc).toContain(`{{${TABLE_MARKER}}}`);
  });
});

describe('the official date and number (Nghị định 30/2020)', () => {
  it('pads days below 10 and the months 1 and 2, not the others', () => {
    expect(officialDateLine('Vĩnh Linh', { y: 2025, m: 2, d: 5 }, 2025)).toBe(
      'Vĩnh Linh, ngày 05 tháng 02 năm 2025',
    );
    expect(officialDateLine('Vĩnh Linh', { y: 2025, m: 3, d: 15 }, 2025)).toBe(
      'Vĩnh Linh, ngày 15 tháng 3 năm 2025',
    );
    expect(officialDate({ y: 2025, m: 12, d: 1 }, 2025)).toBe('ngày 01 tháng 12 năm 2025');
    expect(officialDateLine('Gio Linh', null, 2026)).toBe('Gio Linh, ngày      tháng      năm 2026');
  });

  it('writes the number with a leading zero below 10, or leaves room for a draft', () => {
    expect(documentNumber('5', 'KH-UBND')).toBe('Số: 05/KH-UBND');
    expect(documentNumber('12', 'KH-UBND')).toBe('Số: 12/KH-UBND');
    expect(documentNumber('', 'KH-UBND')).toBe('Số:      /KH-UBND');
  });
});
