import { urlFetchControls } from '../../emulator';
import {
  elementAttributes,
  elementBodies,
  exportDocument,
  readDocxParts,
  wordText,
} from '../../emulator/export';
import { documentModelOf } from '../../emulator/services/document';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { PeriodProgress } from '../../src/domain/progress/period-progress';
import { defaultPeriods, ReportingPeriod } from '../../src/domain/progress/periods';
import { PROGRESS_DASHBOARD_SHEET } from '../../src/domain/progress/dashboard';
import { resetPeriodProgressLoader, setPeriodProgressLoader } from '../../src/app/progress-source';
import { DAILY_LIMIT_KEY } from '../../src/gas/doc-quota';
import { LAYOUT_TEMPLATE_NAME } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { DOC_REQUESTS, refuseDocsApi } from '../fixtures/generate';
import { lastLog, Office, provisionedOffice, sheetValues } from '../fixtures/office';
import { periodProgress } from '../fixtures/period-progress';

const YEAR = 2025;
const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const [agency, commune, silent] = ['TP', 'VHO', 'HX'].map(pick);
const UNITS = [agency, commune, silent];
const [q1, six] = defaultPeriods(YEAR, 'huyện');
const ref = (u: SampleUnit) => ({ code: u.code, name: u.name });
const day = (d: number, m: number) => ({ y: YEAR, m, d });

/** Quarter I as the consolidation would give it back: TP late on one task, HX never reported. */
function quarterOne(): PeriodProgress {
  return periodProgress(q1, YEAR, [
    {
      unit: ref(agency),
      state: 'reported',
      tasks: [
        { task: 'Ban hành kế hoạch CCHC', area: 1, time: 'Tháng 1/2025', status: 'done', done: day(20, 1) },
        {
          task: 'Kiểm tra CCHC',
          area: 1,
          time: 'Tháng 2/2025',
          status: 'in-progress',
          reason: 'Thiếu nhân lực',
        },
        { task: 'Rà soát TTHC', area: 3, time: 'Quý II/2025', status: 'not-started' },
      ],
    },
    {
      unit: ref(commune),
      state: 'reported',
      tasks: [
        { task: 'Tuyên truyền CCHC', area: 1, time: 'Thường xuyên', status: 'done', done: day(1, 3) },
        { task: 'Số hóa hồ sơ hộ tịch', area: 7, time: 'Quý I/2025', status: 'in-progress' },
      ],
    },
    { unit: ref(silent), state: 'missing', tasks: [] },
  ]);
}

let consolidated: Map<string, PeriodProgress>;
let office: Office;

function reportOffice(): Office {
  const o = provisionedOffice(UNITS, false);
  o.emu.ctx.clock.set(Date.UTC(YEAR, 2, 20, 2)); // 20/03: quarter I cut off on 14/03
  return o;
}

function generate(period = ''): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, period);
  entry.menuGenerateProgressReports();
}

const reportDocs = (o: Office) =>
  o.emu.ctx.drive
    .all()
    .filter(
      (f) =>
        f.mimeType === 'application/vnd.google-apps.document' &&
        f.name.startsWith('Báo cáo CCHC Quý I 2025 - ') &&
        !o.emu.ctx.drive.isTrashed(f) &&
        o.emu.DriveApp.getFileById(f.id).getParents().next().getName() !== 'Lưu trữ',
    );
const officeDoc = (o: Office) => reportDocs(o).find((f) => !UNITS.some((u) => f.name.endsWith(u.name)))!;

beforeEach(() => {
  consolidated = new Map([[q1.key, quarterOne()]]);
  setPeriodProgressLoader(
    (_master, _config, period: ReportingPeriod) => consolidated.get(period.key) ?? null,
  );
});
afterEach(() => {
  office.close();
  resetPeriodProgressLoader();
});

