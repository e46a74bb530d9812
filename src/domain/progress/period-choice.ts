import { compareDates, DateOnly, formatDateVn } from '../dates';
import { ReportingPeriod } from './periods';

/**
 * The period a consolidation run is for: the latest whose cut-off is on or before today. Its
 * figures are final from that day (units report on the state at the cut-off), and until the next
 * cut-off it is the one the office is chasing and reporting upstream. Chosen by rule rather than
 * asked, so the run needs no dialog (a continuation by trigger can have none) and two admins get
 * the same period. Before the first cut-off there is nothing to consolidate.
 */
export function consolidationPeriod(
  periods: readonly ReportingPeriod[],
  today: DateOnly,
): ReportingPeriod | { error: string } {
  const due = periods.filter((p) => compareDates(p.cutOff, today) <= 0);
  const latest = due[due.length - 1];
  if (latest) return latest;
  const first = periods[0];
  return {
    error: first
      ? `Chưa đến ngày chốt số liệu của kỳ báo cáo nào: kỳ đầu tiên, ${first.name}, chốt số liệu ngày ${formatDateVn(first.cutOff)}. Tổng hợp tiến độ từ ngày đó (xem "Kỳ báo cáo tiến độ" trong trang Cấu hình).`
      : 'Chưa có kỳ báo cáo nào trong "Kỳ báo cáo tiến độ" (trang Cấu hình).',
  };
}
