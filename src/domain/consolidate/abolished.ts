import { OfficeConfig } from '../config/fields';
import { TWO_LEVEL_FROM_YEAR } from '../config/levels';
import { fundingSourcesMentioned } from '../parse/funding-source';
import { plainKey } from '../text/normalize';

/**
 * Since 1 July 2025 the district level (huyện) and towns (thị trấn) no longer exist. In a plan of
 * a province or a commune for 2026 or later, a funding source or an agency of that level is
 * almost always copied from last year's file: a warning at its cell, with the likely replacement.
 */
export type LevelCheck = Pick<OfficeConfig, 'level' | 'planYear' | 'coordinatingOffice'>;

/** Whether the plan is one of two-level government (the checks below apply). */
export function isTwoLevelPlan(c: LevelCheck): boolean {
  return c.level !== 'huyện' && c.planYear >= TWO_LEVEL_FROM_YEAR;
}

const GONE = 'Cấp huyện không còn từ ngày 01/7/2025';

/** The warning for a funding-source cell, or null. */
export function abolishedSourceMessage(raw: unknown, c: LevelCheck): string | null {
  if (!isTwoLevelPlan(c) || !fundingSourcesMentioned(raw).includes('ngân sách huyện')) return null;
  const own = c.level === 'tỉnh' ? 'Ngân sách tỉnh' : 'Ngân sách xã';
  return `${GONE}: kế hoạch năm ${c.planYear} không có nguồn ngân sách huyện. Đề nghị ghi "${own}" hoặc nguồn khác trong danh sách.`;
}

/** Names of bodies that no longer exist (plain key: lower case, no diacritics) and their successors. */
function replacements(c: LevelCheck): ReadonlyArray<readonly [RegExp, string, string]> {
  const province = c.level === 'tỉnh';
  return [
    [/\bphong noi vu\b/, 'Phòng Nội vụ', province ? 'Sở Nội vụ' : c.coordinatingOffice],
    [
      /\b(ubnd|uy ban nhan dan) (cac )?huyen\b/,
      'UBND huyện',
      province ? 'UBND các xã, phường, đặc khu' : 'UBND xã',
    ],
    [/\bhuyen uy\b/, 'Huyện ủy', province ? 'Tỉnh ủy' : 'Đảng ủy xã'],
    [/\b(hdnd|hoi dong nhan dan) huyen\b/, 'HĐND huyện', province ? 'HĐND tỉnh' : 'HĐND xã'],
    [/\bthi tran\b/, 'thị trấn', 'xã, phường'],
    [/\bhuyen\b/, 'cấp huyện', province ? 'cơ quan cấp tỉnh hoặc UBND cấp xã' : 'cơ quan cấp xã'],
  ];
}

/** The warning for an agency cell (lead or cooperating) naming a body that no longer exists, or null. */
export function abolishedAgencyMessage(text: string, c: LevelCheck): string | null {
  if (!isTwoLevelPlan(c) || text.trim() === '') return null;
  const key = plainKey(text).replace(/[^a-z0-9]+/g, ' ');
  for (const [pattern, name, successor] of replacements(c)) {
    if (pattern.test(key)) {
      return `${GONE}: "${name}" không còn trong kế hoạch năm ${c.planYear}. Có phải: "${successor}"?`;
    }
  }
  return null;
}
