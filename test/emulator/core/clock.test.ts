import { ModeledClock } from '../../../emulator/core/clock';
import { modeledDateClass } from '../../../emulator/core/modeled-date';

describe('ModeledClock and the modeled Date', () => {
  it('gives `new Date()` and Date.now() the modeled instant, other constructors the real meaning', () => {
    const clock = new ModeledClock(Date.UTC(2025, 1, 15, 3));
    const ModeledDate = modeledDateClass(clock);
    expect(new ModeledDate().toISOString()).toBe('2025-02-15T03:00:00.000Z');
    clock.advance(60_000);
    expect(ModeledDate.now()).toBe(Date.UTC(2025, 1, 15, 3, 1));
    expect(new ModeledDate(0).getTime()).toBe(0);
    expect(new ModeledDate(2025, 0, 10).getFullYear()).toBe(2025);
    expect(new ModeledDate() instanceof Date).toBe(true);
  });

  it('never goes backwards', () => {
    const clock = new ModeledClock(1000);
    expect(() => clock.set(999)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
