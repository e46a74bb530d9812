import { documentModelOf } from '../../emulator/services/document';
import type { ParagraphView, TableView } from '../../emulator/services/document/view';
import { registryColumn } from '../../src/domain/registry/columns';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { COMMUNE_SAMPLE, LevelSample, PROVINCE_SAMPLE, sampleRegistryRows } from '../../sample/two-level';
import {
  lastLog,
  Office,
  openOffice,
  runContinuations,
  setConfig,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const task = (name: string, lead: string, source: string) => [
  '1.',
  name,
  'Kế hoạch được ban hành',
  lead,
  '',
  'Quý I/2027',
  '20.000.000',
  source,
  '',
];

function officeOf(sample: LevelSample, codes: readonly string[]): Office {
  const office = openOffice(new Date(Date.UTC(2026, 11, 3, 2)));
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, sample.presetAnswer);
  entry.menuSetup();
  for (const [key, value] of Object.entries(sample.settings)) setConfig(office.master, key, value);
  typeRegistry(
    office.master,
    sampleRegistryRows(sample).filter((r) => codes.includes(r[0])),
  );
  entry.menuProvisionUnits();
  runContinuations(office);
  expect(lastLog(office.master)[3]).toBe('Thành công');
  return office;
}

const focal = (sample: LevelSample, code: string) => `cchc.${code.toLowerCase()}@${sample.domain}`;

function docText(office: Office, id: string): { left: string[]; right: string[]; all: string } {
  const model = documentModelOf(office.emu.ctx, id);
  if (!model) throw new Error('no document');
  // Through the Docs API one empty 1-pt paragraph comes before the header table (a document
  // cannot start with a table there).
  const header = model.body.find((b) => b.type === 'table') as TableView;
  expect(model.body.indexOf(header)).toBeLessThanOrEqual(1);
  const texts = (header.rows[0].cells[0].children as ParagraphView[]).map((p) => p.text);
  const right = (header.rows[0].cells[1].children as ParagraphView[]).map((p) => p.text);
  const all = model.body
    .map((b) => (b.type === 'table' ? (b as TableView).text : (b as ParagraphView).text))
    .join('\n');
  return { left: texts, right, all };
}

function docId(office: Office, name: string): string {
  const files = office.emu.DriveApp.getFilesByName(name);
  if (!files.hasNext()) throw new Error(`no document ${name}`);
  return files.next().getId();
}

const ABOLISHED = /huyện|thị trấn|Huyện ủy|Phòng Nội vụ/;

