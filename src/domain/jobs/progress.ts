import { area, SheetSpec, SpecValue } from '../sheet-spec';

/** "Tiến độ": where a long operation shows how far it got, one row per operation. */
export const PROGRESS_SHEET = 'Tiến độ';
export const PROGRESS_HEADERS = [
  'Thao tác',
  'Trạng thái',
  'Đã xong',
  'Tổng',
  'Bắt đầu',
  'Cập nhật',
  'Số lần chạy',
] as const;

export type JobPhase = 'running' | 'waiting' | 'done' | 'failed';

export const PHASE_LABELS: Readonly<Record<JobPhase, string>> = {
  running: 'Đang chạy',
  waiting: 'Tạm dừng, sẽ tự chạy tiếp',
  done: 'Hoàn thành',
  failed: 'Bị dừng do lỗi, sẽ thử chạy tiếp',
};

export function progressSheetSpec(): SheetSpec {
  return {
    name: PROGRESS_SHEET,
    values: [[...PROGRESS_HEADERS]],
    columnWidths: [260, 220, 90, 90, 140, 140, 100],
    frozenRows: 1,
    styles: [{ area: area(1, 1, 1, PROGRESS_HEADERS.length), bold: true, background: '#d9e2f3' }],
    protections: [{ description: 'Tiến độ (do hệ thống ghi)', warningOnly: true }],
  };
}

/** "Đã tổng hợp 340/1000 đơn vị" style line for toasts and the log. */
export function progressText(label: string, done: number, total: number): string {
  return `${label}: ${done}/${total} đơn vị`;
}

export function progressRow(
  label: string,
  phase: JobPhase,
  done: number,
  total: number,
  started: string,
  updated: string,
  executions: number,
): SpecValue[] {
  return [label, PHASE_LABELS[phase], done, total, started, updated, executions];
}
