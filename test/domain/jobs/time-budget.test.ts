import {
  chunkStepMs,
  EXECUTION_LIMIT_MS,
  SAFETY_MARGIN_MS,
  TimeBudget,
} from '../../../src/domain/jobs/time-budget';

describe('TimeBudget', () => {
  it('allows a step only if it ends before the limit less the margin', () => {
    let now = 1000;
    const budget = new TimeBudget(1000, () => now);
    const room = EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS;
    expect(budget.allows(room)).toBe(true);
    expect(budget.allows(room + 1)).toBe(false);
    now += 60 * 1000;
    expect(budget.allows(room - 60 * 1000)).toBe(true);
    expect(budget.allows(room - 60 * 1000 + 1)).toBe(false);
  });
});

describe('chunkStepMs', () => {
  it('is the full step while a whole chunk remains', () => {
    expect(chunkStepMs(150000, 25, 25, 15000)).toBe(150000);
    expect(chunkStepMs(150000, 25, 1000, 15000)).toBe(150000);
  });

  it('shrinks in proportion for a last, short chunk', () => {
    expect(chunkStepMs(150000, 25, 5, 15000)).toBe(30000);
    expect(chunkStepMs(100000, 25, 3, 4000)).toBe(12000);
  });

  it('never goes below the floor for the step’s fixed costs', () => {
    expect(chunkStepMs(150000, 25, 1, 15000)).toBe(15000);
    expect(chunkStepMs(150000, 25, 0, 15000)).toBe(15000);
  });
});
