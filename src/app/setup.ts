import { CONFIG_FIELDS } from '../domain/config/fields';
import {
  Level,
  parseLevel,
  parseUnitKindLine,
  presetFor,
  TWO_LEVEL_FROM_YEAR,
  UnitKindSpec,
} from '../domain/config/levels';
import { CONFIG_SHEET, ConfigRow } from '../domain/config/parse-config';
import {
  configRows,
  configSheetSpec,
  kindListValues,
  logSheetSpec,
  MASTER_LISTS_SHEET,
  masterListsSheetSpec,
  registrySheetSpec,
} from '../domain/master/layout';
import { valueText } from '../domain/problem';
import { REGISTRY_COLUMNS, REGISTRY_HEADER_ROW, REGISTRY_SHEET } from '../domain/registry/columns';
import { splitEmails } from '../domain/registry/emails';
import { defaultPlanYear } from '../domain/dates';
import { withScriptLock } from '../gas/lock';
import { MasterWorkbook } from '../gas/master';
import { prompt } from '../gas/ui';
import { ActionContext, ActionOutcome } from './action';
import { todayInScriptZone } from './today';
import { mailLogSpec } from '../domain/tracking/mail-log';

/** The kinds the settings list now, or the level's preset when that setting is blank or invalid. */
function configuredKinds(rows: readonly ConfigRow[], level: Level): readonly UnitKindSpec[] {
  const text = valueText(rows.find((r) => r.key === 'unitKinds')?.value);
  const kinds: UnitKindSpec[] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
    const kind = parseUnitKindLine(line);
    if ('error' in kind) return presetFor(level).unitKinds;
    kinds.push(kind);
  }
  return kinds.length > 0 ? kinds : presetFor(level).unitKinds;
}

/** Headers of registry columns a newer version added (an older registry has them blank). */
function addMissingRegistryHeaders(master: MasterWorkbook): number {
  const headers = master.readRow(REGISTRY_SHEET, REGISTRY_HEADER_ROW, REGISTRY_COLUMNS.length);
  let added = 0;
  REGISTRY_COLUMNS.forEach((c, i) => {
    if (valueText(headers[i]) === '') {
      master.writeBlock(REGISTRY_SHEET, REGISTRY_HEADER_ROW, i + 1, [[c.header]]);
      added++;
    }
  });
  return added;
}

/**
 * First-run setup, safe to run again: creates the master's missing sheets ("Cấu hình", "Danh
 * mục", "Đơn vị", "Nhật ký") with the chosen level's preset, and adds setting rows and registry
 * columns a newer version introduced (an office upgrading from the 2025 district layout keeps its
 * settings and registry; the new settings take its level's defaults). Nothing already there is
 * overwritten, except the kinds' list behind the "Loại đơn vị" dropdown, which follows the
 * settings. Once admins are configured, only they may run it.
 */
export function setupWorkspace(
  ctx: ActionContext,
  year: number = defaultPlanYear(todayInScriptZone()),
  level: Level = 'huyện',
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
  const levelRow = existing.find((r) => r.key === 'level');
  const officeLevel = (levelRow && parseLevel(valueText(levelRow.value))) || level;
  const preset = presetFor(officeLevel);
  const yearRow = existing.find((r) => r.key === 'planYear');
  const officeYear = Number(valueText(yearRow?.value)) || year;
  const kinds = configWritten ? configuredKinds(existing, officeLevel) : preset.unitKinds;

  // Each sheet is created or, after a run that died midway, finished (see completeSheet).
  const specs = [
    configSheetSpec(year, user, preset),
    // Before the registry: its "Loại đơn vị" dropdown reads this sheet.
    masterListsSheetSpec(kinds),
    registrySheetSpec(),
    logSheetSpec(),
  ];
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
    const missing = configRows(officeYear, user, preset).filter((_row, i) => !keys.has(CONFIG_FIELDS[i].key));
    master.appendConfigRows(missing);
    added = missing.length;
  }
  if (!created.includes(MASTER_LISTS_SHEET))
    master.writeBlock(MASTER_LISTS_SHEET, 1, 1, kindListValues(kinds));
  let columns = 0;
  if (!created.includes(REGISTRY_SHEET)) {
    columns = addMissingRegistryHeaders(master);
    // An older registry offered a fixed list; it now offers the configured kinds.
    master.applySpecValidations(registrySheetSpec());
  }

  const parts = [
    created.length > 0 ? `Đã tạo trang: ${created.join(', ')}.` : 'Các trang đã có sẵn, không ghi đè.',
    completed.length > 0
      ? `Đã bổ sung phần còn thiếu (định dạng, kiểm tra dữ liệu, bảo vệ) cho trang: ${completed.join(', ')}.`
      : '',
    configWritten ? '' : `Mẫu cấu hình: ${preset.label}.`,
    added > 0 ? `Đã bổ sung ${added} mục cấu hình mới (theo cấp ${officeLevel}).` : '',
    columns > 0 ? `Đã bổ sung ${columns} cột ở trang "Đơn vị".` : '',
    'Tiếp theo: kiểm tra trang "Cấu hình" (điền các mục còn trống), nhập danh sách ở trang "Đơn vị", rồi chọn "Tạo bảng tính cho đơn vị".',
  ];
  return {
    ok: true,
    summary: parts.filter(Boolean).join(' '),
    counts: `tạo ${created.length} trang, bổ sung ${added} mục`,
    problems: [],
  };
}

/** The question the first run asks, and how its answer reads. */
export const PRESET_QUESTION =
  'Chọn mẫu cấu hình cho cơ quan (nhập số):\n1. Tỉnh, thành phố (Sở Nội vụ tổng hợp kế hoạch của sở, ban, ngành và UBND các xã, phường, đặc khu)\n2. Xã, phường, đặc khu (tổng hợp kế hoạch của các phòng, đơn vị thuộc UBND xã)\n3. Huyện (mẫu kế hoạch năm 2025)\nMọi giá trị đều sửa được ở trang "Cấu hình".';

/** "1"/"tỉnh" → tỉnh, "2"/"xã" → xã, "3"/"huyện" → huyện; '' → null (not chosen). */
export function presetAnswer(text: string): Level | null {
  const t = text.trim();
  if (t === '1') return 'tỉnh';
  if (t === '2') return 'xã';
  if (t === '3') return 'huyện';
  return parseLevel(t);
}

/**
 * "Thiết lập ban đầu" from the menu: the first run (no "Cấu hình" yet) asks which preset; a blank
 * answer keeps the 2025 district only for a plan year before two-level government, later years
 * must choose. The dialog is shown before the script lock is taken.
 */
export function setupFromMenu(ctx: ActionContext): ActionOutcome {
  const year = defaultPlanYear(todayInScriptZone());
  let level: Level = 'huyện';
  if (!ctx.master.sheet(CONFIG_SHEET)) {
    const answer = prompt('Thiết lập ban đầu', PRESET_QUESTION);
    if (answer === null) {
      return { ok: false, summary: 'Đã hủy thiết lập, chưa tạo trang nào.', counts: '', problems: [] };
    }
    const chosen = presetAnswer(answer);
    if (!chosen && (answer.trim() !== '' || year >= TWO_LEVEL_FROM_YEAR)) {
      throw new Error(
        `Chưa chọn được mẫu cấu hình từ "${answer.trim()}". Chạy lại "Thiết lập ban đầu" và nhập 1 (tỉnh), 2 (xã) hoặc 3 (huyện, mẫu năm 2025).`,
      );
    }
    level = chosen ?? 'huyện';
  }
  return withScriptLock('Thiết lập ban đầu', () => setupWorkspace(ctx, year, level));
}
