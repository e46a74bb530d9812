import { ReformArea } from '../plan/areas';
import { foldForMatch } from '../text/normalize';
import { fingerprint } from '../util/hash';

/**
 * A task's identity across periods. The plan's task table has no id column (units insert, move
 * and renumber rows freely, so neither the row nor "TT" is stable); what stays is the task's area
 * and its wording. The id is the area's numeral and a fingerprint of the folded wording (case,
 * spacing, punctuation, NFC/NFD and tone placement do not change it), with "#2", "#3"… for the
 * same wording repeated in one area. The progress sheet stores it in a locked column, so a later
 * period matches rows by id even after the plan's rows were reordered.
 */
export function taskId(area: ReformArea, task: string, occurrence = 1): string {
  const base = `${area.roman}-${fingerprint(foldForMatch(task)).slice(0, 12)}`;
  return occurrence > 1 ? `${base}#${occurrence}` : base;
}

/** Ids for a plan's tasks in order: repeated wordings in one area get #2, #3… in order. */
export function taskIds(tasks: readonly { readonly area: ReformArea; readonly task: string }[]): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const base = taskId(t.area, t.task);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return taskId(t.area, t.task, n);
  });
}

/** The words of a task's folded wording, for the near-match of an edited task. */
export function wordsOf(task: string): Set<string> {
  return new Set(foldForMatch(task).split(' ').filter(Boolean));
}

/** Share of words two wordings have in common (Jaccard): 1 for the same words, 0 for none. */
export function wordingSimilarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}
