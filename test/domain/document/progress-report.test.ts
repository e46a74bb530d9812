import { DocBlock, DocSpec, TableRowSpec } from '../../../src/domain/document/doc-spec';
import { docsRequests } from '../../../src/domain/document/docs-requests';
import {
  figuresSentence,
  NOT_REPORTED,
  periodPhrase,
  progressReportDocument,
  ReportFacts,
  reportSymbol,
  STAT_COLUMNS,
} from '../../../src/domain/document/progress-report';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { RATE_DEFINITIONS, ratesOf } from '../../../src/domain/progress/rates';
import { periodProgress } from '../../fixtures/period-progress';

const YEAR = 2026;
const [q1, six, , yearPeriod] = defaultPeriods(YEAR, 'xã'); // quarter I cut-off 14/03/2026
const A = { code: 'NV', name: 'Phòng Nội vụ' };
const B = { code: 'TP', name: 'Phòng Tư pháp' };
const C = { code: 'CT', name: 'UBND xã Cửa Tùng' };
const D = { code: 'VH', name: 'Phòng Văn hóa' };
const day = (d: number, m: number) => ({ y: YEAR, m, d });

const progress = periodProgress(q1, YEAR, [
  {
    unit: A,
    state: 'reported',
    tasks: [
      {
        task: 'Ban hành kế hoạch CCHC',
        area: 1,
        time: 'Tháng 1/2026',
        status: 'done',
        done: day(20, 1),
        evidence: 'Kế hoạch số 05/KH-UBND',
      },
      {
        task: 'Kiểm tra CCHC',
        area: 1,
        time: 'Tháng 2/2026',
        status: 'in-progress',
        reason: 'Thiếu nhân lực',
      },
      { task: 'Rà soát TTHC', area: 3, time: 'Quý II/2026', status: 'not-started' },
      { task: 'Số hóa hồ sơ', area: 3, time: 'Thường xuyên', status: 'done', done: day(1, 3) },
      {
        task: 'Đào tạo công chức',
        area: 5,
        time: 'Tháng 2/2026',
        status: 'dropped',
        reason: 'Không có kinh phí',
      },
    ],
  },
  {
    unit: B,
    state: 'reported',
    tasks: [
      { task: 'Tuyên truyền CCHC', area: 1, time: 'Tháng 2/2026', status: 'done', done: day(10, 3) },
      { task: 'Kiểm toán nội bộ', area: 6, time: 'Trước ngày 28/02/2026', status: 'not-started' },
    ],
  },
  { unit: C, state: 'missing', tasks: [] },
  {
    unit: D,
    state: 'drafting',
    tasks: [{ task: 'Đo lường sự hài lòng', area: 8, time: 'Quý I/2026', status: 'in-progress' }],
  },
]);

const facts: ReportFacts = {
  parentAuthority: '',
  issuer: 'UBND huyện Vĩnh Linh',
  issuerShort: 'UBND huyện Vĩnh Linh',
  number: '',
  symbol: 'BC-UBND',
  place: 'Vĩnh Linh',
  issueDate: null,
  year: YEAR,
  recipients: ['Sở Nội vụ', 'Lưu: VT'],
  signerAuthority: 'TM. Ủy ban nhân dân',
  signerTitle: 'Chủ tịch',
  signerName: 'Nguyễn Văn A',
};

const officeDoc = () =>
  progressReportDocument({ name: 'Báo cáo', facts, progress, scope: { kind: 'office' }, nextPeriod: six });
const unitDoc = (unit = A, next = six) =>
  progressReportDocument({
    name: 'Báo cáo',
    facts,
    progress,
    scope: { kind: 'unit', unit },
    nextPeriod: next,
  });

const texts = (spec: DocSpec) => spec.blocks.flatMap((b) => (b.kind === 'para' ? [b.para.text] : []));
const tables = (spec: DocSpec) =>
  spec.blocks.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