describe('Tạo báo cáo tiến độ kỳ', () => {
  it("makes the office's report and each reporting unit's, read back (.docx) with the appendix landscape, its header rows repeated and the signature kept whole", async () => {
    office = reportOffice();
    generate('Quý I');
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');
    // The office's and the two units that reported; none for HX, which never did.
    const names = reportDocs(office).map((f) => f.name);
    expect(names).toHaveLength(3);
    expect(names).toEqual(
      expect.arrayContaining([
        `Báo cáo CCHC Quý I 2025 - ${agency.name}`,
        `Báo cáo CCHC Quý I 2025 - ${commune.name}`,
      ]),
    );
    expect(names.some((n) => n.endsWith(silent.name))).toBe(false);
    const pdfs = office.emu.ctx.drive
      .all()
      .filter((f) => f.name.startsWith('Báo cáo CCHC Quý I 2025 - ') && f.name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(3);

    const parts = await readDocxParts(await exportDocument(office.emu.ctx, officeDoc(office).id));
    const sizes = elementAttributes(parts.document, 'w:pgSz');
    expect(sizes.map((s) => s['w:orient'] ?? 'portrait')).toEqual(['portrait', 'landscape']);
    const firstSection = parts.document.indexOf('<w:sectPr');
    expect(
      parts.document.indexOf('>THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2025<'),
    ).toBeGreaterThan(firstSection);
    const stats = elementBodies(parts.document, 'w:tbl').filter((t) =>
      t.includes('>Tỷ lệ hoàn thành đúng hạn<'),
    );
    expect(stats).toHaveLength(2); // per area, per unit
    for (const t of stats) {
      const rows = elementBodies(t, 'w:tr');
      expect(rows[0]).toContain('<w:tblHeader');
      expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
    }
    const byUnit = stats.find((t) => t.includes('>Đơn vị<'))!;
    expect(wordText(byUnit)).toContain(silent.name);
    expect(wordText(byUnit)).toContain('Chưa báo cáo');
    const signature = elementBodies(parts.document, 'w:tbl').find((t) => t.includes('>Nơi nhận:<'))!;
    const signer = elementBodies(elementBodies(signature, 'w:tc')[1], 'w:p');
    expect(signer.slice(0, -1).every((p) => p.includes('<w:keepNext'))).toBe(true);
    expect(signer.every((p) => p.includes('<w:keepLines'))).toBe(true);
    // The office's body names the unit that never reported and the overdue task with its unit.
    const text = wordText(parts.document);
    expect(text).toContain(`1 đơn vị chưa báo cáo: ${silent.name}.`);
    expect(text).toContain('Kiểm tra CCHC');
    expect(text).toContain('Thiếu nhân lực');
  });

  it('keeps every Doc and PDF on a rerun with the data unchanged; a change makes a new one and archives the old', () => {
    office = reportOffice();
    generate('Quý I');
    const before = reportDocs(office)
      .map((f) => f.id)
      .sort();
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate('Quý I');
    expect(
      reportDocs(office)
        .map((f) => f.id)
        .sort(),
    ).toEqual(before);
    expect(
      urlFetchControls(office.emu.ctx)
        .requests()
        .filter((r) => /\/copy/.test(r.url)),
    ).toEqual([]);
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create'] ?? 0).toBe(0);
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');

    // The commune completes a task: its report and the office's change; TP's is kept.
    const q = quarterOne();
    consolidated.set(q1.key, {
      ...q,
      entries: q.entries.map((e) =>
        e.task.task === 'Số hóa hồ sơ hộ tịch'
          ? { ...e, status: 'done', completionDate: day(10, 3), evidence: 'QĐ 5/QĐ-UBND' }
          : e,
      ),
    });
    generate('Quý I');
    const after = reportDocs(office);
    const kept = after.filter((f) => before.includes(f.id)).map((f) => f.name);
    expect(kept).toEqual([`Báo cáo CCHC Quý I 2025 - ${agency.name}`]);
    const archived = office.emu.ctx.drive
      .all()
      .filter((f) => before.includes(f.id) && !kept.includes(f.name));
    expect(archived.map((f) => office.emu.DriveApp.getFileById(f.id).getParents().next().getName())).toEqual([
      'Lưu trữ',
      'Lưu trữ',
    ]);
  });

  it("sends the office's report in its own step, then a chunk of units' copies, fills and PDF exports each in one fetchAll", () => {
    office = reportOffice();
    generate('Quý I'); // makes the layout template once
    consolidated.set(q1.key, { ...quarterOne(), consolidatedAt: '16/03/2025 10:00' }); // every report changes
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate('Quý I');
    const served = urlFetchControls(office.emu.ctx).requests();
    for (const pattern of Object.values(DOC_REQUESTS)) {
      const sent = served.filter((r) => pattern.test(r.url));
      expect(sent).toHaveLength(3);
      // The office's alone, then the two units' together.
      expect([...new Set(sent.map((r) => r.atMs))]).toHaveLength(2);
    }
    const calls = office.emu.ctx.ledger.snapshot();
    expect(calls['DocumentApp.create'] ?? 0).toBe(0);
    expect(calls['Folder.createFile']).toBe(3);
    expect(calls['File.moveTo']).toBe(6); // the earlier Docs and PDFs to the archive
    // Strays of an earlier run looked for in one listing of the output folder a step (as the
    // plans' generation does), not two searches by name a report; My Drive's root once a report.
    expect(served.filter((r) => /\/drive\/v3\/files\?q=/.test(r.url))).toHaveLength(2);
    expect(calls['Folder.getFilesByName']).toBe(3);
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');
  });

  it('falls back to DocumentApp when the Docs API is refused for good (portrait appendix, same content)', () => {
    office = reportOffice();
    refuseDocsApi(office, /docs\.googleapis\.com/);
    office.emu.ctx.ledger.reset();
    generate('Quý I');
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create']).toBe(1 + 3); // layout template + 3 reports
    expect(reportDocs(office)).toHaveLength(3);
    const model = documentModelOf(office.emu.ctx, officeDoc(office).id);
    const paragraphs = model.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('Phụ lục');
    const tables = model.body.filter((b) => b.type === 'table');
    expect(
      tables.some(
        (t) => t.type === 'table' && t.rows.some((r) => r.cells.some((c) => c.text === 'Chưa báo cáo')),
      ),
    ).toBe(true);
  });

  it("respects the day's document quota: what it does not cover is named, made by the next run", () => {
    office = reportOffice();
    // The layout template, the office's report and one unit's: the other unit's waits.
    office.emu.PropertiesService.getDocumentProperties().setProperty(DAILY_LIMIT_KEY, '3');
    generate('Quý I');
    const log = lastLog(office.master);
    expect(log[4]).toBe('tạo 2, lỗi 1');
    expect(log[5]).toContain(commune.name);
    expect(log[5]).toContain('hết hạn mức tạo văn bản');
    expect(reportDocs(office)).toHaveLength(2);
    // The next day (Pacific): the one left is made, the others kept.
    office.emu.ctx.clock.set(Date.UTC(YEAR, 2, 21, 10));
    const before = reportDocs(office).map((f) => f.id);
    generate('Quý I');
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');
    expect(reportDocs(office).map((f) => f.id)).toEqual(expect.arrayContaining(before));
    expect(reportDocs(office)).toHaveLength(3);
  });

  it('tells the person to consolidate first when the period has no consolidated data, and makes nothing', () => {
    office = reportOffice();
    generate('6 tháng');
    const log = lastLog(office.master);
    expect(log[5]).toContain(
      `Chưa có số liệu tổng hợp tiến độ kỳ ${six.name}. Chạy tổng hợp tiến độ kỳ ${six.name} trước`,
    );
    expect(office.emu.ctx.drive.all().filter((f) => f.name.startsWith('Báo cáo CCHC'))).toEqual([]);
    generate('Quý V');
    expect(lastLog(office.master)[5]).toContain('Không có kỳ báo cáo "Quý V"');
  });

  it('takes the latest period past its cut-off when none is named', () => {
    office = reportOffice();
    generate('');
    expect(lastLog(office.master)[4]).toBe('tạo 3, lỗi 0');
    // Quarter I's reports: the only period whose cut-off (14/03) is past on 20/03.
    expect(reportDocs(office)).toHaveLength(3);
  });

  it('rebuilds "Tiến độ - Biểu đồ" over every consolidated period, with a chart per block', () => {
    office = reportOffice();
    generate('Quý I');
    const charts = () => office.master.getSheetByName(PROGRESS_DASHBOARD_SHEET)!.getCharts();
    expect(charts()).toHaveLength(2);
    // Six months consolidated too: the menu item rebuilds with both periods, charts not doubled.
    consolidated.set(six.key, { ...quarterOne(), period: six });
    entry.menuRefreshProgressDashboard();
    expect(charts()).toHaveLength(2);
    const values = sheetValues(office.master, PROGRESS_DASHBOARD_SHEET);
    expect(values.find((r) => r[0] === 'Lĩnh vực')?.slice(0, 3)).toEqual([
      'Lĩnh vực',
      'Quý I (%)',
      '6 tháng (%)',
    ]);
    // Units furthest behind first: HX never reported.
    const unitHeader = values.findIndex((r) => r[0] === 'Đơn vị');
    expect(values[unitHeader + 1][0]).toBe(silent.name);
    expect(charts().map((c) => c.getRanges()[0].getA1Notation())).toEqual([
      `A${values.findIndex((r) => r[0] === 'Lĩnh vực') + 1}:C${values.findIndex((r) => r[0] === 'Lĩnh vực') + 9}`,
      `A${unitHeader + 1}:C${unitHeader + 4}`,
    ]);
  });

  it('is refused to a person who is not an admin, touching nothing', () => {
    office = reportOffice();
    office.master.addEditor(focalEmail(agency));
    office.emu.as(focalEmail(agency), () => generate('Quý I'));
    expect(lastLog(office.master)[5]).toContain('không có quyền quản trị');
    expect(
      office.emu.ctx.drive
        .all()
        .filter((f) => f.name.startsWith('Báo cáo CCHC') || f.name === LAYOUT_TEMPLATE_NAME),
    ).toEqual([]);
  });
});
