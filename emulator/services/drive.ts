import { EmulatorContext } from '../core/context';

export function createDriveApp(_ctx: EmulatorContext) {
  return {};
}
