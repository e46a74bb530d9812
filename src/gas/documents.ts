import { DocSpec, TableRowSpec } from '../domain/document/doc-spec';
import { placeholderPattern, TABLE_MARKER } from '../domain/document/placeholders';
import { renderDocument, renderTableAt } from './render-doc';

type Folder = GoogleAppsScript.Drive.Folder;
type Section =
  | GoogleAppsScript.Document.Body
  | GoogleAppsScript.Document.HeaderSection
  | GoogleAppsScript.Document.FooterSection;

/** A new Google Doc in `folder`, rendered from the spec, saved. Returns its id. */
export function createRenderedDocument(spec: DocSpec, folder: Folder): string {
  const doc = DocumentApp.create(spec.name);
  renderDocument(doc, spec);
  const id = doc.getId();
  doc.saveAndClose();
  DriveApp.getFileById(id).moveTo(folder);
  return id;
}

/** Every text of a template that placeholders may sit in: body, header, footer. */
export function templateText(templateId: string): string {
  const doc = DocumentApp.openById(templateId);
  return [doc.getBody().getText(), doc.getHeader()?.getText() ?? '', doc.getFooter()?.getText() ?? ''].join(
    '\n',
  );
}

/**
 * Fills a copy of the office's template: each {{name}} replaced where it stands (found with
 * findText and rewritten in place, so the replacement text is taken literally), the task table
 * inserted where {{BANG_NHIEM_VU}} stands. Returns the names still present afterwards (none,
 * when all went well) so the caller can refuse to publish a document with a placeholder left.
 */
export function fillTemplateCopy(
  templateId: string,
  name: string,
  folder: Folder,
  values: ReadonlyMap<string, string>,
  table: { rows: readonly TableRowSpec[]; widths: readonly number[] } | null,
): { id: string; left: string[] } {
  const copy = DriveApp.getFileById(templateId).makeCopy(name, folder);
  const doc = DocumentApp.openById(copy.getId());
  const sections: Section[] = [doc.getBody()];
  const header = doc.getHeader();
  const footer = doc.getFooter();
  if (header) sections.push(header);
  if (footer) sections.push(footer);
  for (const section of sections) for (const [key, value] of values) replaceEverywhere(section, key, value);
  if (table) insertTableAtMarker(doc.getBody(), table);
  const left = sections.flatMap((s) =>
    (s.getText().match(/\{\{[^{}]*\}\}/g) ?? []).map((m) => m.slice(2, -2).trim()),
  );
  doc.saveAndClose();
  return { id: copy.getId(), left };
}

function replaceEverywhere(section: Section, key: string, value: string): void {
  const pattern = placeholderPattern(key);
  const safe = value.replace(/\{\{/g, '{ {'); // a value can never re-create a placeholder
  for (let guard = 0; guard < 1000; guard++) {
    const found = section.findText(pattern);
    if (!found) return;
    const text = found.getElement().asText();
    const start = found.getStartOffset();
    text.deleteText(start, found.getEndOffsetInclusive());
    if (safe !== '') text.insertText(start, safe);
  }
}

function insertTableAtMarker(
  body: GoogleAppsScript.Document.Body,
  table: { rows: readonly TableRowSpec[]; widths: readonly number[] },
): void {
  const found = body.findText(placeholderPattern(TABLE_MARKER));
  if (!found) return;
  const paragraph = found.getElement().getParent();
  const index = body.getChildIndex(paragraph);
  renderTableAt(body, index, table);
  paragraph.removeFromParent();
}

/** The Doc's PDF, saved beside it. Returns the PDF's id. */
export function savePdf(docId: string, folder: Folder): string {
  const blob = DriveApp.getFileById(docId).getAs('application/pdf');
  return folder.createFile(blob).getId();
}

/** Moves a file into the folder (archiving an older version); false when it is gone. */
export function moveFile(id: string, folder: Folder): boolean {
  try {
    DriveApp.getFileById(id).moveTo(folder);
    return true;
  } catch {
    return false;
  }
}

/** A file's last update, or null when it is gone or out of reach. */
export function lastUpdatedMs(id: string): number | null {
  try {
    const file = DriveApp.getFileById(id);
    return file.isTrashed() ? null : file.getLastUpdated().getTime();
  } catch {
    return null;
  }
}
