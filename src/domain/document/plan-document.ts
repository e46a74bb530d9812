import { BudgetSummary, summarizeBudget } from '../consolidate/budget-totals';
import { TaskRow } from '../consolidate/task-row';
import { OfficeConfig } from '../config/fields';
import { DateOnly, parseDateText } from '../dates';
import { formatVnd } from '../parse/vnd';
import { FundingSource } from '../parse/funding-source';
import { REFORM_AREAS } from '../plan/areas';
import { ColumnRole, TaskColumn } from '../plan/columns';
import { fullAuthorityName, headerLines, localityOf } from '../config/names';
import { DocBlock, DocSpec, para, paragraphs, TableRowSpec } from './doc-spec';
import { documentNumber, officialDate, officialDateLine, PAGE } from './official-format';

/** What a plan document is made of: the header facts, the narrative, the task rows. */
export interface PlanContent {
  /** Upper-left lines: the parent authority (may be empty) and the issuing body. */
  readonly parentAuthority: string;
  readonly issuer: string;
  /** Short name of the issuer for "(Kèm theo Kế hoạch … của …)". */
  readonly issuerShort: string;
  /** "05" or "05/KH-UBND"; empty for a draft. */
  readonly number: string;
  readonly symbol: string;
  readonly place: string;
  readonly issueDate: DateOnly | null;
  readonly year: number;
  /** "Cải cách hành chính năm 2025" … the subject line under "KẾ HOẠCH". */
  readonly subject: string;
  readonly legalBases: readonly string[];
  readonly intro: string;
  readonly objectives: string;
  /** Narrative per area 1..8 (index 0 = area 1). */
  readonly areas: readonly string[];
  readonly solutions: string;
  readonly organization: string;
  readonly recipients: readonly string[];
  readonly signerAuthority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly tasks: readonly TaskRow[];
  /** Budget levels for "Kinh phí do ngân sách cấp … cấp". */
  readonly level: string;
}

/** The text width of a portrait A4 page with the official margins, in points. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

const SOURCE_PHRASES: Readonly<Record<FundingSource, string>> = {
  'ngân sách trung ương': 'Kinh phí do ngân sách trung ương cấp',
  'ngân sách tỉnh': 'Kinh phí do ngân sách cấp tỉnh cấp',
  'ngân sách huyện': 'Kinh phí do ngân sách cấp huyện cấp',
  'ngân sách xã': 'Kinh phí do ngân sách cấp xã cấp',
  'vốn đầu tư công': 'Vốn đầu tư công',
  'vốn lồng ghép': 'Vốn lồng ghép từ các chương trình, dự án',
  'xã hội hóa': 'Kinh phí xã hội hóa',
  'nguồn hợp pháp khác': 'Các nguồn vốn hợp pháp khác',
  khác: 'Nguồn khác',
  empty: 'Chưa xác định nguồn',
};

/**
 * The upper-left block (Nghị định 30/2020, Phụ lục I): the parent authority (none for UBND tỉnh
 * and UBND xã), then the issuer's own name in full, each broken on two lines where long.
 */
export function authorityLines(c: Pick<PlanContent, 'parentAuthority' | 'issuer'>): {
  parent: string[];
  issuer: string[];
} {
  const issuer = fullAuthorityName(c.issuer);
  const parent = c.parentAuthority.trim();
  // A parent that is the issuer itself ("UBND TỈNH X" above "ỦY BAN NHÂN DÂN TỈNH X") is no parent.
  const isSelf = parent !== '' && fullAuthorityName(parent) === issuer;
  return {
    parent: parent === '' || isSelf ? [] : headerLines(parent),
    issuer: headerLines(issuer),
  };
}

/** What the Nghị định 30 header block is made of (the plans and the periodic reports share it). */
export type HeaderFacts = Pick<
  PlanContent,
  'parentAuthority' | 'issuer' | 'number' | 'symbol' | 'place' | 'issueDate' | 'year'
>;

/** What the recipients-and-signer block is made of. */
export type SignatureFacts = Pick<
  PlanContent,
  'recipients' | 'signerAuthority' | 'signerTitle' | 'signerName'
>;

