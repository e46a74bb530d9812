import { ModeledClock } from './clock';

/**
 * A `Date` whose "now" (`new Date()`, `Date.now()`) is the modeled clock, so code under test and
 * the emulated services agree on time. Everything else is the real Date: it shares Date.prototype,
 * so `instanceof Date` and every method behave as usual.
 */
export function modeledDateClass(clock: ModeledClock): DateConstructor {
  const RealDate = Date;
  function ModeledDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(clock.nowMs()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [clock.nowMs()] : args, new.target);
  }
  ModeledDate.prototype = RealDate.prototype;
  ModeledDate.now = (): number => clock.nowMs();
  ModeledDate.parse = RealDate.parse;
  ModeledDate.UTC = RealDate.UTC;
  return ModeledDate as unknown as DateConstructor;
}
