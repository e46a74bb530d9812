import { DocSpec } from '../domain/document/doc-spec';
import { docsRequests } from '../domain/document/docs-requests';
import { FONT_FAMILY, PAGE } from '../domain/document/official-format';
import { countDocumentCreated } from './doc-quota';
import { copyAll } from './drive-api';
import { fetchJsonAll, SEND_ONCE } from './fetch-batch';
import { noteFallback, noteFastPath } from './paths';
import { readDocumentJson, writeDocumentJson } from './properties';

type Folder = GoogleAppsScript.Drive.Folder;

/**
 * Documents through the Docs API: a copy of the office's layout template (Drive API files.copy)
 * filled by one documents.batchUpdate built from the DocSpec (domain/document/docs-requests.ts).
 * Faster than DocumentApp (two requests instead of dozens of calls) and able to do what DocumentApp
 * cannot: a landscape appendix, its header row repeated on every page, the signature kept whole.
 * https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate
 */
export const DOCS_API_URL = 'https://docs.googleapis.com/v1/documents';

const LAYOUT_TEMPLATE_KEY = 'cchc.docs.layoutTemplate';
/**
 * `false` in this document property sends every document the DocumentApp way (an office whose
 * Google project may not call the Docs API, or a test of that path); absent means the API first.
 */
export const DOCS_API_SWITCH_KEY = 'cchc.docs.api';
export const LAYOUT_TEMPLATE_NAME = 'Mẫu trang văn bản KH CCHC (dùng để tạo văn bản, không xóa)';

/** Whether the next run makes the layout template first (one more document of the day's quota). */
export function layoutTemplateNeeded(): boolean {
  const known = readDocumentJson<string>(LAYOUT_TEMPLATE_KEY);
  return !known || !isLiveDocument(known);
}

/**
 * The built-in layout as a template document: an empty document with Nghị định 30's A4 page and
 * margins and its font, made once per office (in the output folder) and kept; made again when it
 * is gone. Costs one document of the day's quota, once.
 */
export function layoutTemplateId(folder: Folder): string {
  const known = readDocumentJson<string>(LAYOUT_TEMPLATE_KEY);
  if (known && isLiveDocument(known)) return known;
  const doc = DocumentApp.create(LAYOUT_TEMPLATE_NAME);
  countDocumentCreated();
  const id = doc.getId();
  const body = doc.getBody();
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginTop(PAGE.marginTop)
    .setMarginBottom(PAGE.marginBottom)
    .setMarginLeft(PAGE.marginLeft)
    .setMarginRight(PAGE.marginRight);
  const attrs: Record<string, unknown> = {};
  attrs[DocumentApp.Attribute.FONT_FAMILY as unknown as string] = FONT_FAMILY;
  body.setAttributes(attrs);
  doc.saveAndClose();
  DriveApp.getFileById(id).moveTo(folder);
  writeDocumentJson(LAYOUT_TEMPLATE_KEY, id);
  return id;
}

function isLiveDocument(id: string): boolean {
  try {
    return !DriveApp.getFileById(id).isTrashed();
  } catch {
    return false;
  }
}

/** What the fast path made, or why it could not (the caller then uses DocumentApp). */
export type FastDocument = { readonly id: string } | { readonly fallback: string };

/**
 * A new Doc in `folder` with the spec's content: the template copied, then filled in one batch.
 * A batchUpdate is sent once only (a lost answer may have applied it: sending it again would
 * write everything twice); a copy that could not be filled goes to the trash.
 */
export function createThroughDocsApi(spec: DocSpec, folder: Folder): FastDocument {
  if (readDocumentJson<boolean>(DOCS_API_SWITCH_KEY) === false) return { fallback: 'tắt trong cấu hình' };
  const templateId = layoutTemplateId(folder);
  const copied = copyAll([templateId], [spec.name], folder.getId()).results[0];
  if (!copied) return { fallback: 'không sao chép được mẫu trang qua Drive API' };
  countDocumentCreated();
  const { requests } = docsRequests(spec);
  const { answers, failure } = fetchJsonAll(
    [{ url: `${DOCS_API_URL}/${copied}:batchUpdate`, method: 'post', payload: { requests } }],
    SEND_ONCE,
  );
  if (answers[0] === null) {
    noteFallback('docs-fill', failure ?? 'không rõ');
    try {
      DriveApp.getFileById(copied).setTrashed(true);
    } catch {
      // The failed fill is what the caller reports; a stray copy is archived by name later.
    }
    return { fallback: failure ?? 'không rõ' };
  }
  noteFastPath('docs-fill');
  return { id: copied };
}
