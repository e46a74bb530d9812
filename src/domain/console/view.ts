import { plainKey } from '../text/normalize';

/**
 * What the sidebar "Bảng điều khiển" shows, as plain JSON (google.script.run passes only
 * primitives, arrays and plain objects: no Date, no Map). Shared by the server (src/app/console.ts)
 * and the client (src/client/): one definition of the shapes on both sides of the call.
 */
export type StatusKey = 'not-started' | 'drafting' | 'submitted' | 'returned' | 'accepted';
export type FlagKey = 'overdue' | 'late' | 'changed';

export interface RoundView {
  /** What accept/return take as target: "TP" for the plan, "TP/DX" for the proposals. */
  readonly target: string;
  readonly label: string;
  readonly status: StatusKey;
  readonly statusLabel: string;
  readonly flags: readonly FlagKey[];
  readonly deadline: string;
  readonly submittedAt: string;
  readonly decidedAt: string;
  readonly comment: string;
}

export interface UnitView {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly plan: RoundView;
  readonly proposals: RoundView | null;
  /** The latest submission or decision, formatted; '' when nothing happened yet. */
  readonly lastChange: string;
  /** Rows for the unit in "Lỗi dữ liệu" after the last consolidation; null: never consolidated. */
  readonly problems: number | null;
  readonly fileUrl: string;
  /** The copy archived at the latest submission ('' when none). */
  readonly submittedUrl: string;
  readonly docUrl: string;
}

export interface JobView {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** Phase as "Tiến độ" shows it. */
  readonly phase: string;
  readonly updatedAt: string;
  /** When the continuation is due ('' when none is scheduled). */
  readonly continuesAt: string;
  readonly failures: number;
  /** The last failure "Nhật ký" recorded for this operation ('' when none). */
  readonly lastError: string;
  /** The last step is old: its continuation did not run; the person can continue it. */
  readonly stalled: boolean;
}

export interface ConsoleSnapshot {
  readonly planYear: number;
  readonly today: string;
  readonly user: string;
  readonly kinds: readonly string[];
  readonly units: readonly UnitView[];
  readonly jobs: readonly JobView[];
}

/** The result of an action, as the sidebar shows it. */
export interface ActionResult {
  readonly ok: boolean;
  readonly summary: string;
  readonly problems: readonly string[];
}

export interface MailPreview {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

export const FLAG_NAMES: Readonly<Record<FlagKey, string>> = {
  overdue: 'Quá hạn',
  late: 'Nộp trễ',
  changed: 'Sửa sau khi nộp',
};

export const STATUS_NAMES: Readonly<Record<StatusKey, string>> = {
  'not-started': 'Chưa thực hiện',
  drafting: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Cần bổ sung',
  accepted: 'Đã tiếp nhận',
};

export interface UnitFilter {
  readonly text: string;
  /** '' for every kind. */
  readonly kind: string;
  /** '' for every status (of either round). */
  readonly status: StatusKey | '';
  readonly flag: FlagKey | '';
}

function rounds(u: UnitView): RoundView[] {
  return u.proposals ? [u.plan, u.proposals] : [u.plan];
}

/**
 * The units the filter keeps. The text matches code or name without diacritics or case:
 * "vinh linh" finds "Thị trấn Vĩnh Linh"; a status or flag matches either round.
 */
export function filterUnits(units: readonly UnitView[], f: UnitFilter): UnitView[] {
  const words = plainKey(f.text).split(' ').filter(Boolean);
  return units.filter((u) => {
    if (f.kind && u.kind !== f.kind) return false;
    if (f.status && !rounds(u).some((r) => r.status === f.status)) return false;
    if (f.flag && !rounds(u).some((r) => r.flags.includes(f.flag as FlagKey))) return false;
    const hay = plainKey(`${u.code} ${u.name}`);
    return words.every((w) => hay.includes(w));
  });
}

export interface Counts {
  readonly units: number;
  readonly byStatus: Readonly<Record<StatusKey, number>>;
  readonly byFlag: Readonly<Record<FlagKey, number>>;
}

/** Counts of the plan round (every unit has one) by status, and of units with each flag. */
export function countUnits(units: readonly UnitView[]): Counts {
  const byStatus: Record<StatusKey, number> = {
    'not-started': 0,
    drafting: 0,
    submitted: 0,
    returned: 0,
    accepted: 0,
  };
  const byFlag: Record<FlagKey, number> = { overdue: 0, late: 0, changed: 0 };
  for (const u of units) {
    byStatus[u.plan.status]++;
    for (const flag of Object.keys(byFlag) as FlagKey[]) {
      if (rounds(u).some((r) => r.flags.includes(flag))) byFlag[flag]++;
    }
  }
  return { units: units.length, byStatus, byFlag };
}

/** Longest comment the office may send with a return (a cell holds 50,000; a mail reads well). */
export const MAX_COMMENT_LENGTH = 2000;
/** Most units one action may name (a district has about 100; a province a few hundred). */
export const MAX_CODES = 500;
const MAX_CODE_LENGTH = 40;

/** A unit code or "CODE/DX" from the client, checked before anything is read; Vietnamese errors. */
export function checkTargetText(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_CODE_LENGTH + 3)
    throw new Error('Mã đơn vị không hợp lệ: hãy chọn lại đơn vị trong danh sách.');
  return value.trim();
}

export function checkCodes(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new Error('Chưa chọn đơn vị nào: hãy đánh dấu các đơn vị trong danh sách.');
  if (value.length > MAX_CODES) throw new Error(`Chọn tối đa ${MAX_CODES} đơn vị mỗi lần.`);
  const codes = value.map((v) => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_CODE_LENGTH || /[,/]/.test(v))
      throw new Error('Mã đơn vị không hợp lệ: hãy chọn lại đơn vị trong danh sách.');
    return v.trim();
  });
  return [...new Set(codes)];
}

export function checkComment(value: unknown): string {
  if (typeof value !== 'string') throw new Error('Ý kiến không hợp lệ.');
  const comment = value.trim();
  if (comment === '') throw new Error('Cần ghi ý kiến để đơn vị biết phải bổ sung gì.');
  if (comment.length > MAX_COMMENT_LENGTH)
    throw new Error(`Ý kiến dài ${comment.length} ký tự; tối đa ${MAX_COMMENT_LENGTH} ký tự.`);
  return comment;
}
