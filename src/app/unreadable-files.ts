/**
 * The consolidations' and the status refresh's guard against an admin who cannot open the unit files: when most of them
 * are out of reach, it is this admin's access (the unit folder not shared with them), not the
 * units' data, and the run replaces nothing — it keeps the last result and says whose access.
 */

/** Unit files named in a run's outcome at most (the count is kept whole). */
export const MAX_KEPT_UNREADABLE = 60;

/** More unreadable files than this share of the units: the run replaces nothing. */
const MOST_UNREADABLE = 0.5;

export function mostUnreadable(unreadable: number, total: number): boolean {
  return total > 0 && unreadable > total * MOST_UNREADABLE;
}

/** The refusal's summary and counts; `kept`: what was kept, and what to do (Vietnamese). */
export function unreadableRefusal(
  unreadable: number,
  total: number,
  user: string,
  kept: string,
): { summary: string; counts: string } {
  return {
    summary: `Không đọc được tệp của ${unreadable}/${total} đơn vị: có lẽ tài khoản ${user} chưa được chia sẻ thư mục bảng tính đơn vị. ${kept}`,
    counts: `không đọc được ${unreadable}/${total} đơn vị`,
  };
}
