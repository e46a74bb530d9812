import { createContext, EmulatorContext } from '../../../emulator/core/context';
import { createSpreadsheetApp, UiRecorder } from '../../../emulator/services/spreadsheet';

export const OWNER = 'office@unit.vn';
export const FOCAL = 'focal@unit.vn';

export interface World {
  ctx: EmulatorContext;
  ui: UiRecorder;
  app: ReturnType<typeof createSpreadsheetApp>;
}

/** A fresh emulator context with SpreadsheetApp, run by OWNER in Asia/Ho_Chi_Minh, locale vi. */
export function world(opts: { locale?: string; start?: Date } = {}): World {
  const ctx = createContext({ user: OWNER, start: opts.start ?? new Date(Date.UTC(2025, 0, 2, 1, 0, 0)) });
  if (opts.locale) ctx.session.locale = opts.locale;
  const ui = new UiRecorder(ctx);
  return { ctx, ui, app: createSpreadsheetApp(ctx, ui) };
}

/** The first sheet of a new file. */
export function newSheet(w: World, name = 'Test'): GoogleAppsScript.Spreadsheet.Sheet {
  return w.app.create(name).getSheets()[0];
}

/** The exception a call throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}
