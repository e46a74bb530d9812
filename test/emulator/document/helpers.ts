import { createContext, EmulatorContext } from '../../../emulator/core/context';
import { createDocumentApp } from '../../../emulator/services/document';

export const OWNER = 'vanthu@vinhlinh.gov.vn';
export const COLLEAGUE = 'noivu@vinhlinh.gov.vn';
export const STRANGER = 'someone@other.vn';

export type DocApp = GoogleAppsScript.Document.DocumentApp;

export function setup(): { ctx: EmulatorContext; app: DocApp } {
  const ctx = createContext({ user: OWNER, start: new Date(Date.UTC(2025, 0, 2, 1, 0, 0)) });
  return { ctx, app: createDocumentApp(ctx) };
}

/** A new document and its body. */
export function newDoc(name = 'Kế hoạch CCHC năm 2025') {
  const { ctx, app } = setup();
  const doc = app.create(name);
  return { ctx, app, doc, body: doc.getBody() };
}

export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}
