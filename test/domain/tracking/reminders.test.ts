import { dueTier, reminderMail } from '../../../src/domain/tracking/reminders';

const policy = { daysBefore: 3, overdueEveryDays: 3 };
const deadline = { y: 2025, m: 2, d: 15 };
const day = (d: number, m = 2) => ({ y: 2025, m, d });

describe('dueTier', () => {
  it('sends before, on the day, then every few days when overdue, never the same tier twice', () => {
    const sent: string[] = [];
    const keys: (string | null)[] = [];
    for (let d = 10; d <= 28; d++) {
      const tier = dueTier('drafting', deadline, day(d), sent, policy);
      keys.push(tier?.key ?? null);
      if (tier) sent.push(tier.key);
    }
    expect(keys.filter(Boolean)).toEqual([
      'before',
      'due-day',
      'overdue-1',
      'overdue-2',
      'overdue-3',
      'overdue-4',
      'overdue-5',
    ]);
    expect(keys.slice(0, 3)).toEqual([null, null, 'before']); // 10, 11 Feb: too early; 12 Feb: 3 days left
    expect(keys[6]).toBe('overdue-1'); // 16 Feb
    expect(keys[9]).toBe('overdue-2'); // 19 Feb
  });

  it('sends nothing to a unit that submitted, and copies the head only when overdue', () => {
    expect(dueTier('submitted', deadline, day(20), [], policy)).toBeNull();
    expect(dueTier('accepted', deadline, day(14), [], policy)).toBeNull();
    expect(dueTier('drafting', deadline, day(14), [], policy)?.ccHead).toBe(false);
    expect(dueTier('returned', deadline, day(17), [], policy)?.ccHead).toBe(true);
  });
});

describe('reminderMail', () => {
  it('names the unit, round, deadline, link and problems, in Vietnamese', () => {
    const tier = dueTier('drafting', deadline, day(18), [], policy);
    if (!tier) throw new Error('no tier');
    const mail = reminderMail(tier, {
      unitName: 'Phòng Tư pháp',
      roundLabel: 'Kế hoạch CCHC năm 2025',
      deadline,
      fileUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
      problems: 4,
      office: 'Phòng Nội vụ',
      focalEmails: ['a@tp.vn'],
      headEmail: 'head@tp.vn',
    });
    expect(mail.subject).toBe('[Quá hạn] Kế hoạch CCHC năm 2025 - Phòng Tư pháp');
    expect(mail.cc).toEqual(['head@tp.vn']);
    expect(mail.body).toContain('đã quá hạn 3 ngày (hạn 15/02/2025)');
    expect(mail.body).toContain('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(mail.body).toContain('4 lỗi dữ liệu');
  });
});
