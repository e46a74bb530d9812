import { describeProblem } from '../domain/problem';
import { parseRegistry } from '../domain/registry/parse-registry';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';

/** "Kiểm tra danh sách đơn vị": validates the registry without creating anything. */
export function checkRegistry(ctx: ActionContext): ActionOutcome {
  const config = loadConfig(ctx.master);
  requireAdmin(config, ctx.user);
  const { units, problems } = parseRegistry(ctx.master.readRegistry(), {
    kinds: config.unitKinds,
    placeName: config.placeName,
    issuingAuthority: config.issuingAuthority,
  });
  const byKind = config.unitKinds
    .map((k) => `${k.label}: ${units.filter((u) => u.kind === k.label).length}`)
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
