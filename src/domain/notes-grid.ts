/** A note on one cell (1-based row and column), as sheet specs and pushes carry them. */
export interface CellNote {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/**
 * The smallest rectangle holding every note, as a grid with '' where there is none: notes are
 * written in one call over it (setNotes, or one updateCells), never one call per note.
 * `notes` must not be empty.
 */
export function notesGrid(notes: readonly CellNote[]): { top: number; left: number; grid: string[][] } {
  const top = Math.min(...notes.map((n) => n.row));
  const left = Math.min(...notes.map((n) => n.column));
  const bottom = Math.max(...notes.map((n) => n.row));
  const right = Math.max(...notes.map((n) => n.column));
  const grid = Array.from({ length: bottom - top + 1 }, () => Array<string>(right - left + 1).fill(''));
  for (const n of notes) grid[n.row - top][n.column - left] = n.text;
  return { top, left, grid };
}
