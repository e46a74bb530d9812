import { EmulatorContext } from '../../core/context';

/** Records menus, toasts and alerts; answers alert/prompt with scripted answers. (stub) */
export class UiRecorder {
  constructor(readonly ctx: EmulatorContext) {}
}

export function createSpreadsheetApp(_ctx: EmulatorContext, _ui: UiRecorder) {
  return {};
}
