import {
  calendarDateFromSerial,
  calendarDateInVietnam,
  compareDates,
  daysInMonth,
  endOfQuarter,
  formatDate,
  isLeapYear,
  makeDate,
  serialFromCalendarDate,
} from '../../../src/domain/parse/calendar';

describe('calendar', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('makes only dates that exist', () => {
    expect(makeDate(2025, 12, 15)).toEqual({ y: 2025, m: 12, d: 15 });
    expect(makeDate(2025, 2, 31)).toBeNull();
    expect(makeDate(2025, 2, 29)).toBeNull();
    expect(makeDate(2024, 2, 29)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(makeDate(2025, 13, 1)).toBeNull();
    expect(makeDate(2025, 0, 1)).toBeNull();
    expect(makeDate(2025, 1, 0)).toBeNull();
    expect(makeDate(2025, 1.5, 1)).toBeNull();
  });

  it('gives quarter ends', () => {
    expect([1, 2, 3, 4].map((q) => formatDate(endOfQuarter(2025, q)))).toEqual([
      '31/03/2025',
      '30/06/2025',
      '30/09/2025',
      '31/12/2025',
    ]);
  });

  it('compares dates', () => {
    expect(compareDates({ y: 2025, m: 1, d: 31 }, { y: 2025, m: 2, d: 1 })).toBeLessThan(0);
    expect(compareDates({ y: 2026, m: 1, d: 1 }, { y: 2025, m: 12, d: 31 })).toBeGreaterThan(0);
    expect(compareDates({ y: 2025, m: 6, d: 30 }, { y: 2025, m: 6, d: 30 })).toBe(0);
  });

  it('reads a Date as its calendar date in Vietnam (UTC+7)', () => {
    // Midnight of 15/12/2025 in Hà Nội is 17:00 UTC the day before.
    expect(calendarDateInVietnam(new Date(Date.UTC(2025, 11, 14, 17, 0)))).toEqual({ y: 2025, m: 12, d: 15 });
    expect(calendarDateInVietnam(new Date(Date.UTC(2025, 11, 15, 16, 59)))).toEqual({
      y: 2025,
      m: 12,
      d: 15,
    });
    expect(calendarDateInVietnam(new Date(Date.UTC(2025, 11, 15, 17, 0)))).toEqual({ y: 2025, m: 12, d: 16 });
    // No daylight saving: the same offset in June.
    expect(calendarDateInVietnam(new Date(Date.UTC(2025, 5, 29, 17, 0)))).toEqual({ y: 2025, m: 6, d: 30 });
    expect(calendarDateInVietnam(new Date(NaN))).toBeNull();
  });

  it('reads Sheets date serials', () => {
    expect(calendarDateFromSerial(45658)).toEqual({ y: 2025, m: 1, d: 1 });
    expect(calendarDateFromSerial(46006)).toEqual({ y: 2025, m: 12, d: 15 });
    expect(calendarDateFromSerial(46006.99)).toEqual({ y: 2025, m: 12, d: 15 });
    expect(calendarDateFromSerial(60)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(calendarDateFromSerial(1)).toBeNull();
    expect(calendarDateFromSerial(1e9)).toBeNull();
    expect(calendarDateFromSerial(NaN)).toBeNull();
  });

  it('turns a date back into its serial', () => {
    expect(serialFromCalendarDate({ y: 2025, m: 12, d: 15 })).toBe(46006);
    expect(serialFromCalendarDate({ y: 2024, m: 2, d: 29 })).toBe(45351);
  });

  it('formats dd/mm/yyyy with leading zeros', () => {
    expect(formatDate({ y: 2025, m: 2, d: 5 })).toBe('05/02/2025');
    expect(formatDate({ y: 2025, m: 12, d: 15 })).toBe('15/12/2025');
  });
});