/** The header: authority, number | national title, motto, place and date (Phụ lục I). */
export function header(c: HeaderFacts): DocBlock {
  const lines = authorityLines(c);
  const left = [
    ...lines.parent.map((text) => ({ role: 'authority-parent' as const, text })),
    ...lines.issuer.map((text) => ({ role: 'authority' as const, text })),
    { role: 'rule' as const, text: '────────' },
    { role: 'number' as const, text: documentNumber(c.number.split('/')[0] ?? '', symbolOf(c)) },
  ];
  const right = [
    { role: 'national' as const, text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
    { role: 'motto' as const, text: 'Độc lập - Tự do - Hạnh phúc' },
    { role: 'rule' as const, text: '──────────────────' },
    { role: 'place-date' as const, text: officialDateLine(c.place, c.issueDate, c.year) },
  ];
  return { kind: 'columns', left, right, widths: [TEXT_WIDTH * 0.42, TEXT_WIDTH * 0.58] };
}

/** The symbol written after the number: the unit's own ("05/KH-UBND") wins over the default. */
export function symbolOf(c: Pick<PlanContent, 'number' | 'symbol'>): string {
  const slash = c.number.indexOf('/');
  return slash >= 0 ? c.number.slice(slash + 1).trim() : c.symbol;
}

function budgetSection(summary: BudgetSummary, tasks: readonly TaskRow[], year: number): DocBlock[] {
  const blocks: DocBlock[] = [
    para('heading1', 'V. KINH PHÍ THỰC HIỆN'),
    para('body', `Dự kiến kinh phí triển khai thực hiện nhiệm vụ Cải cách hành chính năm ${year}, cụ thể:`),
    para(
      'body',
      `Tổng kinh phí: ${formatVnd(summary.total)} đồng${summary.bySource.length > 0 ? ', trong đó:' : '.'}`,
    ),
    ...summary.bySource.map((s, i, all) =>
      para(
        'body',
        `- ${SOURCE_PHRASES[s.source]}: ${formatVnd(s.amount)} đồng${i === all.length - 1 ? '.' : ';'}`,
      ),
    ),
  ];
  const recurrent = tasks.filter((t) => t.budget.kind === 'recurrent');
  if (recurrent.length > 0) {
    blocks.push(
      para(
        'body',
        `- Các nhiệm vụ sử dụng kinh phí thường xuyên của cơ quan, đơn vị (${recurrent.length} nhiệm vụ): ${recurrent.map((t) => t.cells[1]).join('; ')}.`,
      ),
    );
  }
  if (summary.integratedTasks > 0) {
    blocks.push(
      para(
        'body',
        `- Các nhiệm vụ lồng ghép trong chương trình, dự án khác: ${summary.integratedTasks} nhiệm vụ.`,
      ),
    );
  }
  if (summary.sourceOnlyTasks > 0) {
    blocks.push(
      para(
        'body',
        `- Các nhiệm vụ đã xác định nguồn kinh phí nhưng chưa có số tiền (không tính vào tổng kinh phí): ${summary.sourceOnlyTasks} nhiệm vụ.`,
      ),
    );
  }
  return blocks;
}

/** "Nơi nhận" on the left, the signer on the right: one block, never split across pages. */
export function signature(c: SignatureFacts): DocBlock {
  const recipients = c.recipients.length > 0 ? c.recipients : ['Như trên', 'Lưu: VT'];
  return {
    kind: 'columns',
    left: [
      { role: 'recipients-label', text: 'Nơi nhận:' },
      ...recipients.map((r, i) => ({
        role: 'recipients' as const,
        text: `- ${r.replace(/^[-–•]\s*/, '').replace(/[;.]$/, '')}${i === recipients.length - 1 ? '.' : ';'}`,
      })),
    ],
    right: [
      { role: 'signer-authority', text: c.signerAuthority.toUpperCase() },
      { role: 'signer-title', text: c.signerTitle.toUpperCase() },
      { role: 'signer-space', text: '' },
      { role: 'signer-name', text: c.signerName },
    ],
    widths: [TEXT_WIDTH * 0.5, TEXT_WIDTH * 0.5],
  };
}

/**
 * Phụ lục II as one table: the header row, then per area its section row (Roman numeral), its
 * tasks numbered continuously across areas, and a subtotal; a total row at the end.
 */
export function taskTable(
  tasks: readonly TaskRow[],
  columns: readonly TaskColumn[],
  summary: BudgetSummary,
): TableRowSpec[] {
  const index = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const width = columns.length;
  const budgetAt = index('budget');
  const blank = () => Array<string>(width).fill('');
  const rows: TableRowSpec[] = [{ kind: 'header', cells: columns.map((c) => c.header) }];
  let number = 0;
  for (const area of REFORM_AREAS) {
    const inArea = tasks.filter((t) => t.area.number === area.number);
    const section = blank();
    section[0] = area.roman;
    section[1] = area.tableTitle;
    rows.push({ kind: 'section', cells: section });
    for (const t of inArea) {
      number++;
      const cells = columns.map((_, i) => t.cells[i] ?? '');
      cells[index('number')] = `${number}.`;
      if (t.budget.kind === 'amount' && t.budget.amount !== null)
        cells[budgetAt] = formatVnd(t.budget.amount);
      rows.push({ kind: 'task', cells });
    }
    if (inArea.length > 0) {
      const subtotal = blank();
      subtotal[1] = `Cộng mục ${area.roman}`;
      subtotal[budgetAt] = formatVnd(summary.byArea[area.number - 1]?.amount ?? 0);
      rows.push({ kind: 'subtotal', cells: subtotal });
    }
  }
  const total = blank();
  total[1] = 'Tổng cộng';
  total[budgetAt] = formatVnd(summary.total);
  rows.push({ kind: 'total', cells: total });
  return rows;
}

/** Column widths in points, by each column's share, filling the text width. */
export function tableWidths(columns: readonly TaskColumn[]): number[] {
  const sum = columns.reduce((s, c) => s + c.docShare, 0);
  return columns.map((c) => Math.round((c.docShare / sum) * TEXT_WIDTH * 10) / 10);
}

/**
 * The plan as Phụ lục I lays it out (I. MỤC TIÊU … VI. TỔ CHỨC THỰC HIỆN, recipients and signer),
 * then Phụ lục II: the task table grouped by area with subtotals.
 */
export function planDocument(name: string, c: PlanContent, columns: readonly TaskColumn[]): DocSpec {
  const summary = summarizeBudget(c.tasks);
  const blocks: DocBlock[] = [
    header(c),
    para('title', 'KẾ HOẠCH'),
    para('subject', c.subject),
    para('rule', '────────'),
    ...c.legalBases.map((b) => para('body', `Căn cứ ${b.replace(/^căn cứ\s*/i, '').replace(/[;.]$/, '')};`)),
    ...paragraphs('body', c.intro),
    para('heading1', 'I. MỤC TIÊU'),
    ...paragraphs('body', c.objectives),
    para('heading1', 'II. NHIỆM VỤ'),
  ];
  REFORM_AREAS.forEach((area, i) => {
    blocks.push(para('heading2', `${area.number}. ${area.title}`));
    blocks.push(...paragraphs('body', c.areas[i] ?? ''));
  });
  blocks.push(
    para('heading1', 'III. NHIỆM VỤ CỤ THỂ'),
    para('note', '(Theo khung logic tại Phụ lục II kèm theo)'),
    para('heading1', 'IV. GIẢI PHÁP THỰC HIỆN'),
    ...paragraphs('body', c.solutions),
    ...budgetSection(summary, c.tasks, c.year),
    para('heading1', 'VI. TỔ CHỨC THỰC HIỆN'),
    ...paragraphs('body', c.organization),
    signature(c),
    { kind: 'pageBreak' },
    para('appendix-label', 'Phụ lục II'),
    para('appendix-title', `KHUNG LOGIC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM ${c.year}`),
    para(
      'appendix-note',
      `(Kèm theo Kế hoạch số ${c.number ? c.number.split('/')[0] : '      '}/${symbolOf(c)} ${officialDate(c.issueDate, c.year)} của ${c.issuerShort})`,
    ),
    { kind: 'table', rows: taskTable(c.tasks, columns, summary), widths: tableWidths(columns) },
  );
  return { name, blocks };
}

/** "05/02/2025" typed in the plan sheet, or null. */
export function issueDateOf(text: string): DateOnly | null {
  return text ? parseDateText(text) : null;
}

/** The subject line of a unit's plan and of the local plan. */
export function unitSubject(year: number): string {
  return `Cải cách hành chính năm ${year}`;
}

/** "Cải cách hành chính tỉnh Quảng Trị năm 2027": the locality from the issuer's short name. */
export function localSubject(config: Pick<OfficeConfig, 'shortName' | 'planYear'>): string {
  return `Cải cách hành chính ${localityOf(config.shortName)} năm ${config.planYear}`;
}
