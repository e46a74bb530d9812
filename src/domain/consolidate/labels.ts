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
  period: 'Giai đoạn nhiều năm',
  'ongoing-from': 'Thực hiện từ (không có hạn)',
  periodic: 'Định kỳ',
  'per-plan': 'Theo kế hoạch cấp trên',
  conditional: 'Theo điều kiện',
  empty: 'Chưa ghi',
  unreadable: 'Không đọc được',
};

export const BUDGET_KIND_LABELS: Readonly<Record<BudgetKind, string>> = {
  amount: 'Số tiền',
  recurrent: 'Kinh phí thường xuyên',
  integrated: 'Lồng ghép',
  none: 'Không',
  'source-only': 'Chỉ ghi nguồn',
  empty: 'Chưa ghi',
  unreadable: 'Không đọc được',
};
