import { UnitRef } from '../consolidate/task-row';
import { compareDates, daysInMonth, formatDateVn } from '../dates';
import { REFORM_AREAS } from '../plan/areas';
import { deadlineOf } from '../progress/deadline';
import { STATUS_LABELS } from '../progress/model';
import { PeriodProgress, PeriodUnit } from '../progress/period-progress';
import { ReportingPeriod } from '../progress/periods';
import { formatRate, progressRates, Rates, RATE_DEFINITIONS, ratesOf } from '../progress/rates';
import { ProgressEntry } from '../progress/read';
import { DocBlock, DocSpec, para, TableRowSpec } from './doc-spec';
import { MAX_DOC_CHARS, specChars } from './limits';
import { officialDate } from './official-format';
import { header, HeaderFacts, signature, SignatureFacts, symbolOf, TEXT_WIDTH } from './plan-document';

/**
 * The periodic report ("Báo cáo kết quả thực hiện công tác cải cách hành chính quý I / 6 tháng /
 * quý III / năm …"), for the office to edit and sign, and each unit's own report likewise. Made
 * from the period's consolidated progress only (PeriodProgress): no unit file is opened.
 *
 * The outline follows the periodic CCHC report the Ministry of Home Affairs asks for (Văn bản
 * 581/BNV-CCHC: quarterly, six-month and yearly reports, with an outline and a statistical
 * appendix), reduced to what the data can say and leaving the rest for the office to write:
 *   I. the overall result (who reported, the overall figures);
 *   II. the result per reform area, with its figures and the tasks completed;
 *   III. overdue tasks (unit, deadline, days late, reason), tasks dropped, tasks unfinished;
 *   IV. difficulties (the reasons units gave);
 *   V. the next period's tasks (what falls due by the next cut-off, overdue first);
 *   VI. proposals (left for the office);
 * then the signature and, on landscape pages, the statistical appendix: per area and (office)
 * per unit — total, completed, on time, in progress, not started, dropped, overdue and the rates —
 * with RATE_DEFINITIONS as notes under the tables. Nghị định 30/2020 header and signature as the
 * plans have them (plan-document.ts).
 */
export interface ReportFacts extends HeaderFacts, SignatureFacts {
  /** Short name for the intro and "(Kèm theo Báo cáo … của …)": "UBND huyện Vĩnh Linh". */
  readonly issuerShort: string;
}

/** Whose report: the office's (every unit) or one unit's own. */
export type ReportScope = { readonly kind: 'office' } | { readonly kind: 'unit'; readonly unit: UnitRef };

interface ReportInput {
  readonly name: string;
  readonly facts: ReportFacts;
  readonly progress: PeriodProgress;
  readonly scope: ReportScope;
  /** The period after this one (its cut-off bounds "next period's tasks"); null after the last. */
  readonly nextPeriod: ReportingPeriod | null;
}

/** Lists in the office's report stop here ("… và 12 nhiệm vụ khác"): units' own reports list all. */
const OFFICE_LISTED_TASKS = 30;

/** "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026": the period as a sentence says it. */
export function periodPhrase(period: Pick<ReportingPeriod, 'key' | 'name'>, year: number): string {
  if (period.key === 'nam') return `năm ${year}`;
  if (period.key === '6-thang') return `6 tháng đầu năm ${year}`;
  const name = period.name.trim();
  return `${name.charAt(0).toLowerCase()}${name.slice(1)} năm ${year}`;
}

/** "Báo cáo CCHC Quý I 2026 - Phòng Tư pháp": the file's name, apart from the plan's. */
export function reportDocName(period: Pick<ReportingPeriod, 'name'>, year: number, issuer: string): string {
  return `Báo cáo CCHC ${period.name} ${year} - ${issuer}`;
}

/** The report symbol from the plan's ("KH-UBND" → "BC-UBND"; anything else gets "BC-" before it). */
export function reportSymbol(planSymbol: string): string {
  const s = planSymbol.trim();
  if (/^KH(-|$)/i.test(s)) return `BC${s.slice(2)}`;
  return s === '' ? 'BC' : `BC-${s}`;
}

const n = (count: number) => `${count} nhiệm vụ`;

