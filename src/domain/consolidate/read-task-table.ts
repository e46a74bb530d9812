import { CellValue } from '../cell';
import { AgencyPart, AgencyReader } from '../parse/agencies';
import { budgetMessage, parseBudget } from '../parse/budget';
import { CompletionTime, completionTimeMessage, parseCompletionTime } from '../parse/completion-time';
import { parseFundingSource } from '../parse/funding-source';
import { a1, ColumnRole, columnLetter, TaskColumn } from '../plan/columns';
import { REFORM_AREAS, ReformArea } from '../plan/areas';
import { cappedProblem, Problem, quoteText, Severity, valueText } from '../problem';
import { detectLegacyEncoding } from '../text/legacy-encoding';
import { normalizeText } from '../text/normalize';
import { NameMatcher } from '../text/similar';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW } from '../unit-file/sheets';
import { headerProblemMessage, locateTaskTable, RowSpan } from '../unit-file/task-table';
import { TaskRow, UnitRef } from './task-row';
import { abolishedAgencyMessage, abolishedSourceMessage, LevelCheck } from './abolished';

/** What a consolidation knows beyond one table: the year, and the names agencies may be given. */
export interface ReadContext {
  readonly planYear: number;
  readonly columns: readonly TaskColumn[];
  readonly agencies: AgencyDirectory;
  /** The office's level: warns of sources and agencies of an abolished level. Absent: no check. */
  readonly level?: LevelCheck;
  /**
   * Warnings given once per unit file (the multi-year period), across its tables: keys of those
   * already given. Shared by the reads of one file's sheets; absent: once per table.
   */
  readonly givenOnce?: Set<string>;
}

/**
 * The unit list as lead and cooperating agencies are matched against it: through Unicode form and
 * tone placement, several agencies per cell, abbreviations and groups (see parse/agencies.ts).
 */
export class AgencyDirectory {
  private readonly matcher: NameMatcher;
  private readonly reader: AgencyReader;
  /** Unknown names repeat across thousands of rows: each distinct text is matched once. */
  private readonly suggested = new Map<string, string[]>();

  constructor(readonly names: readonly string[]) {
    this.matcher = new NameMatcher(names);
    this.reader = new AgencyReader(names);
  }

  /** The agencies a lead or cooperating cell names: split, abbreviations written out, groups. */
  read(cell: string): AgencyPart[] {
    return this.reader.read(cell);
  }

  suggestions(name: string): string[] {
    let found = this.suggested.get(name);
    if (!found) this.suggested.set(name, (found = this.matcher.closest(name, 3).map((m) => m.candidate)));
    return found;
  }
}

export interface TableReading {
  readonly rows: TaskRow[];
  readonly problems: Problem[];
  /** false when the header was changed: nothing was read, to never read into the wrong columns. */
  readonly structureOk: boolean;
}

/** What a cell shows when what was typed became a broken formula ("- Rà soát" → #ERROR!). */
const FORMULA_ERROR = /^#(ERROR!|NAME\?|N\/A|REF!|VALUE!|DIV\/0!|NUM!|NULL!)$/;

const COMPLETION_WARNINGS = new Set([
  'year-before-plan',
  'year-after-plan',
  'legacy-encoding',
  'follow-up-note',
  'other-time-in-note',
  'before-year',
]);
const BUDGET_WARNINGS = new Set([
  'source-in-amount',
  'source-with-amount',
  'approximate',
  'extra-text',
  'rounded',
  'suspiciously-small',
  'legacy-encoding',
]);

/**
 * Reads one task table ("Nhiệm vụ" or "Đề xuất") of one unit: checks the header first, then every
 * row under the sections I–VIII. Each problem points at the unit's cell and says, in Vietnamese,
 * what is wrong and what is accepted. `grid` starts at the sheet's row 1 (display values or
 * values; text is normalised to NFC).
 */
