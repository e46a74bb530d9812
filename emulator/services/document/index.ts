/**
 * The emulated DocumentApp. `createDocumentApp(ctx)` gives the global; `documentModelOf(ctx, id)`
 * is the read-only model view for tests and exporters (see view.ts); `exportDocument(item, type)`
 * renders a document file as PDF bytes, for DriveApp's File.getBlob/getAs.
 */
import { EmulatorContext } from '../../core/context';
import { EmuDocumentApp } from './app';
// Element classes register their wrappers when loaded (elements/wrap.ts).
import './elements/body';
import './elements/inline';
import './elements/list-item';
import './elements/paragraph';
import './elements/sections';
import './elements/table';
import './elements/table-cell';
import './elements/table-row';
import './elements/text';

export { DocBlob } from './blob';
export { exportDocument } from './document';
export { DocumentContent } from './model';
export { documentModelOf } from './view';
export type {
  BlockView,
  CellView,
  DocumentModel,
  InlineView,
  ParagraphView,
  ResolvedTextStyle,
  RowView,
  RunView,
  TableView,
} from './view';

export function createDocumentApp(ctx: EmulatorContext): GoogleAppsScript.Document.DocumentApp {
  return new EmuDocumentApp(ctx) as unknown as GoogleAppsScript.Document.DocumentApp;
}
