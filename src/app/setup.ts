import { CONFIG_FIELDS } from '../domain/config/fields';
import { CONFIG_SHEET } from '../domain/config/parse-config';
import { configRows, configSheetSpec, logSheetSpec, registrySheetSpec } from '../domain/master/layout';
import { splitEmails } from '../domain/registry/emails';
import { defaultPlanYear } from '../domain/dates';
import { ActionContext, ActionOutcome } from './action';
import { todayInScriptZone } from './today';
import { mailLogSpec } from '../domain/tracking/mail-log';

/**
 * First-run setup, safe to run again: creates the master's missing sheets ("Cấu hình", "Đơn vị",
 * "Nhật ký") and adds setting rows a newer version introduced. Nothing already there is
 * overwritten. Once admins are configured, only they may run it.
 */
export function setupWorkspace(
  ctx: ActionContext,
  year: number = defaultPlanYear(todayInScriptZone()),
): ActionOutcome {
  const { master, user } = ctx;
  const configSheet = master.sheet(CONFIG_SHEET);
  // Empty when a run died right after creating it: then it is written whole, not appended to.
  const configWritten = configSheet !== null && configSheet.getLastRow() > 0;
  const existing = configSheet ? master.readConfigRows() : [];
  const adminRow = existing.find((r) => r.key === 'admins');
  const admins = adminRow ? splitEmails(String(adminRow.value)) : [];
  if (admins.length > 0 && !admins.includes(user)) {
    throw new Error(
      `Tài khoản ${user || '(không xác định)'} không có quyền quản trị nên không thể chạy lại thiết lập.`,
    );
  }
  const editors = admins.length > 0 ? admins : [user];

  // Each sheet is created or, after a run that died midway, finished (see completeSheet).
  const specs = [configSheetSpec(year, user), registrySheetSpec(), logSheetSpec()];
  const done = specs.map((spec) => ({ name: spec.name, how: master.completeSheet(spec, editors) }));
  const created = done.filter((d) => d.how === 'created').map((d) => d.name);
  const completed = done.filter((d) => d.how === 'completed').map((d) => d.name);

  // Admins added to the settings since the last setup get the protected sheets too (and a
  // protection a dead run left editable by every editor of the master is restricted).
  // Data sheets that older versions protected with a warning only become admin-only.
  const harden = mailLogSpec().protections?.map((p) => p.description) ?? [];
  master.syncProtectionEditors(editors, created, harden);

  let added = 0;
  if (configWritten) {
    const keys = new Set(existing.map((r) => r.key));
    const missing = configRows(year, user).filter((_row, i) => !keys.has(CONFIG_FIELDS[i].key));
    master.appendConfigRows(missing);
    added = missing.length;
  }

  const parts = [
    created.length > 0 ? `Đã tạo trang: ${created.join(', ')}.` : 'Các trang đã có sẵn, không ghi đè.',
    completed.length > 0
      ? `Đã bổ sung phần còn thiếu (định dạng, kiểm tra dữ liệu, bảo vệ) cho trang: ${completed.join(', ')}.`
      : '',
    added > 0 ? `Đã bổ sung ${added} mục cấu hình mới.` : '',
    'Tiếp theo: kiểm tra trang "Cấu hình", nhập danh sách ở trang "Đơn vị", rồi chọn "Tạo bảng tính cho đơn vị".',
  ];
  return {
    ok: true,
    summary: parts.filter(Boolean).join(' '),
    counts: `tạo ${created.length} trang, bổ sung ${added} mục`,
    problems: [],
  };
}
