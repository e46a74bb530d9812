import { DocSpec } from '../domain/document/doc-spec';
import { countDocumentCreated } from './doc-quota';
import { createThroughDocsApi, DocsApiMemory } from './docs-api';
import { fillSections, Section, TaskTable, templateFaults } from './fill-template';
import { renderDocument } from './render-doc';

type Folder = GoogleAppsScript.Drive.Folder;

/**
 * A new Google Doc in `folder`, rendered from the spec, saved: through the Docs API (docs-api.ts),
 * else with DocumentApp. Returns its id. When rendering
 * fails the half-made Doc goes to the trash (it would otherwise stay in the owner's My Drive).
 */
export function createRenderedDocument(spec: DocSpec, folder: Folder, memory?: DocsApiMemory): string {
  const fast = createThroughDocsApi(spec, folder, memory);
  if ('id' in fast) return fast.id;
  return renderWithDocumentApp(spec, folder);
}

/** The fallback: DocumentApp, block by block (portrait appendix, no repeated header). */
export function renderWithDocumentApp(spec: DocSpec, folder: Folder): string {
  const doc = DocumentApp.create(spec.name);
  countDocumentCreated();
  const id = doc.getId();
  try {
    renderDocument(doc, spec);
    doc.saveAndClose();
    DriveApp.getFileById(id).moveTo(folder);
  } catch (e) {
    trashFile(id);
    throw e;
  }
  return id;
}

/** Moves a file this run made to the trash (recoverable there); false when that fails too. */
export function trashFile(id: string): boolean {
  try {
    DriveApp.getFileById(id).setTrashed(true);
    return true;
  } catch {
    return false; // the error that made us clean up is the one to report
  }
}

/** Every text of a template that placeholders may sit in: body, header, footer. */
export function templateText(templateId: string): string {
  const doc = DocumentApp.openById(templateId);
  return [doc.getBody().getText(), doc.getHeader()?.getText() ?? '', doc.getFooter()?.getText() ?? ''].join(
    '\n',
  );
}

/** The template's own faults (see templateFaults), read without changing it. */
export function templateFaultsOf(templateId: string, names: readonly string[]): string[] {
  const doc = DocumentApp.openById(templateId);
  const sections: Section[] = [doc.getBody()];
  const header = doc.getHeader();
  const footer = doc.getFooter();
  if (header) sections.push(header);
  if (footer) sections.push(footer);
  return templateFaults(sections, names);
}

/**
 * Fills a copy of the office's template: each {{name}} replaced where it stands, keeping its
 * formatting (a value of several lines becoming as many paragraphs), the task table put where
 * {{BANG_NHIEM_VU}} stands. When a placeholder cannot be filled, or anything fails on the way,
 * the copy goes to the trash — no half-filled document is left — and the names left (or the
 * error) come back to the caller.
 */
export function fillTemplateCopy(
  templateId: string,
  name: string,
  folder: Folder,
  values: ReadonlyMap<string, string>,
  table: TaskTable | null,
): { id: string } | { left: string[] } {
  const copy = DriveApp.getFileById(templateId).makeCopy(name, folder);
  countDocumentCreated();
  try {
    const doc = DocumentApp.openById(copy.getId());
    const sections: Section[] = [doc.getBody()];
    const header = doc.getHeader();
    const footer = doc.getFooter();
    if (header) sections.push(header);
    if (footer) sections.push(footer);
    const left = fillSections(sections, values, table);
    doc.saveAndClose();
    if (left.length === 0) return { id: copy.getId() };
    copy.setTrashed(true);
    return { left };
  } catch (e) {
    try {
      copy.setTrashed(true);
    } catch {
      // The error that stopped the filling is the one to report.
    }
    throw e;
  }
}

/**
 * The Doc's PDF, saved beside it as "<name>.pdf". Returns the PDF's id. Named here because getAs
 * replaces whatever follows the last period of the Doc's name ("… UBND TP. Đông Hà" would give
 * "… UBND TP.pdf"): https://developers.google.com/apps-script/reference/base/blob#getAs(String)
 */
export function savePdf(docId: string, name: string, folder: Folder): string {
  const blob = DriveApp.getFileById(docId).getAs('application/pdf').setName(name);
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