/** One sentence of figures, as the report's body states them. */
export function figuresSentence(r: Rates): string {
  const f = r.figures;
  if (f.total === 0) return 'Không có nhiệm vụ trong kế hoạch.';
  const added = f.added > 0 ? ` (trong đó ${n(f.added)} bổ sung trong năm)` : '';
  const completedParts = [
    `đúng hạn ${f.completedOnTime} (${formatRate(r.onTimeRate)})`,
    ...(f.completedLate > 0 ? [`trễ hạn ${f.completedLate}`] : []),
    ...(f.completedUndated > 0 ? [`chưa ghi ngày hoàn thành ${f.completedUndated}`] : []),
  ];
  return (
    `Tổng số ${n(f.total)}${added}; đã hoàn thành ${n(f.completed)}, đạt ${formatRate(r.completedRate)} ` +
    `(${completedParts.join('; ')}); đang thực hiện ${f.inProgress}; chưa thực hiện ${f.notStarted} ` +
    `(${formatRate(r.notStartedRate)}); không thực hiện ${f.dropped}; quá hạn ${n(f.overdue)} (${formatRate(r.overdueRate)}).`
  );
}

function dueSentence(
  entries: readonly ProgressEntry[],
  period: ReportingPeriod,
  planYear: number,
): string | null {
  const isDue = (e: ProgressEntry) => {
    const due = deadlineOf(e.task.completion, planYear).due;
    return due !== null && compareDates(due, period.cutOff) <= 0;
  };
  const due = entries.filter(isDue);
  if (due.length === 0) return null;
  const r = ratesOf(due, period, planYear);
  return `Đến ngày ${formatDateVn(period.cutOff)} có ${n(due.length)} đến hạn, đã hoàn thành ${r.figures.completed} (${formatRate(ratesOf(entries, period, planYear).dueCompletedRate)}).`;
}

/** Completed as of the cut-off, by the rule of rates.ts (which lists and rates must agree on). */
const judgedCompleted = (e: ProgressEntry, cutOff: ReportingPeriod['cutOff']) =>
  e.status === 'done' && (!e.completionDate || compareDates(e.completionDate, cutOff) <= 0);

/** "- task (unit; evidence)" lines, cut at `limit` with a line saying how many more. */
function bulletList(lines: readonly string[], limit: number | null): DocBlock[] {
  const shown = limit === null ? lines : lines.slice(0, limit);
  const blocks = shown.map((l) => para('body', `- ${l}`));
  if (shown.length < lines.length) {
    blocks.push(para('body', `- … và ${n(lines.length - shown.length)} khác (xem báo cáo của từng đơn vị).`));
  }
  return blocks;
}

function joinParts(parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== '').join('; ');
}

/** The appendix tables' columns: shares of the text width (landscape in the Docs API path). */
const STAT_HEADERS = [
  'TT',
  '',
  'Tổng số nhiệm vụ',
  'Đã hoàn thành',
  'Trong đó đúng hạn',
  'Đang thực hiện',
  'Chưa thực hiện',
  'Không thực hiện',
  'Quá hạn',
  'Tỷ lệ hoàn thành',
  'Tỷ lệ hoàn thành đúng hạn',
  'Tỷ lệ quá hạn',
  'Tỷ lệ chưa thực hiện',
] as const;
const STAT_SHARES = [0.45, 2.6, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.9, 0.9, 0.9, 0.9];

function shareWidths(shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  return shares.map((x) => Math.round((x / sum) * TEXT_WIDTH * 10) / 10);
}

export const STAT_COLUMNS = STAT_HEADERS.length;

function statCells(number: string, label: string, r: Rates): string[] {
  const f = r.figures;
  return [
    number,
    label,
    String(f.total),
    String(f.completed),
    String(f.completedOnTime),
    String(f.inProgress),
    String(f.notStarted),
    String(f.dropped),
    String(f.overdue),
    formatRate(r.completedRate),
    formatRate(r.onTimeRate),
    formatRate(r.overdueRate),
    formatRate(r.notStartedRate),
  ];
}

/** The appendix's table per area: a row per area (all eight), then the total. */
function areaStatTable(entries: readonly ProgressEntry[], progress: PeriodProgress): TableRowSpec[] {
  const report = progressRates(entries, progress.period, progress.planYear);
  const head: string[] = [...STAT_HEADERS];
  head[1] = 'Lĩnh vực';
  return [
    { kind: 'header', cells: head },
    ...report.byArea.map((a) => ({
      kind: 'task' as const,
      cells: statCells(a.area.roman, a.area.tableTitle, a.rates),
    })),
    { kind: 'total', cells: statCells('', 'Tổng cộng', report.overall) },
  ];
}

/** What a unit that sent nothing shows in the per-unit table. */
export const NOT_REPORTED = 'Chưa báo cáo';

/**
 * The appendix's table per unit (the office's report), in registry order: a unit that never
 * reported keeps its row, marked "Chưa báo cáo", so it is named; one that typed without sending
 * is marked so.
 */
