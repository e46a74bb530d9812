import { OfficeConfig } from '../domain/config/fields';
import { parseConfig } from '../domain/config/parse-config';
import { CONFIG_VALUE_COLUMN } from '../domain/master/layout';
import { columnLetter } from '../domain/plan/columns';
import { describeProblem } from '../domain/problem';
import { MasterWorkbook } from '../gas/master';
import { ActionContext } from './action';
import { memo } from './jobs/memo';

/** The validated settings, or an Error listing every problem with its cell. */
export function loadConfig(master: MasterWorkbook): OfficeConfig {
  const { config, problems } = parseConfig(master.readConfigRows(), {
    valueColumn: columnLetter(CONFIG_VALUE_COLUMN),
  });
  if (!config) {
    throw new Error(
      ['Cấu hình chưa hợp lệ, hãy sửa rồi chạy lại:', ...problems.map((p) => `• ${describeProblem(p)}`)].join(
        '\n',
      ),
    );
  }
  return config;
}

/**
 * The settings read once per execution (per action context): a job's rights check and its setup
 * share one read of "Cấu hình" rather than reading it twice.
 */
export function configOnce(ctx: ActionContext): OfficeConfig {
  return memo(ctx, 'config', () => loadConfig(ctx.master));
}

/** Admin actions refuse anyone not listed in the settings' admin emails. */
export function requireAdmin(config: OfficeConfig, user: string): void {
  if (!user || !config.admins.includes(user.toLowerCase())) {
    throw new Error(
      `Tài khoản ${user || '(không xác định)'} không có quyền quản trị. Chỉ những email trong mục "Email quản trị" của trang Cấu hình mới được thực hiện thao tác này.`,
    );
  }
}
