/** A document's model view as PDF bytes (Document.getAs('application/pdf'), File.getBlob()). */
import { DocumentModel } from '../view';
import { layoutDocument } from './layout';
import { writePdf } from './writer';

export function documentPdf(model: DocumentModel): Buffer {
  return writePdf(layoutDocument(model), {
    width: model.page.width,
    height: model.page.height,
    title: model.name,
  });
}