function unitStatTable(progress: PeriodProgress): TableRowSpec[] {
  const head: string[] = [...STAT_HEADERS];
  head[1] = 'Đơn vị';
  const rows: TableRowSpec[] = [{ kind: 'header', cells: head }];
  progress.units.forEach((u, i) => {
    const entries = progress.entries.filter((e) => e.unit.code === u.unit.code);
    const number = String(i + 1);
    if (u.state === 'missing' && entries.length === 0) {
      const cells = Array<string>(STAT_COLUMNS).fill('—');
      cells[0] = number;
      cells[1] = u.unit.name;
      cells[2] = NOT_REPORTED;
      rows.push({ kind: 'task', cells });
      return;
    }
    const label = u.state === 'reported' ? u.unit.name : `${u.unit.name} (chưa gửi báo cáo)`;
    rows.push({
      kind: 'task',
      cells: statCells(number, label, ratesOf(entries, progress.period, progress.planYear)),
    });
  });
  rows.push({
    kind: 'total',
    cells: statCells('', 'Tổng cộng', ratesOf(progress.entries, progress.period, progress.planYear)),
  });
  return rows;
}

/** The units by how they stood at the consolidation (office report, section I). */
function unitsParagraphs(units: readonly PeriodUnit[]): DocBlock[] {
  const named = (state: PeriodUnit['state']) =>
    units.filter((u) => u.state === state).map((u) => u.unit.name);
  const reported = named('reported');
  const drafting = named('drafting');
  const missing = named('missing');
  const blocks = [
    para('body', `Có ${reported.length}/${units.length} cơ quan, đơn vị đã gửi báo cáo tiến độ trong kỳ.`),
  ];
  if (drafting.length > 0) {
    blocks.push(
      para(
        'body',
        `${drafting.length} đơn vị đã cập nhật nhưng chưa gửi báo cáo (số liệu được tính theo bảng đang cập nhật): ${drafting.join(', ')}.`,
      ),
    );
  }
  if (missing.length > 0) {
    blocks.push(para('body', `${missing.length} đơn vị chưa báo cáo: ${missing.join(', ')}.`));
  }
  return blocks;
}

/** "(Phòng Tư pháp; Quyết định số 12/QĐ-UBND)" — what follows a task in a list. */
function taskLine(e: ProgressEntry, office: boolean, extra: readonly string[]): string {
  const parts = joinParts([...(office ? [e.unit.name] : []), ...extra]);
  return parts === '' ? e.task.task : `${e.task.task} (${parts})`;
}

function overdueTable(
  progress: PeriodProgress,
  entries: readonly ProgressEntry[],
  office: boolean,
): TableRowSpec[] | null {
  const overdue = progressRates(entries, progress.period, progress.planYear).overdue;
  if (overdue.length === 0) return null;
  const byRow = new Map(entries.map((e) => [`${e.unit.code}|${e.sheet}|${e.row}`, e]));
  const head = office
    ? ['TT', 'Nhiệm vụ', 'Đơn vị', 'Hạn hoàn thành', 'Số ngày quá hạn', 'Lý do, khó khăn']
    : ['TT', 'Nhiệm vụ', 'Hạn hoàn thành', 'Số ngày quá hạn', 'Lý do, khó khăn'];
  return [
    { kind: 'header', cells: head },
    ...overdue.map((o, i) => {
      const entry = byRow.get(`${o.unit.code}|${o.sheet}|${o.row}`);
      const reason = entry?.reason ?? '';
      const cells = [
        String(i + 1),
        o.task,
        ...(office ? [o.unit.name] : []),
        o.deadlineText,
        String(o.daysLate),
        reason,
      ];
      return { kind: 'task' as const, cells };
    }),
  ];
}

const OVERDUE_SHARES_OFFICE = [0.4, 3, 1.6, 1.3, 0.8, 2];
const OVERDUE_SHARES_UNIT = [0.4, 3.6, 1.4, 0.8, 2.4];

