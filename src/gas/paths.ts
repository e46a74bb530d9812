/**
 * Which path each fast operation took in this execution: the parallel one (CSV export, Drive API
 * copies and shares through fetchAll) or the slow serial fallback (SpreadsheetApp, DriveApp), and
 * why it fell back. A fallback is not an error for the office — the work still gets done — but on
 * real Google it means a guess about the service was wrong or a quota bit, and the self-test must
 * say so rather than pass in silence.
 *
 * One execution runs one script at a time, so a module variable is the scope (as in isolation.ts).
 */

export type FastPath =
  'csv-export' | 'drive-list' | 'drive-copy' | 'drive-share' | 'docs-fill' | 'sheets-push' | 'sheets-lock';

export const FAST_PATH_LABELS: Readonly<Record<FastPath, string>> = {
  'csv-export': 'đọc bảng tính qua xuất CSV',
  'drive-list': 'liệt kê thư mục qua Drive API',
  'drive-copy': 'sao chép tệp qua Drive API',
  'drive-share': 'chia sẻ tệp qua Drive API',
  'docs-fill': 'điền văn bản qua Docs API',
  'sheets-push': 'cập nhật mẫu qua Sheets API',
  'sheets-lock': 'khóa phần đã nộp qua Sheets API',
};

export interface PathEvent {
  readonly path: FastPath;
  readonly fellBack: boolean;
  /** Why it fell back (an HTTP status, Google's reason, the error's message); '' when it did not. */
  readonly reason: string;
}

let events: PathEvent[] = [];

/** The fast path served `count` items. */
export function noteFastPath(path: FastPath, count = 1): void {
  for (let i = 0; i < count; i++) events.push({ path, fellBack: false, reason: '' });
}

/** The slow path had to do what the fast one could not, and why. */
export function noteFallback(path: FastPath, reason: string): void {
  events.push({ path, fellBack: true, reason });
}

/** What happened since the last call, and a fresh record from now on. */
export function takePathEvents(): PathEvent[] {
  const taken = events;
  events = [];
  return taken;
}

/** "đọc bảng tính qua xuất CSV: 4 lần" / "… : 1 lần chuyển sang cách chậm (HTTP 403: …)". */
export function describePaths(taken: readonly PathEvent[]): { text: string; fallbacks: string[] } {
  const byPath = new Map<FastPath, { fast: number; reasons: string[] }>();
  for (const e of taken) {
    const entry = byPath.get(e.path) ?? { fast: 0, reasons: [] };
    if (e.fellBack) entry.reasons.push(e.reason);
    else entry.fast++;
    byPath.set(e.path, entry);
  }
  const parts: string[] = [];
  const fallbacks: string[] = [];
  for (const [path, { fast, reasons }] of byPath) {
    const label = FAST_PATH_LABELS[path];
    parts.push(`${label}: ${fast} lần${reasons.length > 0 ? `, ${reasons.length} lần dùng cách chậm` : ''}`);
    const distinct = [...new Set(reasons)];
    for (const reason of distinct) fallbacks.push(`${label} không được, đã dùng cách chậm (${reason})`);
  }
  return { text: parts.join('; '), fallbacks };
}
