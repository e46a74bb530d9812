import { Emulator } from '../../emulator';
import { documentModelOf } from '../../emulator/services/document';
import type { ParagraphView, TableView } from '../../emulator/services/document/view';
import { AgencyDirectory, readTaskTable } from '../../src/domain/consolidate/read-task-table';
import { localPlanContent } from '../../src/domain/document/plan-content';
import { planDocument } from '../../src/domain/document/plan-document';
import { DEFAULT_TASK_COLUMNS } from '../../src/domain/plan/columns';
import { REFORM_AREAS } from '../../src/domain/plan/areas';
import { DocSpec } from '../../src/domain/document/doc-spec';
import { createRenderedDocument, renderWithDocumentApp } from '../../src/gas/documents';
import { layoutTemplateId } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { sampleConfig } from '../fixtures/config';
import { Office, provisionedOffice, unitFileId } from '../fixtures/office';

const agencies = SAMPLE_UNITS.filter((u) => u.kind === 'Cơ quan chuyên môn').slice(0, 3);

describe('Tạo dự thảo kế hoạch chung', () => {
  let office: Office;
  afterEach(() => office.close());

  it("drafts the district plan from the agencies' proposals, grouped by area with subtotals", () => {
    office = provisionedOffice(agencies);
    const proposal = (task: string, amount: string) => [
      '',
      task,
      'Kết quả',
      agencies[0].name,
      '',
      'Quý III/2025',
      amount,
      'Ngân sách huyện',
      '',
    ];
    agencies.forEach((unit: SampleUnit, i) => {
      const rows = REFORM_AREAS.map((_, a) =>
        a === i || a === 6 ? [proposal(`Đề xuất ${unit.code} mục ${a + 1}`, '10.000.000')] : [],
      );
      fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Đề xuất', rows);
    });
    entry.menuGenerateLocalPlan();
    const files = office.emu.DriveApp.getFilesByName('Dự thảo Kế hoạch CCHC 2025 - UBND HUYỆN VĨNH LINH');
    expect(files.hasNext()).toBe(true);
    const model = documentModelOf(office.emu.ctx, files.next().getId());
    if (!model) throw new Error('no document');
    const paragraphs = model.body
      .filter((b): b is ParagraphView => b.type === 'paragraph')
      .map((p) => p.text);
    expect(paragraphs).toContain('Cải cách hành chính huyện Vĩnh Linh năm 2025');
    expect(paragraphs).toContain('Tổng kinh phí: 60.000.000 đồng, trong đó:');
    expect(paragraphs).toContain('- Kinh phí do ngân sách cấp huyện cấp: 60.000.000 đồng.');
    const table = model.body.filter((b): b is TableView => b.type === 'table').at(-1) as TableView;
    const rows = table.rows.map((r) => r.cells.map((c) => c.text));
    const vii = rows.findIndex((r) => r[0] === 'VII');
    expect(rows.slice(vii + 1, vii + 5).map((r) => [r[0], r[1], r[6]])).toEqual([
      ['1.', 'Đề xuất VP mục 7', '10.000.000'].map((v, i) =>
        i === 0 ? expect.stringMatching(/^\d+\.$/) : v,
      ),
      [expect.stringMatching(/^\d+\.$/), 'Đề xuất NV mục 7', '10.000.000'],
      [expect.stringMatching(/^\d+\.$/), 'Đề xuất TP mục 7', '10.000.000'],
      ['', 'Cộng mục VII', '30.000.000'],
    ]);
    const numbers = rows.filter((r) => /^\d+\.$/.test(r[0])).map((r) => r[0]);
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}.`)); // continuous across areas
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['', 'Tổng cộng']);
  });
});

describe('document call budget', () => {
  /** Service calls to render the district plan with `n` task rows. */
  function renderCalls(
    n: number,
    render: (spec: DocSpec, folder: GoogleAppsScript.Drive.Folder) => string = renderWithDocumentApp,
  ): Record<string, number> & { total: number } {
    const emu = new Emulator();
    const close = emu.install(globalThis);
    try {
      const grid: string[][] = [['PHỤ LỤC II'], [''], [''], DEFAULT_TASK_COLUMNS.map((c) => c.header)];
      REFORM_AREAS.forEach((area, a) => {
        grid.push([area.roman, area.tableTitle]);
        for (let i = a; i < n; i += 8)
          grid.push([
            '',
            `Nhiệm vụ ${i + 1}`,
            'Kết quả',
            'Phòng Nội vụ',
            '',
            'Quý II/2025',
            '1.000.000',
            'Ngân sách huyện',
            '',
          ]);
      });
      const { rows } = readTaskTable({ code: 'NV', name: 'Phòng Nội vụ' }, 'Đề xuất', grid, {
        planYear: 2025,
        columns: DEFAULT_TASK_COLUMNS,
        agencies: new AgencyDirectory(['Phòng Nội vụ']),
      });
      expect(rows).toHaveLength(n);
      const spec = planDocument('Dự thảo', localPlanContent(sampleConfig(), rows), DEFAULT_TASK_COLUMNS);
      const folder = emu.DriveApp.createFolder('Văn bản');
      layoutTemplateId(folder); // made once per office, not per document
      emu.ctx.ledger.reset();
      render(spec, folder);
      return { ...emu.ctx.ledger.snapshot(), total: emu.ctx.ledger.totalCalls() };
    } finally {
      close();
    }
  }

  it('through the Docs API: one copy and one batchUpdate per document, whatever the table size', () => {
    const small = renderCalls(100, createRenderedDocument);
    const large = renderCalls(1000, createRenderedDocument);
    expect(large['UrlFetchApp.request']).toBe(2);
    expect(large.total).toBe(small.total);
    expect(Object.keys(large).filter((k) => k.startsWith('DocumentApp.') || k.startsWith('Body.'))).toEqual(
      [],
    );
  });

  it('puts a 1,000-row table in with one appendTable and formats it per section, not per cell', () => {
    const small = renderCalls(100);
    const large = renderCalls(1000);
    expect(large['Body.appendTable']).toBe(3); // header block, signature block, task table
    expect(large['TableRow.setAttributes']).toBe(1 + 8 + 8 + 1); // header row, sections, subtotals, total
    expect(large['TableCell.setAttributes'] ?? 0).toBe(0);
    expect(large.total).toBe(small.total);
    expect(large.total).toBeLessThan(400);
  });
});
