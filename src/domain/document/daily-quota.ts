/**
 * Google's daily "Documents created" quota, as the product keeps count of it: 250 a day on a
 * consumer account, 1,500 on Google Workspace (https://developers.google.com/apps-script/guides/services/quotas).
 * Apps Script cannot ask how much is left, so the product counts the documents it creates per
 * day (Pacific time, when Google's daily quotas roll) and plans a run by that count.
 */
export const DOCUMENTS_PER_DAY = { consumer: 250, workspace: 1500 } as const;

/** The count kept in a document property: the Pacific day ("2025-02-06") and how many so far. */
export interface DayCount {
  readonly day: string;
  readonly count: number;
}

export function usedOn(record: DayCount | null, day: string): number {
  return record && record.day === day ? record.count : 0;
}

export function counted(record: DayCount | null, day: string, more = 1): DayCount {
  return { day, count: usedOn(record, day) + more };
}

/** What a run of `wanted` documents can do today with `left` of the quota. */
interface DayPlan {
  readonly today: number;
  readonly later: number;
}

export function planDay(wanted: number, left: number): DayPlan {
  const today = Math.max(0, Math.min(wanted, left));
  return { today, later: wanted - today };
}

/** What the person is told when the day's quota does not cover the run (Vietnamese). */
export function quotaNotice(plan: DayPlan, limit: number, resumeAt: string): string {
  const head = `Google chỉ cho tạo ${limit} văn bản mỗi ngày cho tài khoản này`;
  if (plan.today === 0) {
    return `${head} và hôm nay đã dùng hết. ${plan.later} văn bản sẽ tự được tạo sau ${resumeAt}, không cần bấm lại.`;
  }
  return `${head}: hôm nay còn tạo được ${plan.today} văn bản, đang tạo ${plan.today} đơn vị đầu; ${plan.later} đơn vị còn lại sẽ tự được tạo sau ${resumeAt}, không cần bấm lại.`;
}
