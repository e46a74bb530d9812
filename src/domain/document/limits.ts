import { DocSpec } from './doc-spec';

/**
 * The most task rows one unit's plan document is made with. A unit plan holds tens of tasks;
 * thousands mean data pasted by mistake. The table is written in one call whose time grows with
 * its cells (about 15 s for 1,000 rows of 9 cells, emulator/core/latency.ts), which is what one
 * unit may take within a step.
 */
export const MAX_DOC_TASKS = 1000;

/**
 * The most characters of text one document is made with: half of what a Google Doc may hold
 * (1.02 million characters, https://support.google.com/drive/answer/37603), leaving room for the
 * office's template and keeping the PDF conversion quick.
 */
export const MAX_DOC_CHARS = 500000;

/** Longest problem message kept; a quoted unit name or cell is cut well before that. */
export const MAX_PROBLEM_CHARS = 500;
const MAX_QUOTED_CHARS = 120;

/** The text cut to `max` characters, "…" marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A name or value quoted in a problem: at most a line's worth. */
export function quoted(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), MAX_QUOTED_CHARS);
}

/** A problem message as kept in the log (a cell holds at most 50,000 characters). */
export function capProblem(message: string): string {
  return clip(message, MAX_PROBLEM_CHARS);
}

/** Every character of text the document spec holds. */
export function specChars(spec: DocSpec): number {
  let n = 0;
  for (const block of spec.blocks) {
    if (block.kind === 'para') n += block.para.text.length;
    else if (block.kind === 'columns') for (const p of [...block.left, ...block.right]) n += p.text.length;
    else if (block.kind === 'table')
      for (const row of block.rows) for (const cell of row.cells) n += cell.length;
  }
  return n;
}

/**
 * Why a unit's document is not made (too many task rows, too much text), in words telling the
 * office what to do; null when it can be made.
 */
export function oversizeReason(spec: DocSpec, tasks: number): string | null {
  if (tasks > MAX_DOC_TASKS) {
    return `bảng nhiệm vụ có ${tasks} dòng nhiệm vụ, quá ${MAX_DOC_TASKS} dòng mà một văn bản kế hoạch được tạo với; chưa tạo văn bản cho đơn vị này. Đề nghị đơn vị kiểm tra bảng nhiệm vụ (có thể đã dán nhầm dữ liệu), xóa các dòng thừa hoặc gộp nhiệm vụ, rồi chạy lại cho mã đơn vị này.`;
  }
  const chars = specChars(spec);
  if (chars > MAX_DOC_CHARS) {
    return `nội dung kế hoạch dài ${chars} ký tự, quá ${MAX_DOC_CHARS} ký tự mà một văn bản được tạo với; chưa tạo văn bản cho đơn vị này. Đề nghị đơn vị rút gọn các ô quá dài (có thể đã dán nhầm dữ liệu), rồi chạy lại cho mã đơn vị này.`;
  }
  return null;
}
