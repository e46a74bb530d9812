import { describeProblem } from '../domain/problem';
import { parseRegistry } from '../domain/registry/parse-registry';
import { UNIT_KIND_LABELS } from '../domain/registry/unit';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';

/** "Kiểm tra danh sách đơn vị": validates the registry without creating anything. */
export function checkRegistry(ctx: ActionContext): ActionOutcome {
  requireAdmin(loadConfig(ctx.master), ctx.user);
  const { units, problems } = parseRegistry(ctx.master.readRegistry());
  const byKind = (Object.keys(UNIT_KIND_LABELS) as (keyof typeof UNIT_KIND_LABELS)[])
    .map((k) => `${UNIT_KIND_LABELS[k]}: ${units.filter((u) => u.kind === k).length}`)
    .join('; ');
  return {
    ok: problems.length === 0,
    summary:
      problems.length === 0
        ? `Danh sách hợp lệ: ${units.length} đơn vị (${byKind}).`
        : `Danh sách có ${problems.length} lỗi cần sửa trước khi tạo tệp:`,
    counts: `${units.length} đơn vị hợp lệ, ${problems.length} lỗi`,
    problems: problems.map(describeProblem),
  };
}
