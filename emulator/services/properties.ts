import { EmulatorContext } from '../core/context';

export function createPropertiesService(_ctx: EmulatorContext) {
  return {};
}
