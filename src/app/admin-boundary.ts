import { CONFIG_SHEET } from '../domain/config/parse-config';
import { splitEmails } from '../domain/registry/emails';
import { MasterWorkbook } from '../gas/master';
import type { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';

/**
 * In Apps Script whoever can edit the master can edit its bound script, its settings and its
 * tracking data: the admin list is only a boundary when the master's editors are exactly the
 * admins. The owner is never listed (an owner cannot be removed).
 */
export const FIX_LABEL = 'Chỉ để quản trị sửa bảng tổng hợp';

/** The admins as the settings list them, or [] before setup (nothing to compare with yet). */
function adminsOf(master: MasterWorkbook): string[] {
  if (!master.sheet(CONFIG_SHEET)) return [];
  const row = master.readConfigRows().find((r) => r.key === 'admins');
  return row ? splitEmails(String(row.value)) : [];
}

/** Editors of the master who are neither admins nor its owner. */
export function extraEditors(master: MasterWorkbook, admins: readonly string[]): string[] {
  const { owner, editors } = master.sharing();
  return editors.filter((e) => e !== owner && !admins.includes(e));
}

/** The warning naming the extra editors, or null when the master's editors are the admins. */
export function boundaryProblem(master: MasterWorkbook): string | null {
  const admins = adminsOf(master);
  if (admins.length === 0) return null;
  const extra = extraEditors(master, admins);
  if (extra.length === 0) return null;
  return (
    `Cảnh báo: ${extra.join(', ')} có quyền sửa bảng tính tổng hợp nhưng không có trong "Email quản trị". ` +
    'Người có quyền sửa có thể tự thêm mình vào danh sách quản trị, sửa dữ liệu theo dõi và mã lệnh. ' +
    `Hãy thêm họ vào "Email quản trị" rồi chạy lại "Thiết lập ban đầu", hoặc chọn "${FIX_LABEL}" để chuyển họ thành người xem.`
  );
}

/**
 * Every action from the menu ends with this check: its warning joins the outcome's problems. A
 * failing check never hides the action's own result.
 */
export function withBoundaryCheck(master: MasterWorkbook, outcome: ActionOutcome): ActionOutcome {
  try {
    const problem = boundaryProblem(master);
    return problem ? { ...outcome, problems: [...outcome.problems, problem] } : outcome;
  } catch {
    return outcome;
  }
}

/**
 * Turns every editor of the master who is not an admin into a viewer (they keep reading; the owner
 * and the person running it are never touched). Asks first when run from the menu.
 */
export function restrictMasterToAdmins(ctx: ActionContext, ask: (message: string) => boolean): ActionOutcome {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  const me = ctx.user.toLowerCase();
  const extra = extraEditors(ctx.master, config.admins).filter((e) => e !== me);
  if (extra.length === 0) {
    return {
      ok: true,
      summary: 'Người có quyền sửa bảng tính tổng hợp đều là quản trị; không cần thay đổi.',
      counts: '0 người',
      problems: [],
    };
  }
  const message = `Chuyển ${extra.join(', ')} từ người sửa thành người xem bảng tính tổng hợp?`;
  if (ctx.interactive && !ask(message)) {
    return { ok: true, summary: 'Đã hủy, không thay đổi quyền.', counts: '0 người', problems: [] };
  }
  const problems: string[] = [];
  let done = 0;
  for (const email of extra) {
    try {
      ctx.master.makeViewer(email);
      done++;
    } catch (e) {
      problems.push(`Không đổi được quyền của ${email}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    ok: problems.length === 0,
    summary: `Đã chuyển ${done}/${extra.length} người thành người xem: ${extra.join(', ')}.`,
    counts: `${done} người`,
    problems,
  };
}