/** The paragraphs after the one reading `heading`, up to the next heading. */
function section(spec: DocSpec, heading: string): string[] {
  const paras = spec.blocks.flatMap((b) => (b.kind === 'para' ? [b.para] : []));
  const at = paras.findIndex((p) => p.text === heading);
  if (at < 0) throw new Error(`no heading ${heading}`);
  const out: string[] = [];
  for (const p of paras.slice(at + 1)) {
    if (p.role === 'heading1' || p.role === 'heading2') break;
    out.push(p.text);
  }
  return out;
}
const cell = (rows: readonly TableRowSpec[], label: string, column: number) =>
  rows.find((r) => r.cells[1] === label)?.cells[column];

describe('the periodic report document', () => {
  it('names the period as the subject line says it', () => {
    expect(periodPhrase(q1, YEAR)).toBe('quý I năm 2026');
    expect(periodPhrase(six, YEAR)).toBe('6 tháng đầu năm 2026');
    expect(periodPhrase(yearPeriod, YEAR)).toBe('năm 2026');
    expect(texts(officeDoc())).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(reportSymbol('KH-UBND')).toBe('BC-UBND');
    expect(reportSymbol('UBND')).toBe('BC-UBND');
  });

  it('states each area with the figures of its own tasks (crafted: 3 tasks in area 1, one on time, one late, one overdue)', () => {
    const doc = officeDoc();
    const area1 = section(doc, '1. Công tác chỉ đạo, điều hành Cải cách hành chính');
    expect(area1[0]).toBe(
      'Tổng số 3 nhiệm vụ; đã hoàn thành 2 nhiệm vụ, đạt 66,7% (đúng hạn 1 (33,3%); trễ hạn 1); đang thực hiện 1; chưa thực hiện 0 (0%); không thực hiện 0; quá hạn 1 nhiệm vụ (33,3%).',
    );
    // The same sentence the rates give for those entries: the document states progressRates' figures.
    const inArea = progress.entries.filter((e) => e.task.area.number === 1);
    expect(area1[0]).toBe(figuresSentence(ratesOf(inArea, q1, YEAR)));
    expect(area1).toContain(
      '- Ban hành kế hoạch CCHC (Phòng Nội vụ; Kế hoạch số 05/KH-UBND; hoàn thành ngày 20/01/2026)',
    );
    expect(section(doc, '2. Cải cách thể chế')).toEqual(['Không có nhiệm vụ trong kế hoạch.']);
  });

  it('lists the overdue tasks with unit, deadline, days late and the reason given, by unit then deadline', () => {
    const overdue = tables(officeDoc()).find((t) => t.rows[0].cells[1] === 'Nhiệm vụ')!;
    expect(overdue.rows.slice(1).map((r) => r.cells)).toEqual([
      ['1', 'Kiểm tra CCHC', 'Phòng Nội vụ', 'Tháng 2/2026', '14', 'Thiếu nhân lực'],
      ['2', 'Kiểm toán nội bộ', 'Phòng Tư pháp', 'Trước ngày 28/02/2026', '14', ''],
    ]);
    expect(texts(officeDoc())).toContain('- Đào tạo công chức (Phòng Nội vụ; lý do: Không có kinh phí)');
  });

  it('names the unit that never reported and the one that did not send, in section I and in the per-unit table', () => {
    const doc = officeDoc();
    expect(section(doc, 'I. KẾT QUẢ CHUNG')).toEqual(
      expect.arrayContaining([
        'Có 2/4 cơ quan, đơn vị đã gửi báo cáo tiến độ trong kỳ.',
        '1 đơn vị chưa báo cáo: UBND xã Cửa Tùng.',
        // Due by 14/03: the three February tasks and the one of January (one of them dropped) and
        // TP's audit; done: the plan (on time) and the late campaign.
        'Đến ngày 14/03/2026 có 5 nhiệm vụ đến hạn, đã hoàn thành 2 (40%).',
        expect.stringContaining(
          'chưa gửi báo cáo (số liệu được tính theo bảng đang cập nhật): Phòng Văn hóa',
        ),
      ]),
    );
    const byUnit = tables(doc).find((t) => t.rows[0].cells[1] === 'Đơn vị')!;
    expect(byUnit.rows.map((r) => r.cells[1])).toEqual([
      'Đơn vị',
      'Phòng Nội vụ',
      'Phòng Tư pháp',
      'UBND xã Cửa Tùng',
      'Phòng Văn hóa (chưa gửi báo cáo)',
      'Tổng cộng',
    ]);
    expect(cell(byUnit.rows, 'UBND xã Cửa Tùng', 2)).toBe(NOT_REPORTED);
    expect(cell(byUnit.rows, 'Phòng Nội vụ', 2)).toBe('5');
    expect(cell(byUnit.rows, 'Phòng Nội vụ', 9)).toBe('40%'); // 2 of 5 completed
    expect(cell(byUnit.rows, 'Tổng cộng', 2)).toBe('8');
  });

  it('puts the statistical appendix on landscape pages after the signature, header rows repeated, definitions as notes', () => {
    const doc = officeDoc();
    const breakAt = doc.blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(doc.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(1);
    expect(doc.blocks[breakAt - 1].kind).toBe('columns'); // the signature right before it
    const after = doc.blocks.slice(breakAt + 1);
    const stats = after.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
    expect(stats.map((t) => t.rows[0].cells.length)).toEqual([STAT_COLUMNS, STAT_COLUMNS]);
    const byArea = stats[0].rows;
    expect(byArea).toHaveLength(1 + 8 + 1);
    expect(cell(byArea, 'Cải cách thủ tục hành chính', 2)).toBe('2');
    expect(cell(byArea, 'Tổng cộng', 8)).toBe('2'); // overdue: Kiểm tra CCHC, Kiểm toán nội bộ
    const build = docsRequests(doc);
    expect(build.landscapeAppendix).toBe(true);
    const pins = build.requests.filter((r) => 'pinTableHeaderRows' in r);
    expect(pins.length).toBe(3); // the overdue table in the body, both appendix tables
    const notes = after.flatMap((b) => (b.kind === 'para' && b.para.role === 'note' ? [b.para.text] : []));
    expect(notes).toEqual(Object.values(RATE_DEFINITIONS).map((d) => `- ${d}`));
  });

  it("makes a unit's own report from its entries only, without the per-unit table", () => {
    const doc = unitDoc(A);
    expect(section(doc, 'I. KẾT QUẢ CHUNG')[0]).toBe(
      figuresSentence(
        ratesOf(
          progress.entries.filter((e) => e.unit.code === A.code),
          q1,
          YEAR,
        ),
      ),
    );
    expect(texts(doc).join('\n')).not.toContain('Phòng Tư pháp');
    expect(tables(doc).map((t) => t.rows[0].cells[1])).toEqual(['Nhiệm vụ', 'Lĩnh vực']);
    expect(section(doc, '1. Nhiệm vụ quá hạn')).toEqual([
      'Có 1 nhiệm vụ quá hạn tại ngày chốt số liệu 14/03/2026:',
    ]);
  });

  it("lists next period's tasks (due by its cut-off, not done) and, after the last period, what is left for next year", () => {
    const next = section(unitDoc(A, six), 'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI');
    expect(next).toEqual([
      expect.stringContaining(
        'Tập trung hoàn thành 2 nhiệm vụ có hạn trong kỳ 6 tháng đầu năm 2026 (hạn đến hết ngày 30/06/2026)',
      ),
      '- Kiểm tra CCHC (hạn Tháng 2/2026)',
      '- Rà soát TTHC (hạn Quý II/2026)',
    ]);
    const last = section(
      progressReportDocument({
        name: 'x',
        facts,
        progress,
        scope: { kind: 'unit', unit: A },
        nextPeriod: null,
      }),
      'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
    );
    expect(last[0]).toContain('Tiếp tục hoàn thành 2 nhiệm vụ chưa hoàn thành của kế hoạch năm 2026');
  });

  it('gathers the difficulties from the reasons units gave for unfinished tasks', () => {
    expect(section(officeDoc(), 'IV. KHÓ KHĂN, VƯỚNG MẮC')).toEqual([
      '- Phòng Nội vụ: Thiếu nhân lực (nhiệm vụ: Kiểm tra CCHC)',
      '- Phòng Nội vụ: Không có kinh phí (nhiệm vụ: Đào tạo công chức)',
    ]);
    expect(section(unitDoc(B), 'IV. KHÓ KHĂN, VƯỚNG MẮC')).toEqual([
      'Chưa có khó khăn, vướng mắc nào được nêu trong báo cáo tiến độ.',
    ]);
  });
});
