import { BudgetKind } from '../parse/budget';
import { CompletionTimeKind } from '../parse/completion-time';

export const COMPLETION_KIND_LABELS: Readonly<Record<CompletionTimeKind, string>> = {
  recurring: 'Thường xuyên',
  year: 'Trong năm',
  quarter: 'Theo quý',
  half: 'Theo 6 tháng',
  month: 'Theo tháng',
  'by-date': 'Trước ngày',
  date: 'Ngày cụ thể',
  periodic: 'Định kỳ',
  'per-plan': 'Theo kế hoạch cấp trên',
  empty: 'Chưa ghi',
  unreadable: 'Không đọc được',
};

export const BUDGET_KIND_LABELS: Readonly<Record<BudgetKind, string>> = {
  amount: 'Số tiền',
  recurrent: 'Kinh phí thường xuyên',
  integrated: 'Lồng ghép',
  none: 'Không',
  empty: 'Chưa ghi',
  unreadable: 'Không đọc được',
};
