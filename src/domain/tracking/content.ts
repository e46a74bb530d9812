import { CellValue } from '../cell';
import { PlanFieldKey, planFields } from '../plan/plan-fields';
import { valueText } from '../problem';
import { normalizeText } from '../text/normalize';
import {
  PLAN_HEADER_ROW,
  PLAN_KEY_COLUMN,
  PLAN_VALUE_COLUMN,
  SUBMISSION_FIRST_ROW,
  TASK_FIRST_SECTION_ROW,
} from '../unit-file/sheets';
import { fingerprint } from '../util/hash';
import { PROGRESS_COLUMNS, PROGRESS_FIRST_ROW, progressColumn } from '../progress/sheet';

/** Plan fields the unit writes itself (the others come prefilled from the template). */
const AUTHORED: readonly PlanFieldKey[] = [
  'objectives',
  'area1',
  'area2',
  'area3',
  'area4',
  'area5',
  'area6',
  'area7',
  'area8',
  'solutions',
  'recipients',
  'number',
  'issueDate',
  'signerName',
];

const text = (v: CellValue | undefined) => normalizeText(valueText(v ?? ''));

/** The task rows below the header, as text, blank rows dropped (what a fingerprint should cover). */
function taskLines(grid: readonly (readonly CellValue[])[]): string[] {
  return grid
    .slice(TASK_FIRST_SECTION_ROW - 1)
    .map((row) => row.map(text).join('\t'))
    .filter((line) => line.replace(/\t/g, '') !== '');
}

/** key → text of the unit's "Kế hoạch" sheet. */
export function planTexts(grid: readonly (readonly CellValue[])[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const row of grid.slice(PLAN_HEADER_ROW)) {
    const key = text(row[PLAN_KEY_COLUMN - 1]);
    if (key) texts.set(key, text(row[PLAN_VALUE_COLUMN - 1]));
  }
  return texts;
}

/**
 * What a round holds, to tell "not started" from "drafting" and to notice edits after a
 * submission: the round's task table, plus (for the plan round) the plan's text.
 */
export function roundContent(
  tasksGrid: readonly (readonly CellValue[])[],
  planGrid: readonly (readonly CellValue[])[] | null,
): { hasContent: boolean; fingerprint: string } {
  const lines = taskLines(tasksGrid);
  const rowsWithTasks = lines.filter(
    (l) => !/^[IVX]+\.?\t/.test(l) && l.split('\t').slice(1).join('') !== '',
  );
  const plan = planGrid ? planTexts(planGrid) : new Map<string, string>();
  const authored = AUTHORED.some((k) => (plan.get(k) ?? '') !== '');
  const planPart = planGrid
    ? planFields({ planYear: 0 }).map((f) => `${f.key}=${plan.get(f.key) ?? ''}`)
    : [];
  return {
    hasContent: rowsWithTasks.length > 0 || authored,
    fingerprint: fingerprint([...lines, ...planPart].join('\n')),
  };
}

/** The unit's own status choice for round `index` (0: plan, 1: proposals) in "Nộp kế hoạch". */
export function unitStateOf(submissionGrid: readonly (readonly CellValue[])[], index: number): string {
  return text(submissionGrid[SUBMISSION_FIRST_ROW - 1 + index]?.[2]);
}

/**
 * What a period round holds: the progress sheet's rows (carried tasks and the unit's input). Its
 * carried columns are filled by the push, so only the unit's own columns on a task row make it
 * "drafting"; the fingerprint covers every row, to notice edits after the report was sent.
 */
export function progressContent(grid: readonly (readonly CellValue[])[]): {
  hasContent: boolean;
  fingerprint: string;
} {
  const inputs = PROGRESS_COLUMNS.filter((c) => c.input).map((c) => progressColumn(c.role) - 1);
  const id = progressColumn('id') - 1;
  const rows = grid.slice(PROGRESS_FIRST_ROW - 1);
  const lines = rows.map((row) => row.map(text).join('\t')).filter((line) => line.replace(/\t/g, '') !== '');
  return {
    hasContent: rows.some((row) => text(row[id]) !== '' && inputs.some((c) => text(row[c]) !== '')),
    fingerprint: fingerprint(lines.join('\n')),
  };
}
