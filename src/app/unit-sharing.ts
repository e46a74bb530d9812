import { OfficeConfig } from '../domain/config/fields';
import { Unit } from '../domain/registry/unit';
import { FileSharing } from '../gas/drive-api';

/**
 * A unit can share its own file with anyone (its focal points are editors). The status refresh
 * notices it from the unit folder's listing (`sharing`: the one listing per execution that also
 * gives the files' modified times, drive-api.ts) — no call per file — and reports it; bringing the
 * sharing back in line is the template push's job, so nothing is changed here. Files the listing
 * does not describe (a shared drive, or the Drive API not answering) are not judged.
 */
export function sharingProblems(
  config: OfficeConfig,
  units: readonly Unit[],
  sharing: ReadonlyMap<string, FileSharing>,
): string[] {
  const problems: string[] = [];
  for (const unit of units) {
    const s = sharing.get(unit.fileId);
    if (!s) continue;
    const allowed = new Set([...unit.focalEmails, ...config.admins].map((e) => e.toLowerCase()));
    const extra = s.writers.filter((e) => e !== s.owner && !allowed.has(e));
    if (extra.length === 0 && !s.general) continue;
    const parts = [
      extra.length > 0 ? `cho ${extra.join(', ')} quyền sửa` : '',
      s.general ? 'mở cho mọi người có đường liên kết' : '',
    ].filter(Boolean);
    problems.push(
      `${unit.name}: tệp đang được chia sẻ ngoài danh sách đầu mối (${parts.join('; ')}). ` +
        'Chọn "Cập nhật mẫu cho các đơn vị" để đưa việc chia sẻ về đúng danh sách.',
    );
  }
  return problems;
}
