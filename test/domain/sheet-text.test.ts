import { literal, literalGrid } from '../../src/domain/sheet-text';

describe('literal', () => {
  it('prefixes every non-empty string with an apostrophe, even one that has one', () => {
    expect(literal('- Rà soát')).toBe("'- Rà soát");
    expect(literal('=IMPORTXML("x","y")')).toBe('\'=IMPORTXML("x","y")');
    expect(literal("'0012")).toBe("''0012");
    expect(literalGrid([['+84', '', 5, true]])).toEqual([["'+84", '', 5, true]]);
  });

  it('leaves out the apostrophe only where it would not fit: a 50,000-character text starting with a letter', () => {
    const long = `Kiểm tra ${'x'.repeat(49_991)}`;
    expect(long.length).toBe(50_000);
    expect(literal(long)).toBe(long);
    expect(literal(`-${long.slice(1)}`)).toBe(`'-${long.slice(1)}`); // would be a formula: kept quoted
    expect(literal(long.slice(1))).toBe(`'${long.slice(1)}`); // the apostrophe fits
  });
});