/** Section V: what must be done by the next cut-off (overdue first), and the year-round work. */
function nextPeriodBlocks(
  progress: PeriodProgress,
  entries: readonly ProgressEntry[],
  next: ReportingPeriod | null,
  office: boolean,
  limit: number | null,
): DocBlock[] {
  const { period, planYear } = progress;
  const open = entries.filter((e) => !judgedCompleted(e, period.cutOff) && e.status !== 'dropped');
  const withDue = open.map((e) => ({ e, deadline: deadlineOf(e.task.completion, planYear) }));
  const blocks: DocBlock[] = [];
  if (next) {
    // The next period's work is what falls due by the end of its cut-off's month: a quarter's
    // tasks are due on its last day, after the cut-off of the 14th, yet they are that period's.
    const until = { y: next.cutOff.y, m: next.cutOff.m, d: daysInMonth(next.cutOff.y, next.cutOff.m) };
    const due = withDue
      .filter(
        (x) => x.deadline.rule === 'dated' && x.deadline.due && compareDates(x.deadline.due, until) <= 0,
      )
      .sort((a, b) => compareDates(a.deadline.due!, b.deadline.due!));
    const label = `kỳ ${periodPhrase(next, planYear)} (hạn đến hết ngày ${formatDateVn(until)})`;
    blocks.push(
      para(
        'body',
        due.length > 0
          ? `Tập trung hoàn thành ${n(due.length)} có hạn trong ${label}, trước hết là các nhiệm vụ đã quá hạn:`
          : `Không có nhiệm vụ chưa hoàn thành nào có hạn trong ${label}.`,
      ),
    );
    blocks.push(
      ...bulletList(
        due.map((x) =>
          taskLine(x.e, office, [`hạn ${x.e.task.completion.text || formatDateVn(x.deadline.due!)}`]),
        ),
        limit,
      ),
    );
  } else {
    blocks.push(
      para(
        'body',
        open.length > 0
          ? `Tiếp tục hoàn thành ${n(open.length)} chưa hoàn thành của kế hoạch năm ${planYear}; rà soát, đưa vào kế hoạch năm ${planYear + 1} những nhiệm vụ chưa thể hoàn thành.`
          : `Các nhiệm vụ của kế hoạch năm ${planYear} đã hoàn thành hoặc đã có lý do không thực hiện.`,
      ),
    );
  }
  const yearRound = withDue.filter((x) => x.deadline.rule === 'year-end').length;
  if (yearRound > 0) {
    blocks.push(para('body', `Tiếp tục thực hiện ${n(yearRound)} thường xuyên, định kỳ trong năm.`));
  }
  return blocks;
}

