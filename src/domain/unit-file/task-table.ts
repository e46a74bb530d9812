import { CellValue } from '../cell';
import { areaByRoman, ReformArea } from '../plan/areas';
import { TaskColumn } from '../plan/columns';
import { valueText } from '../problem';
import { normalizeText } from '../text/normalize';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW } from './sheets';

export interface SectionRow {
  readonly area: ReformArea;
  /** 1-based sheet row. */
  readonly row: number;
}

export type HeaderProblem =
  | { readonly kind: 'renamed'; readonly column: number; readonly expected: string; readonly found: string }
  | { readonly kind: 'moved'; readonly column: number; readonly expected: string; readonly foundAt: number }
  | { readonly kind: 'missing'; readonly column: number; readonly expected: string };

export interface TaskTableShape {
  readonly headerProblems: readonly HeaderProblem[];
  readonly sections: readonly SectionRow[];
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

  const sections: SectionRow[] = [];
  let lastRow = 0;
  grid.forEach((row, i) => {
    if (row.some((v) => valueText(v).trim() !== '')) lastRow = i + 1;
    if (i + 1 < TASK_FIRST_SECTION_ROW) return;
    const first = normalizeText(valueText(row[0]));
    const area = /^[IVX]+\.?$/i.test(first) ? areaByRoman(first) : undefined;
    if (area && !sections.some((s) => s.area.number === area.number)) sections.push({ area, row: i + 1 });
  });
  return { headerProblems, sections, lastRow };
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
