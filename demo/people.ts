import { fillTaskTable, setUnitState } from '../sample/fill';
import { MESSY_ROWS, sampleTasks, SampleRow } from '../sample/tasks';
import { focalEmail, SampleUnit } from '../sample/vinh-linh';
import { planFields } from '../src/domain/plan/plan-fields';
import { PLAN_HEADER_ROW, PLAN_VALUE_COLUMN, UNIT_SHEETS } from '../src/domain/unit-file/sheets';
import { UNIT_STATE_SUBMITTED } from '../src/domain/unit-file/submission';
import { CastMember } from './cast';
import { DemoOffice } from './office';

/**
 * What the units' focal points do in their own files, each acting as themselves through the
 * emulated SpreadsheetApp, so the file's protections, dropdowns and formats apply to them as they
 * would to a person typing.
 */

const AREAS = 8;

/** The unit's task rows by area, with its assigned mistakes added (each in its own area). */
export function taskRowsOf(member: CastMember, units: readonly SampleUnit[]): SampleRow[][] {
  const rows = sampleTasks(member.unit, units).map((area) => [...area]);
  member.messy.forEach((key, i) =>
    rows[(Object.keys(MESSY_ROWS).indexOf(key) + i) % AREAS].push(MESSY_ROWS[key]),
  );
  return rows;
}

/** Breakthrough proposals an agency sends for the district plan (one or two, by position). */
export function proposalRowsOf(member: CastMember, index: number): SampleRow[][] {
  const name = member.unit.name;
  const byArea: SampleRow[][] = Array.from({ length: AREAS }, () => []);
  byArea[2].push([
    '1.',
    'Thí điểm tiếp nhận, trả kết quả TTHC không phụ thuộc địa giới hành chính',
    'Quy trình thí điểm được ban hành',
    name,
    'Văn phòng HĐND và UBND huyện',
    'Quý III/2025',
    '80.000.000',
    'Ngân sách huyện',
    '',
  ]);
  if (index % 2 === 0) {
    byArea[6].push([
      '2.',
      'Số hóa hồ sơ lưu trữ của đơn vị giai đoạn 2015-2024',
      'Hồ sơ được số hóa, tra cứu trực tuyến',
      name,
      '',
      '6 tháng cuối năm',
      '1,2 tỷ',
      'NS tỉnh',
      '',
    ]);
  }
  return byArea;
}

/** The unit's Phụ lục I text, as its focal point types it in "Kế hoạch". */
export function planTextsOf(member: CastMember, planYear: number, index: number): Record<string, string> {
  const commune = member.unit.kind === 'UBND xã, thị trấn';
  const signer = commune
    ? { signerAuthority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'Chủ tịch' }
    : { signerAuthority: '', signerTitle: 'Trưởng phòng' };
  return {
    number: `${String(index + 1).padStart(2, '0')}/KH-${commune ? 'UBND' : member.unit.code}`,
    issueDate: `${String(3 + (index % 20)).padStart(2, '0')}/02/${planYear}`,
    objectives: [
      `Nâng cao chất lượng, hiệu quả công tác cải cách hành chính của ${member.unit.name} năm ${planYear}.`,
      'Phấn đấu 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.',
    ].join('\n'),
    area1: `- Ban hành kế hoạch CCHC năm ${planYear}; kiểm tra, tuyên truyền về CCHC.`,
    area3: '- Rà soát, đơn giản hóa thủ tục hành chính; thực hiện xin lỗi khi trễ hạn.',
    area7: '- Ứng dụng chữ ký số; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.',
    solutions: 'Tăng cường kỷ luật, kỷ cương hành chính; gắn kết quả CCHC với thi đua, khen thưởng.',
    recipients: 'UBND huyện (qua Phòng Nội vụ)\nLưu: VT',
    ...signer,
    signerName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Hoàng Thị Dung'][index % 4],
  };
}

export class FocalPoints {
  constructor(
    private readonly office: DemoOffice,
    private readonly units: readonly SampleUnit[],
    private readonly planYear: number,
  ) {}

  /** Task rows (with any mistakes) and the plan text; returns how many task rows were typed. */
  fillPlan(member: CastMember, index: number): number {
    const id = this.office.fileId(member.unit.code);
    const rows = taskRowsOf(member, this.units);
    fillTaskTable(this.office.emu, focalEmail(member.unit), id, UNIT_SHEETS.tasks, rows);
    this.typePlanTexts(member, id, planTextsOf(member, this.planYear, index));
    return rows.flat().length;
  }

  /** An agency's proposals; returns how many rows. */
  fillProposals(member: CastMember, index: number): number {
    const rows = proposalRowsOf(member, index);
    const id = this.office.fileId(member.unit.code);
    fillTaskTable(this.office.emu, focalEmail(member.unit), id, UNIT_SHEETS.proposals, rows);
    return rows.flat().length;
  }

  /** "Đã hoàn thành, đề nghị tiếp nhận" in "Nộp kế hoạch" (round 0: plan, 1: proposals). */
  submit(member: CastMember, round: 0 | 1 = 0): void {
    setUnitState(
      this.office.emu,
      focalEmail(member.unit),
      this.office.fileId(member.unit.code),
      UNIT_STATE_SUBMITTED,
      round,
    );
  }

  private typePlanTexts(member: CastMember, fileId: string, texts: Record<string, string>): void {
    const fields = planFields({ planYear: this.planYear });
    this.office.emu.as(focalEmail(member.unit), () => {
      const sheet = this.office.emu.SpreadsheetApp.openById(fileId).getSheetByName(UNIT_SHEETS.plan);
      if (!sheet) throw new Error(`${member.unit.name}: no "${UNIT_SHEETS.plan}" sheet`);
      for (const [key, text] of Object.entries(texts)) {
        const row = PLAN_HEADER_ROW + 1 + fields.findIndex((f) => f.key === key);
        sheet.getRange(row, PLAN_VALUE_COLUMN).setValue(text);
      }
    });
  }
}
