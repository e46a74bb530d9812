import {
  failedRow,
  MAIL_FAILED,
  MAIL_INTENT,
  MAIL_LOG_HEADERS,
  MAIL_SENT,
  MAIL_UNCERTAIN,
  sentFromRow,
} from '../../../src/domain/tracking/mail-log';

const row = (code: string, tier: string, state: string) => [
  '16/02/2025 09:00',
  code,
  `Đơn vị ${code}`,
  'Kế hoạch CCHC năm 2025',
  'plan',
  tier,
  `cchc.${code.toLowerCase()}@example.vn`,
  '',
  `[Quá hạn] ${code}`,
  state,
];

describe('"Thư đã gửi": the row a retried send reuses, and a run’s own count', () => {
  const grid = [
    [...MAIL_LOG_HEADERS],
    row('TP', 'overdue-1', MAIL_SENT), // row 2
    row('HX', 'overdue-1', MAIL_FAILED), // row 3
    row('VO', 'overdue-1', MAIL_UNCERTAIN), // row 4
    row('HX', 'overdue-1', MAIL_FAILED), // row 5: an older log may hold two
    row('BQLDA', 'overdue-1', MAIL_INTENT), // row 6
  ];

  it('finds the last refused row of exactly that email', () => {
    expect(failedRow(grid, 'HX', 'plan', 'overdue-1')).toBe(5);
    expect(failedRow(grid, 'HX', 'plan', 'before-3')).toBeNull();
    expect(failedRow(grid, 'HX', 'proposals', 'overdue-1')).toBeNull();
    expect(failedRow(grid, 'TP', 'plan', 'overdue-1')).toBeNull(); // sent: never reused
    expect(failedRow(grid, 'VO', 'plan', 'overdue-1')).toBeNull(); // maybe sent: never reused
  });

  it('counts what went or may have gone from a row on, not what was refused', () => {
    expect(sentFromRow(grid, 2)).toBe(3); // TP, VO (uncertain), BQLDA (intent)
    expect(sentFromRow(grid, 4)).toBe(2);
    expect(sentFromRow(grid, 7)).toBe(0);
    expect(sentFromRow([[...MAIL_LOG_HEADERS]], 1)).toBe(0); // the header is no email
  });
});
