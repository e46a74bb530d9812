import { counted, planDay, quotaNotice, usedOn } from '../../../src/domain/document/daily-quota';

describe('daily document quota (domain)', () => {
  test('a count belongs to its Pacific day only', () => {
    expect(usedOn({ day: '2025-02-05', count: 40 }, '2025-02-05')).toBe(40);
    expect(usedOn({ day: '2025-02-04', count: 40 }, '2025-02-05')).toBe(0);
    expect(usedOn(null, '2025-02-05')).toBe(0);
    expect(counted({ day: '2025-02-04', count: 40 }, '2025-02-05')).toEqual({ day: '2025-02-05', count: 1 });
    expect(counted({ day: '2025-02-05', count: 40 }, '2025-02-05', 3)).toEqual({
      day: '2025-02-05',
      count: 43,
    });
  });

  test('a run is split into what today covers and what waits', () => {
    expect(planDay(500, 250)).toEqual({ today: 250, later: 250 });
    expect(planDay(30, 250)).toEqual({ today: 30, later: 0 });
    expect(planDay(30, -1)).toEqual({ today: 0, later: 30 });
  });

  test('the notice says how many now and when the rest, in Vietnamese', () => {
    expect(quotaNotice({ today: 3, later: 7 }, 250, '15:10 ngày 06/02/2025')).toBe(
      'Google chỉ cho tạo 250 văn bản mỗi ngày cho tài khoản này: hôm nay còn tạo được 3 văn bản, đang tạo 3 đơn vị đầu; 7 đơn vị còn lại sẽ tự được tạo sau 15:10 ngày 06/02/2025, không cần bấm lại.',
    );
    expect(quotaNotice({ today: 0, later: 7 }, 250, '15:10 ngày 06/02/2025')).toContain(
      'hôm nay đã dùng hết',
    );
  });
});
