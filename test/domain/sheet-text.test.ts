import { literal, literalGrid } from '../../src/domain/sheet-text';

describe('literal', () => {
  it('prefixes every non-empty string with an apostrophe, even one that has one', () => {
    expect(literal('- Rà soát')).toBe("'- Rà soát");
    expect(literal('=IMPORTXML("x","y")')).toBe('\'=IMPORTXML("x","y")');
    expect(literal("'0012")).toBe("''0012");
    expect(literalGrid([['+84', '', 5, true]])).toEqual([["'+84", '', 5, true]]);
  });
});
