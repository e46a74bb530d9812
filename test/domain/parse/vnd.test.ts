import { formatVnd, readWrittenNumber } from '../../../src/domain/parse/vnd';
import { formatVnd as reExported } from '../../../src/domain/parse/budget';

describe('formatVnd', () => {
  it.each<[number, string]>([
    [0, '0'],
    [5, '5'],
    [999, '999'],
    [1000, '1.000'],
    [50000000, '50.000.000'],
    [1234567890, '1.234.567.890'],
    [-1234567, '-1.234.567'],
    [1234.5, '1.235'],
    [-0.4, '0'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
    [NaN, ''],
    [Infinity, ''],
  ])('%p → %j', (n, text) => {
    expect(formatVnd(n)).toBe(text);
  });

  it('is also exported from budget.ts', () => {
    expect(reExported(50000000)).toBe('50.000.000');
  });
});

describe('readWrittenNumber', () => {
  it.each([
    ['50000000', '50000000', '', false],
    ['50.000.000', '50000000', '', true],
    ['50,000,000', '50000000', '', true],
    ['50 000 000', '50000000', '', true],
    ['50.000.000,5', '50000000', '5', true],
    ['50,000,000.5', '50000000', '5', true],
    ['50 000 000,5', '50000000', '5', true],
    ['1.500', '1500', '', true],
    ['50,5', '50', '5', false],
    ['50.5', '50', '5', false],
    ['0.500', '0', '500', false],
    ['1234.567', '1234', '567', false],
  ])('%j → %s,%s', (run, whole, fraction, grouped) => {
    expect(readWrittenNumber(run)).toEqual({ whole, fraction, grouped, commaThousandsOrDecimal: false });
  });

  it('marks a single comma before three digits as doubtful', () => {
    expect(readWrittenNumber('1,500')).toEqual({
      whole: '1500',
      fraction: '',
      grouped: true,
      commaThousandsOrDecimal: true,
    });
  });

  it.each(['50.00.000', '1.2.3,4,5', '50,000.000,5', '1234.567.890', '50 00', '5 000.000,0'])(
    'rejects %j',
    (run) => {
      expect(readWrittenNumber(run)).toBeNull();
    },
  );
});
