import { CellValue } from '../cell';
import { areaByRoman, REFORM_AREAS, ReformArea } from '../plan/areas';
import { TaskColumn } from '../plan/columns';
import { valueText } from '../problem';
import { foldForMatch, normalizeText } from '../text/normalize';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW } from './sheets';

export interface SectionRow {
  readonly area: ReformArea;
  /** 1-based sheet row. */
  readonly row: number;
}

/**
 * A row whose TT looks like a section numeral ("III") but that is not the section row: a task
 * numbered with a Roman numeral ('numbered', read as a task of the section it sits in), or a
 * second copy of a section row ('duplicate', skipped).
 */
export interface LookalikeRow {
  readonly kind: 'numbered' | 'duplicate';
  readonly area: ReformArea;
  readonly row: number;
}

/** Rows `first`..`last` (1-based, inclusive). */
export interface RowSpan {
  readonly first: number;
  readonly last: number;
}

export type HeaderProblem =
  | { readonly kind: 'renamed'; readonly column: number; readonly expected: string; readonly found: string }
  | { readonly kind: 'moved'; readonly column: number; readonly expected: string; readonly foundAt: number }
  | { readonly kind: 'missing'; readonly column: number; readonly expected: string };

export interface TaskTableShape {
  readonly headerProblems: readonly HeaderProblem[];
  readonly sections: readonly SectionRow[];
  readonly lookalikes: readonly LookalikeRow[];
  /** Text under the table after a blank gap that does not look like tasks (a signature block). */
  readonly trailing: RowSpan | null;
  /** Last row of the sheet that holds anything. */
  readonly lastRow: number;
}

const headerKey = (v: CellValue | undefined) => normalizeText(valueText(v)).toLowerCase();

/**
 * Finds the header and the section rows (I–VIII) of a task table as the unit left it: units may
 * insert rows inside a section, so sections are found by their Roman numeral, not by position.
 * `grid` starts at row 1 of the sheet.
 */
export function locateTaskTable(
  grid: readonly (readonly CellValue[])[],
  columns: readonly TaskColumn[],
): TaskTableShape {
  const header = grid[TASK_HEADER_ROW - 1] ?? [];
  const found = header.map(headerKey);
  const headerProblems: HeaderProblem[] = [];
  columns.forEach((c, i) => {
    const expected = c.header.toLowerCase();
    if (found[i] === expected) return;
    const elsewhere = found.indexOf(expected);
    if (elsewhere >= 0)
      headerProblems.push({ kind: 'moved', column: i + 1, expected: c.header, foundAt: elsewhere + 1 });
    else if (!found[i]) headerProblems.push({ kind: 'missing', column: i + 1, expected: c.header });
    else
      headerProblems.push({
        kind: 'renamed',
        column: i + 1,
        expected: c.header,
        found: valueText(header[i]),
      });
  });

  let lastRow = 0;
  grid.forEach((row, i) => {
    if (!isBlank(row)) lastRow = i + 1;
  });
  const { sections, lookalikes } = findSections(grid);
  const trailing = findTrailingText(grid, columns, sections);
  return { headerProblems, sections, lookalikes, trailing, lastRow };
}

const isBlank = (row: readonly CellValue[] | undefined) =>
  !row || row.every((v) => valueText(v).trim() === '');

/** The section title as written, without a repeated numeral or end punctuation, folded. */
const titleKey = (v: CellValue | undefined) => foldForMatch(valueText(v).replace(/^\s*[IVX]+[.:)]?\s+/i, ''));

interface Candidate {
  readonly area: ReformArea;
  readonly row: number;
  /** Its title cell (column B) reads the area's title. */
  readonly titled: boolean;
  /** Nothing right of the title: a section row as the template writes it. */
  readonly bare: boolean;
}

/**
 * Section rows are the template's: the area's numeral in TT and its title beside it. A unit may
 * also number a task "III" — so TT alone does not decide. For each area, the row whose title reads
 * the area's title wins; without one (a title changed), a row between the neighbouring sections
 * with nothing right of the title, else the first in order. Every other row numbered like a
 * section is a look-alike, reported at its cell.
 */