export function readTaskTable(
  unit: UnitRef,
  sheet: string,
  grid: readonly (readonly CellValue[])[],
  ctx: ReadContext,
): TableReading {
  const { columns } = ctx;
  const problems: Problem[] = [];
  const problem = (severity: Severity, row: number, column: number, message: string, value = ''): void => {
    problems.push(
      cappedProblem({
        severity,
        unit,
        sheet,
        cell: column > 0 ? a1(row, column) : '',
        field: column > 0 ? (columns[column - 1]?.header ?? '') : '',
        value,
        message,
      }),
    );
  };

  /** One warning for the whole block under the table, naming its cells and quoting its text. */
  const reportTrailing = (span: RowSpan): void => {
    const text: string[] = [];
    for (let r = span.first; r <= span.last; r++) {
      for (const v of grid[r - 1] ?? []) {
        const t = normalizeText(valueText(v)).trim();
        if (t) text.push(t);
      }
    }
    problems.push(
      cappedProblem({
        severity: 'warning',
        unit,
        sheet,
        cell: `${a1(span.first, 1)}:${a1(span.last, columns.length)}`,
        field: '',
        value: text.join(' / '),
        message: `Các dòng ${span.first}–${span.last} nằm dưới bảng, sau dòng trống, và không giống nhiệm vụ (có thể là phần ký tên): không được tính là nhiệm vụ. Nếu là nhiệm vụ, ghi số thứ tự và điền đủ các cột ngay dưới các nhiệm vụ khác; nếu không cần, xóa các dòng này.`,
      }),
    );
  };

  /**
   * Each agency a lead or cooperating cell names, matched against the unit list. An unknown lead
   * is always reported; an unknown cooperating agency only with a likely unit (cooperation with
   * bodies outside the list — a ministry, the press — is normal).
   */
  const checkAgencies = (role: 'lead' | 'cooperating', row: number, cell: string): void => {
    const parts = ctx.agencies.read(cell);
    for (const part of parts) {
      if (part.kind !== 'unknown') continue;
      const near = ctx.agencies.suggestions(part.text);
      if (role === 'cooperating' && near.length === 0) continue;
      const hint = near.length > 0 ? ` Có phải: ${near.map((n) => `"${n}"`).join(', ')}?` : '';
      const message =
        parts.length === 1 && role === 'lead'
          ? `Cơ quan chủ trì không có trong danh sách đơn vị.${hint}`
          : `${role === 'lead' ? 'Cơ quan chủ trì' : 'Cơ quan phối hợp'} "${quoteText(part.text)}" không có trong danh sách đơn vị${parts.length > 1 ? ` (ô ghi ${parts.length} cơ quan, đã tách theo dòng, dấu ";", "," và chữ "và"; các cơ quan khác đã khớp danh sách)` : ''}.${hint}${role === 'cooperating' ? ' Nếu là cơ quan ngoài danh sách, bỏ qua cảnh báo này.' : ''}`;
      problem('warning', row, col(role) + 1, message, cell);
    }
  };

  /** Rows whose time is a period past the plan year: one warning for the table names them all. */
  const spans: { row: number; reading: CompletionTime }[] = [];
  const reportSpans = (): void => {
    const key = `${unit.code}|spans-past-plan-year`;
    if (spans.length === 0 || ctx.givenOnce?.has(key)) return;
    ctx.givenOnce?.add(key);
    const [first] = spans;
    const c = col('completion') + 1;
    const cellsText = spans.map((s) => a1(s.row, c)).join(', ');
    const where =
      spans.length > 1 ? `${spans.length} nhiệm vụ (ô ${cellsText})` : `Nhiệm vụ ở ô ${cellsText}`;
    problems.push(
      cappedProblem({
        severity: 'warning',
        unit,
        sheet,
        cell: a1(first.row, c),
        field: columns[c - 1]?.header ?? '',
        value: spans.map((s) => s.reading.text).join(' / '),
        message: `${where}, ví dụ "${quoteText(first.reading.text)}". ${completionTimeMessage('spans-past-plan-year', ctx.planYear, first.reading)} Cảnh báo này chỉ báo một lần cho mỗi tệp của đơn vị.`,
      }),
    );
  };

  const shape = locateTaskTable(grid, columns);
  if (shape.headerProblems.length > 0) {
    for (const p of shape.headerProblems)
      problem('error', TASK_HEADER_ROW, p.column, headerProblemMessage(p, columnLetter));
    return { rows: [], problems, structureOk: false };
  }
  const found = new Set(shape.sections.map((s) => s.area.number));
  for (const area of REFORM_AREAS.filter((a) => !found.has(a.number))) {
    problem(
      'warning',
      TASK_FIRST_SECTION_ROW,
      1,
      `Không tìm thấy dòng mục ${area.roman} (${area.tableTitle}). Nhiệm vụ của mục này có thể bị tính vào mục liền trước.`,
    );
  }

  const col = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const sectionAt = new Map(shape.sections.map((s) => [s.row, s.area]));
  const lookalikeAt = new Map(shape.lookalikes.map((l) => [l.row, l]));
  const end = shape.trailing ? shape.trailing.first - 1 : grid.length;
  if (shape.trailing) reportTrailing(shape.trailing);
  const rows: TaskRow[] = [];
  let area: ReformArea | null = null;

  for (let r = TASK_HEADER_ROW; r < end; r++) {
    const rowNumber = r + 1;
    const section = sectionAt.get(rowNumber);
    if (section) {
      area = section;
      continue;
    }
    const lookalike = lookalikeAt.get(rowNumber);
    if (lookalike?.kind === 'duplicate') {
      problem(
        'warning',
        rowNumber,
        col('number') + 1,
        `Dòng tên mục ${lookalike.area.roman} (${lookalike.area.tableTitle}) bị lặp lại; dòng này không được tính. Xóa dòng lặp.`,
        lookalike.area.roman,
      );
      continue;
    }
    const cells = columns.map((_, c) => normalizeText(valueText(grid[r]?.[c])));
    const raw = columns.map((_, c) => grid[r]?.[c] ?? '');
    if (cells.every((v, c) => v === '' || c === col('number'))) continue;
    const before = problems.length;
    if (lookalike && area) {
      problem(
        'warning',
        rowNumber,
        col('number') + 1,
        `Số thứ tự "${cells[col('number')]}" trùng với số của mục ${lookalike.area.roman} (${lookalike.area.tableTitle}) nhưng dòng này không phải dòng tên mục: đã tính là nhiệm vụ của mục ${area.roman}. Đánh số thứ tự nhiệm vụ bằng 1, 2, 3… để không nhầm với dòng tên mục.`,
        cells[col('number')],
      );
    }

    if (!area) {
      problem(
        'error',
        rowNumber,
        2,
        'Nhiệm vụ nằm ngoài các mục I–VIII. Chuyển dòng này xuống dưới đúng mục.',
        cells[1],
      );
      continue;
    }
    if (cells[col('task')] === '') {
      problem('error', rowNumber, col('task') + 1, 'Dòng có dữ liệu nhưng chưa ghi tên nhiệm vụ.');
    }

    for (let c = 0; c < cells.length; c++) {
      if (FORMULA_ERROR.test(cells[c])) {
        problem(
          'error',
          rowNumber,
          c + 1,
          `Ô đang hiển thị lỗi công thức ${cells[c]}: nội dung bắt đầu bằng "=", "+" hoặc "-" bị Google Sheets hiểu là công thức. Gõ lại nội dung với dấu nháy đơn ' ở đầu (ví dụ '- Rà soát…).`,
          cells[c],
        );
      }
      const guess = cells[c] ? detectLegacyEncoding(cells[c]) : null;
      if (guess) {
        problem(
          'warning',
          rowNumber,
          c + 1,
          `Chữ có vẻ gõ bằng bảng mã cũ ${guess.encoding}. Đề nghị sửa thành: "${quoteText(guess.suggestion)}".`,
          cells[c],
        );
      }
    }

    const completion = parseCompletionTime(raw[col('completion')], ctx.planYear);
    for (const code of completion.problems) {
      if (code === 'legacy-encoding') continue; // reported once per cell above
      if (code === 'spans-past-plan-year') {
        spans.push({ row: rowNumber, reading: completion });
        continue; // one warning for the table, below
      }
      problem(
        COMPLETION_WARNINGS.has(code) ? 'warning' : 'error',
        rowNumber,
        col('completion') + 1,
        completionTimeMessage(code, ctx.planYear, completion),
        cells[col('completion')],
      );
    }
    if (completion.kind === 'empty') {
      problem('warning', rowNumber, col('completion') + 1, 'Chưa ghi thời gian hoàn thành.');
    }

    const budget = parseBudget(raw[col('budget')]);
    for (const code of budget.problems) {
      if (code === 'legacy-encoding') continue;
      problem(
        BUDGET_WARNINGS.has(code) ? 'warning' : 'error',
        rowNumber,
        col('budget') + 1,
        budgetMessage(code, budget),
        cells[col('budget')],
      );
    }
    if (budget.kind === 'empty') {
      problem(
        'warning',
        rowNumber,
        col('budget') + 1,
        'Chưa ghi kinh phí. Ghi số tiền (đồng); nếu dùng kinh phí thường xuyên thì ghi rõ "Kinh phí thường xuyên".',
      );
    }

    const written = parseFundingSource(raw[col('source')]);
    // A source typed in the budget cell ("Vốn đầu tư công") stands for an empty source cell.
    const source = written === 'empty' && budget.sources?.length === 1 ? budget.sources[0] : written;
    if (budget.kind === 'amount' && (budget.amount ?? 0) > 0 && source === 'empty') {
      problem('warning', rowNumber, col('source') + 1, 'Có số tiền nhưng chưa ghi nguồn kinh phí.');
    }

    let leadAbolished = false;
    let cooperatingAbolished = false;
    if (ctx.level) {
      const message = abolishedSourceMessage(raw[col('source')], ctx.level);
      if (message) problem('warning', rowNumber, col('source') + 1, message, cells[col('source')]);
      for (const role of ['lead', 'cooperating'] as const) {
        const found = abolishedAgencyMessage(cells[col(role)], ctx.level);
        if (found) problem('warning', rowNumber, col(role) + 1, found, cells[col(role)]);
        if (found && role === 'lead') leadAbolished = true;
        if (found && role === 'cooperating') cooperatingAbolished = true;
      }
    }

    const lead = cells[col('lead')];
    if (leadAbolished) {
      // Already reported with its successor; "not in the unit list" would only repeat it.
    } else if (lead === '') {
      problem('warning', rowNumber, col('lead') + 1, 'Chưa ghi cơ quan chủ trì.');
    } else {
      checkAgencies('lead', rowNumber, lead);
    }
    const cooperating = cells[col('cooperating')];
    if (cooperating !== '' && !cooperatingAbolished) checkAgencies('cooperating', rowNumber, cooperating);

    const mine = problems.slice(before);
    rows.push({
      unit,
      sheet,
      row: rowNumber,
      area,
      cells,
      completion,
      budget,
      source,
      errors: mine.filter((p) => p.severity === 'error').length,
      warnings: mine.filter((p) => p.severity === 'warning').length,
    });
  }
  reportSpans();
  return { rows, problems, structureOk: true };
}