describe('a province (Sở Nội vụ) plans 2027 by configuration alone', () => {
  let office: Office;
  afterEach(() => office.close());

  it('header, place, Nơi nhận and running text fit the province; abolished names warned at their cells', () => {
    const sample = PROVINCE_SAMPLE;
    office = officeOf(sample, ['SNV', 'STP', 'THUE', 'CTUNG', 'DHOI']);
    const registry = sheetValues(office.master, 'Đơn vị');
    expect(registry.find((r) => r[0] === 'CTUNG')?.[2]).toBe('UBND xã, phường, đặc khu');
    // Sở and communes propose; the central agency does not.
    const sheetsOf = (code: string) =>
      office.emu.SpreadsheetApp.openById(unitFileId(office.master, code))
        .getSheets()
        .map((s) => s.getName());
    expect(sheetsOf('STP')).toContain('Đề xuất');
    expect(sheetsOf('CTUNG')).toContain('Đề xuất');
    expect(sheetsOf('THUE')).not.toContain('Đề xuất');

    office.emu.ctx.clock.set(Date.UTC(2027, 0, 5, 2));
    fillTaskTable(office.emu, focal(sample, 'STP'), unitFileId(office.master, 'STP'), 'Đề xuất', [
      [task('Số hóa hồ sơ hộ tịch', 'Sở Tư pháp', 'Ngân sách tỉnh')],
    ]);
    fillTaskTable(office.emu, focal(sample, 'CTUNG'), unitFileId(office.master, 'CTUNG'), 'Nhiệm vụ', [
      [task('Ban hành kế hoạch CCHC', 'Phòng Nội vụ', 'Ngân sách huyện')],
    ]);
    entry.menuConsolidate();
    runContinuations(office);
    const problems = sheetValues(office.master, 'Lỗi dữ liệu').map((r) => r.join(' | '));
    expect(problems.some((p) => p.includes('"Sở Nội vụ"') && p.includes('Phòng Nội vụ'))).toBe(true);
    expect(problems.some((p) => p.includes('"Ngân sách tỉnh"') && p.includes('Ngân sách huyện'))).toBe(true);

    entry.menuGenerateLocalPlan();
    const local = docText(
      office,
      docId(office, 'Dự thảo Kế hoạch CCHC 2027 - ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ'),
    );
    expect(local.left.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ']);
    expect(local.right[3]).toBe('Quảng Trị, ngày      tháng      năm 2027');
    expect(local.all).toContain('Cải cách hành chính tỉnh Quảng Trị năm 2027');
    expect(local.all).toContain('UBND tỉnh Quảng Trị ban hành Kế hoạch');
    expect(local.all).toContain('- Bộ Nội vụ;');
    expect(local.all).toContain('- UBND các xã, phường, đặc khu;');
    expect(local.all).toContain('Kinh phí do ngân sách cấp tỉnh cấp');
    expect(local.all).not.toMatch(ABOLISHED);
    expect(local.all).not.toContain('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ');

    // Units' own plans: a sở under the province, a commune with no parent line and its own place.
    for (const code of ['STP', 'CTUNG'])
      setUnitState(
        office.emu,
        focal(sample, code),
        unitFileId(office.master, code),
        'Đã hoàn thành, đề nghị tiếp nhận',
      );
    entry.menuRefreshStatus();
    runContinuations(office);
    office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, 'STP, CTUNG');
    entry.menuGenerateUnitPlans();
    runContinuations(office);
    const link = (code: string) =>
      String(sheetValues(office.master, 'Đơn vị').find((r) => r[0] === code)?.[registryColumn('planDoc') - 1])
        .replace(/^https:\/\/docs\.google\.com\/document\/d\//, '')
        .replace(/\/edit$/, '');
    const so = docText(office, link('STP'));
    expect(so.left.slice(0, 2)).toEqual(['UBND TỈNH QUẢNG TRỊ', 'SỞ TƯ PHÁP']);
    expect(so.right[3]).toMatch(/^Quảng Trị, ngày/);
    expect(so.all).toContain('của UBND tỉnh Quảng Trị, Sở Tư pháp xây dựng');
    const xa = docText(office, link('CTUNG'));
    expect(xa.left.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ CỬA TÙNG', '────────']);
    expect(xa.right[3]).toMatch(/^Cửa Tùng, ngày/);
  });
});

describe('a commune plans 2027 with its own units', () => {
  it('Nơi nhận goes to the province through Sở Nội vụ; no district words anywhere', () => {
    const sample = COMMUNE_SAMPLE;
    const office = officeOf(
      sample,
      sample.units.map((u) => u.code),
    );
    try {
      office.emu.ctx.clock.set(Date.UTC(2027, 0, 5, 2));
      fillTaskTable(office.emu, focal(sample, 'KT'), unitFileId(office.master, 'KT'), 'Đề xuất', [
        [task('Chuẩn hóa quy trình cấp phép xây dựng', 'Phòng Kinh tế', 'Ngân sách xã')],
      ]);
      const guide = office.emu.SpreadsheetApp.openById(unitFileId(office.master, 'MN'))
        .getSheetByName('Hướng dẫn')
        ?.getDataRange()
        .getValues()
        .flat()
        .join('\n');
      expect(guide).not.toMatch(ABOLISHED);
      entry.menuGenerateLocalPlan();
      const local = docText(
        office,
        docId(office, 'Dự thảo Kế hoạch CCHC 2027 - ỦY BAN NHÂN DÂN XÃ CỬA TÙNG'),
      );
      expect(local.left.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ CỬA TÙNG']);
      expect(local.right[3]).toMatch(/^Cửa Tùng, ngày/);
      expect(local.all).toContain('- UBND tỉnh (qua Sở Nội vụ);');
      expect(local.all).toContain('- Thường trực Đảng ủy xã;');
      expect(local.all).toContain('Kinh phí do ngân sách cấp xã cấp');
      expect(local.all).not.toMatch(ABOLISHED);
    } finally {
      office.close();
    }
  });
});
