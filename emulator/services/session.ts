import { EmulatorContext } from '../core/context';

export function createSession(_ctx: EmulatorContext) {
  return {};
}
