import { EmulatorContext } from '../core/context';

export function createLockService(_ctx: EmulatorContext) {
  return {};
}
