import { EmulatorContext } from '../core/context';

/** Everything Logger.log and console.* wrote, for tests to read. */
export class LogSink {
  readonly lines: string[] = [];
}

export function createUtilities(_ctx: EmulatorContext) {
  return {};
}

export function createLogger(_ctx: EmulatorContext, _sink: LogSink) {
  return {};
}
