/**
 * Document: the opened file. Name and URL come from Drive; body, header and footer from the model.
 * saveAndClose() closes this object and every element obtained from it ("Document is closed, its
 * contents cannot be updated."); DocumentApp.openById gives a fresh, open one.
 * https://developers.google.com/apps-script/reference/document/document
 */
import { EmulatorContext } from '../../core/context';
import { DriveItem } from '../../core/drive-store';
import { gasError } from '../../core/errors';
import { GAS_CLASS, signatureError } from '../support/args';
import { renameExtension } from '../support/blob';
import { asGas } from '../support/gas';
import { DocBlob } from './blob';
import { EmuBody } from './elements/body';
import { EmuFooterSection, EmuHeaderSection } from './elements/sections';
import { DocHandle } from './handle';
import { MSG } from './messages';
import { DocumentContent, newSection } from './model';
import { documentPdf } from './pdf';
import { registerTree } from './tree';
import { modelView } from './view';
import { loose } from './values';

type D = GoogleAppsScript.Document.Document;
type DocKeys =
  | 'addFooter'
  | 'addHeader'
  | 'getAs'
  | 'getBlob'
  | 'getBody'
  | 'getFooter'
  | 'getHeader'
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'saveAndClose'
  | 'setName';

const PDF = 'application/pdf';

/**
 * The document as a file of `contentType` — only PDF ("currently only 'application/pdf' is
 * supported", Document.getAs reference). Also what DriveApp's File.getBlob/getAs need for a Doc.
 * Named as getAs names every blob: the text after the document name's last period is replaced by
 * "pdf" ("UBND TP. Đông Hà" gives "UBND TP.pdf"), so code that wants "<name>.pdf" must setName.
 * https://developers.google.com/apps-script/reference/document/document#getAs(String)
 */
export function exportDocument(
  item: DriveItem,
  contentType: string,
): { bytes: Buffer; contentType: string; name: string } {
  if (contentType.toLowerCase() !== PDF) gasError(MSG.convert(contentType));
  const content = item.content as DocumentContent;
  return {
    bytes: documentPdf(modelView(item.id, item.name, content)),
    contentType: PDF,
    name: renameExtension(item.name, PDF) ?? `${item.name}.pdf`,
  };
}

export class EmuDocument implements Pick<D, DocKeys> {
  readonly [GAS_CLASS] = 'DocumentApp.Document';

  constructor(private readonly handle: DocHandle) {}

  private get ctx(): EmulatorContext {
    return this.handle.ctx;
  }

  private charge(method: string): void {
    this.handle.charge(`Document.${method}`);
  }

  getId(): string {
    this.charge('getId');
    return this.handle.item('view').id;
  }

  getName(): string {
    this.charge('getName');
    return this.handle.item('view').name;
  }

  setName(name: string): D {
    this.charge('setName');
    if (typeof name !== 'string') signatureError('DocumentApp.Document.setName', [name]);
    if (name === '') gasError(MSG.invalid('name'));
    const item = this.handle.item('edit');
    item.name = name;
    this.ctx.drive.touch(item);
    return asGas<D>(this);
  }

  /** Document.getUrl gives the "open?id=" form (unlike Drive's File.getUrl). */
  getUrl(): string {
    this.charge('getUrl');
    return `https://docs.google.com/open?id=${this.handle.item('view').id}`;
  }

  getBody(): GoogleAppsScript.Document.Body {
    this.charge('getBody');
    return loose(new EmuBody(this.handle, this.handle.read().body));
  }

  /** The header, or null when the document has none. */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    this.charge('getHeader');
    const header = this.handle.read().header;
    return loose(header ? new EmuHeaderSection(this.handle, header) : null);
  }

  getFooter(): GoogleAppsScript.Document.FooterSection {
    this.charge('getFooter');
    const footer = this.handle.read().footer;
    return loose(footer ? new EmuFooterSection(this.handle, footer) : null);
  }

  /** A new header holding one empty paragraph; a second one fails (seen live). */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    this.charge('addHeader');
    const content = this.handle.edit();
    if (content.header) gasError(MSG.headerExists);
    content.header = newSection('header');
    registerTree(content.header, content);
    this.handle.touched();
    return loose(new EmuHeaderSection(this.handle, content.header));
  }

  addFooter(): GoogleAppsScript.Document.FooterSection {
    this.charge('addFooter');
    const content = this.handle.edit();
    if (content.footer) gasError(MSG.footerExists);
    content.footer = newSection('footer');
    registerTree(content.footer, content);
    this.handle.touched();
    return loose(new EmuFooterSection(this.handle, content.footer));
  }

  /** Saves (a no-op here: edits are live) and closes this Document and its elements. */
  saveAndClose(): void {
    this.charge('saveAndClose');
    this.handle.close();
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.charge('getAs');
    if (typeof contentType !== 'string') signatureError('DocumentApp.Document.getAs', [contentType]);
    return this.export(contentType);
  }

  /** The document as PDF (application/pdf), named as getAs names it. */
  getBlob(): GoogleAppsScript.Base.Blob {
    this.charge('getBlob');
    return this.export(PDF);
  }

  private export(contentType: string): GoogleAppsScript.Base.Blob {
    const item = this.handle.item('view');
    const out = exportDocument(item, contentType);
    return loose(new DocBlob(this.ctx, out.bytes, out.contentType, out.name));
  }

  toString(): string {
    return 'Document';
  }
}
