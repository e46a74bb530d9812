import {
  decodeDone,
  encodeDone,
  progressAgainst,
  withDone,
  withoutDone,
} from '../../../src/domain/jobs/done-codes';
import { manyUnits } from '../../fixtures/many-units';

describe('the codes a paused job has done', () => {
  it('round-trips any set of codes, sorted, once each', () => {
    const codes = [
      'SNV12',
      'SNV1',
      'A',
      'SNV1',
      'UBX',
      'SNV',
      'Sở-Nội vụ',
      'x'.repeat(60),
      'x'.repeat(61),
      'y'.repeat(100),
      'y'.repeat(30) + 'z',
      ':z:',
    ];
    expect(decodeDone(encodeDone(codes))).toEqual(Array.from(new Set(codes)).sort());
    expect(decodeDone('')).toEqual([]);
    expect(decodeDone(undefined)).toEqual([]);
  });

  it('keeps a province of 1,000 units well under a Properties value (9 KB) with the rest of a state', () => {
    const codes = manyUnits(1000).map((u) => u.code);
    const encoded = encodeDone(codes);
    expect(decodeDone(encoded)).toEqual([...codes].sort());
    expect(JSON.stringify(encoded).length).toBeLessThan(4500);
  });

  it('measures progress against the registry as it is now: new units to do, removed ones named', () => {
    const done = withDone('', ['A', 'B', 'C']);
    const progress = progressAgainst([{ code: 'C' }, { code: 'D' }, { code: 'A' }], done);
    expect(progress.todo).toEqual([{ code: 'D' }]);
    expect(progress.done).toBe(2);
    expect(progress.removed).toEqual(['B']);
    expect(decodeDone(withoutDone(done, progress.removed))).toEqual(['A', 'C']);
  });
});