/** The whole report as a DocSpec (see the module comment for its outline). */
export function progressReportDocument(input: ReportInput): DocSpec {
  const { progress, facts, scope } = input;
  const { period, planYear } = progress;
  const office = scope.kind === 'office';
  const entries = office ? progress.entries : progress.entries.filter((e) => e.unit.code === scope.unit.code);
  const limit = office ? OFFICE_LISTED_TASKS : null;
  const phrase = periodPhrase(period, planYear);
  const cutOffText = formatDateVn(period.cutOff);
  const report = progressRates(entries, period, planYear);
  const symbol = symbolOf(facts);

  const blocks: DocBlock[] = [
    header(facts),
    para('title', 'BÁO CÁO'),
    para('subject', `Kết quả thực hiện công tác cải cách hành chính ${phrase}`),
    para('rule', '────────'),
    para(
      'body',
      `${facts.issuerShort} báo cáo kết quả thực hiện công tác cải cách hành chính ${phrase} (số liệu tính đến ngày ${cutOffText}, tổng hợp lúc ${progress.consolidatedAt}) như sau:`,
    ),
    para('heading1', 'I. KẾT QUẢ CHUNG'),
    ...(office ? unitsParagraphs(progress.units) : []),
    para('body', figuresSentence(report.overall)),
  ];
  const due = dueSentence(entries, period, planYear);
  if (due) blocks.push(para('body', due));
  blocks.push(para('note', '(Cách tính các chỉ tiêu: xem phần ghi chú của Phụ lục.)'));

  blocks.push(para('heading1', 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO TỪNG LĨNH VỰC'));
  REFORM_AREAS.forEach((area, i) => {
    blocks.push(para('heading2', `${area.number}. ${area.title}`));
    blocks.push(para('body', figuresSentence(report.byArea[i].rates)));
    const completed = entries.filter(
      (e) => e.task.area.number === area.number && judgedCompleted(e, period.cutOff),
    );
    if (completed.length > 0) {
      blocks.push(para('body', 'Các nhiệm vụ đã hoàn thành:'));
      blocks.push(
        ...bulletList(
          completed.map((e) =>
            taskLine(e, office, [
              e.evidence,
              e.completionDate ? `hoàn thành ngày ${formatDateVn(e.completionDate)}` : '',
            ]),
          ),
          limit,
        ),
      );
    }
  });

  blocks.push(para('heading1', 'III. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH'));
  blocks.push(para('heading2', '1. Nhiệm vụ quá hạn'));
  const overdue = overdueTable(progress, entries, office);
  if (overdue) {
    blocks.push(
      para('body', `Có ${n(report.overall.figures.overdue)} quá hạn tại ngày chốt số liệu ${cutOffText}:`),
      {
        kind: 'table',
        rows: overdue,
        widths: shareWidths(office ? OVERDUE_SHARES_OFFICE : OVERDUE_SHARES_UNIT),
      },
    );
  } else {
    blocks.push(para('body', 'Không có nhiệm vụ quá hạn tại ngày chốt số liệu.'));
  }
  blocks.push(para('heading2', '2. Nhiệm vụ không thực hiện'));
  const dropped = entries.filter((e) => e.status === 'dropped');
  blocks.push(
    ...(dropped.length > 0
      ? bulletList(
          dropped.map((e) => taskLine(e, office, [e.reason ? `lý do: ${e.reason}` : ''])),
          limit,
        )
      : [para('body', 'Không có.')]),
  );
  blocks.push(para('heading2', '3. Nhiệm vụ đang thực hiện, chưa thực hiện (chưa đến hạn)'));
  const overdueKeys = new Set(report.overdue.map((o) => `${o.unit.code}|${o.sheet}|${o.row}`));
  const unfinished = entries.filter(
    (e) =>
      !judgedCompleted(e, period.cutOff) &&
      e.status !== 'dropped' &&
      !overdueKeys.has(`${e.unit.code}|${e.sheet}|${e.row}`),
  );
  blocks.push(
    ...(unfinished.length > 0
      ? bulletList(
          unfinished.map((e) =>
            taskLine(e, office, [
              STATUS_LABELS[e.status ?? 'not-started'],
              e.task.completion.text ? `hạn ${e.task.completion.text}` : '',
            ]),
          ),
          limit,
        )
      : [para('body', 'Không có.')]),
  );

  blocks.push(para('heading1', 'IV. KHÓ KHĂN, VƯỚNG MẮC'));
  const reasons = entries.filter((e) => e.reason.trim() !== '' && !judgedCompleted(e, period.cutOff));
  blocks.push(
    ...(reasons.length > 0
      ? bulletList(
          reasons.map(
            (e) => `${office ? `${e.unit.name}: ` : ''}${e.reason.trim()} (nhiệm vụ: ${e.task.task})`,
          ),
          limit,
        )
      : [para('body', 'Chưa có khó khăn, vướng mắc nào được nêu trong báo cáo tiến độ.')]),
  );

  blocks.push(para('heading1', `V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI`));
  blocks.push(...nextPeriodBlocks(progress, entries, input.nextPeriod, office, limit));

  blocks.push(para('heading1', 'VI. ĐỀ XUẤT, KIẾN NGHỊ'));
  blocks.push(para('note', '(Bổ sung đề xuất, kiến nghị trước khi ký ban hành.)'));

  blocks.push(signature(facts));
  blocks.push({ kind: 'pageBreak' });
  blocks.push(
    para('appendix-label', 'Phụ lục'),
    para('appendix-title', `THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH ${phrase.toUpperCase()}`),
    para(
      'appendix-note',
      `(Kèm theo Báo cáo số ${facts.number ? facts.number.split('/')[0] : '      '}/${symbol} ${officialDate(facts.issueDate, planYear)} của ${facts.issuerShort}; số liệu tính đến ngày ${cutOffText})`,
    ),
    para('heading2', '1. Theo lĩnh vực'),
    { kind: 'table', rows: areaStatTable(entries, progress), widths: shareWidths(STAT_SHARES) },
  );
  if (office) {
    blocks.push(para('heading2', '2. Theo cơ quan, đơn vị'), {
      kind: 'table',
      rows: unitStatTable(progress),
      widths: shareWidths(STAT_SHARES),
    });
  }
  blocks.push(para('heading2', 'Ghi chú:'));
  for (const definition of Object.values(RATE_DEFINITIONS)) blocks.push(para('note', `- ${definition}`));
  return { name: input.name, blocks };
}

/** Why a report is not made (too much text), in words telling the office what to do; else null. */
export function reportOversize(spec: DocSpec): string | null {
  const chars = specChars(spec);
  if (chars <= MAX_DOC_CHARS) return null;
  return `báo cáo dài ${chars} ký tự, quá ${MAX_DOC_CHARS} ký tự mà một văn bản được tạo với; chưa tạo báo cáo này. Kiểm tra các ô quá dài trong bảng tiến độ của đơn vị (có thể đã dán nhầm dữ liệu) rồi chạy lại.`;
}
