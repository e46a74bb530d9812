/** Names and fixed positions of the sheets in a unit's spreadsheet. */
export const UNIT_SHEETS = {
  guide: 'Hướng dẫn',
  plan: 'Kế hoạch',
  tasks: 'Nhiệm vụ',
  proposals: 'Đề xuất',
  submission: 'Nộp kế hoạch',
  lists: 'Danh mục',
} as const;

/** Row 1 of each task table: what tells the two apart (no year in it, unlike row 2). */
export const TASKS_TITLE = 'PHỤ LỤC II';
export const PROPOSALS_TITLE = 'ĐỀ XUẤT NHIỆM VỤ';

/** Task tables ("Nhiệm vụ", "Đề xuất"): three title rows, then the header, then sections. */
export const TASK_TITLE_ROWS = 3;
export const TASK_HEADER_ROW = 4;
export const TASK_FIRST_SECTION_ROW = 5;
/** Columns right of the table stay protected so the table cannot grow sideways. */
export const TASK_PROTECTED_EXTRA_COLUMNS = 4;

/** "Kế hoạch": keys in A, labels in B, the unit's text in C, help in D. */
export const PLAN_HEADER_ROW = 3;
export const PLAN_HEADERS = ['Mã', 'Mục', 'Nội dung (đơn vị nhập)', 'Hướng dẫn'] as const;
export const PLAN_KEY_COLUMN = 1;
export const PLAN_VALUE_COLUMN = 3;

/** "Nộp kế hoạch": one row per round from row 6; the header's first columns (the rest name the office). */
export const SUBMISSION_HEADER_ROW = 5;
export const SUBMISSION_UNIT_HEADERS = [
  'Nội dung',
  'Hạn',
  'Trạng thái của đơn vị',
  'Ghi chú của đơn vị',
] as const;
export const SUBMISSION_FIRST_ROW = 6;

/** "Danh mục": the lists the dropdowns read. Fixed long ranges, so a longer unit list needs no new rule. */
export const LIST_ROWS = 3000;
export const LIST_COLUMNS = { units: 1, sources: 3, statuses: 5, budgetWords: 7 } as const;