function findSections(grid: readonly (readonly CellValue[])[]): {
  sections: SectionRow[];
  lookalikes: LookalikeRow[];
} {
  const candidates: Candidate[] = [];
  grid.forEach((row, i) => {
    if (i + 1 < TASK_FIRST_SECTION_ROW) return;
    const first = normalizeText(valueText(row[0]));
    const area = /^[IVX]+\.?$/i.test(first) ? areaByRoman(first) : undefined;
    if (!area) return;
    const title = titleKey(row[1]);
    candidates.push({
      area,
      row: i + 1,
      titled: title !== '' && (title === foldForMatch(area.tableTitle) || title === foldForMatch(area.title)),
      bare: row.slice(2).every((v) => valueText(v).trim() === ''),
    });
  });
  const chosen = new Map<number, Candidate>();
  for (const c of candidates) if (c.titled && !chosen.has(c.area.number)) chosen.set(c.area.number, c);
  for (const area of REFORM_AREAS) {
    if (chosen.has(area.number)) continue;
    const before = [...chosen.values()].filter((c) => c.area.number < area.number).map((c) => c.row);
    const after = [...chosen.values()].filter((c) => c.area.number > area.number).map((c) => c.row);
    const from = Math.max(0, ...before);
    const to = Math.min(Infinity, ...after);
    const own = candidates.filter((c) => c.area.number === area.number);
    const inOrder = own.filter((c) => c.row > from && c.row < to);
    const pool = inOrder.length > 0 ? inOrder : own;
    const pick = pool.find((c) => c.bare) ?? pool[0];
    if (pick) chosen.set(area.number, pick);
  }
  const picked = new Set([...chosen.values()].map((c) => c.row));
  const sections = [...chosen.values()]
    .map((c) => ({ area: c.area, row: c.row }))
    .sort((a, b) => a.row - b.row);
  const lookalikes = candidates
    .filter((c) => !picked.has(c.row))
    .map((c): LookalikeRow => ({
      kind: c.titled && c.bare ? 'duplicate' : 'numbered',
      area: c.area,
      row: c.row,
    }));
  return { sections, lookalikes };
}

/** A TT that numbers a task: "1", "2.", "1.1", "3a". */
const TASK_NUMBER = /^\d+([.,]\d+)*[.)]?[a-zđ]?$/i;

/**
 * Text typed under the table after one or more blank rows — a signature block ("NGƯỜI LẬP BIỂU",
 * "THỦ TRƯỞNG ĐƠN VỊ", a name) — is not tasks. Only the last rows below the last section count,
 * and only those that do not look like a task: a task has a number in TT or fills at least three
 * columns; a signature line fills one or two.
 */
function findTrailingText(
  grid: readonly (readonly CellValue[])[],
  columns: readonly TaskColumn[],
  sections: readonly SectionRow[],
): RowSpan | null {
  const lastSection = sections.reduce((m, s) => Math.max(m, s.row), 0);
  if (lastSection === 0) return null;
  const numberAt = columns.findIndex((c) => c.role === 'number');
  const blocks: { first: number; last: number; afterGap: boolean }[] = [];
  let gap = false;
  for (let r = lastSection; r < grid.length; r++) {
    const row = grid[r];
    if (isBlank(row)) {
      gap = true;
      continue;
    }
    const open = blocks[blocks.length - 1];
    if (open && open.last === r && !gap) open.last = r + 1;
    else blocks.push({ first: r + 1, last: r + 1, afterGap: gap });
    gap = false;
  }
  const taskLike = (rowNumber: number) => {
    const row = grid[rowNumber - 1] ?? [];
    const filled = columns.filter((_, c) => valueText(row[c]).trim() !== '').length;
    return TASK_NUMBER.test(normalizeText(valueText(row[numberAt]))) || filled >= 3;
  };
  let first = 0;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (!block.afterGap) break;
    let tasks = false;
    for (let r = block.first; r <= block.last && !tasks; r++) tasks = taskLike(r);
    if (tasks) break;
    first = block.first;
  }
  return first > 0 ? { first, last: blocks[blocks.length - 1].last } : null;
}

/** Vietnamese explanation of a header problem, naming the column letter and what was expected. */
export function headerProblemMessage(p: HeaderProblem, letter: (column: number) => string): string {
  switch (p.kind) {
    case 'renamed':
      return `Tiêu đề cột ${letter(p.column)} phải là "${p.expected}" nhưng đang là "${p.found}". Bảng bị đổi cấu trúc nên chưa đọc được; khôi phục tiêu đề cột.`;
    case 'moved':
      return `Cột "${p.expected}" phải ở cột ${letter(p.column)} nhưng đang ở cột ${letter(p.foundAt)}. Bảng bị đổi thứ tự cột nên chưa đọc được.`;
    case 'missing':
      return `Thiếu cột "${p.expected}" ở cột ${letter(p.column)}. Bảng bị xóa cột nên chưa đọc được.`;
  }
}
