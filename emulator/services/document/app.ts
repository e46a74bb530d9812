/**
 * DocumentApp: creates and opens documents kept in the shared emulated Drive (MIME
 * application/vnd.google-apps.document, content = DocumentContent), and carries the enums.
 * https://developers.google.com/apps-script/reference/document/document-app
 */
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { MIME } from '../../core/drive-store';
import { chargeDocumentCreated, DOCS_CREATE_QUOTA_MESSAGE } from '../../core/daily-documents';
import { gasError } from '../../core/errors';
import { GAS_CLASS, signatureError } from '../support/args';
import { asGas } from '../support/gas';
import { EmuDocument } from './document';
import {
  Attribute,
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { DocHandle, requireDocumentItem } from './handle';
import { MSG } from './messages';
import { DocumentContent, TextNode } from './model';
import { normalizeRuns } from './runs';
import { paragraphsIn } from './text-view';
import { removeChild } from './tree';
import { loose } from './values';

type DA = GoogleAppsScript.Document.DocumentApp;
type G = typeof GoogleAppsScript.Document;
type AppKeys =
  | 'Attribute'
  | 'ElementType'
  | 'FontFamily'
  | 'GlyphType'
  | 'HorizontalAlignment'
  | 'ParagraphHeading'
  | 'PositionedLayout'
  | 'TextAlignment'
  | 'VerticalAlignment'
  | 'create'
  | 'getActiveDocument'
  | 'openById'
  | 'openByUrl';

/**
 * Reopening shows the saved document, in which adjacent Text elements of a paragraph are one Text
 * (Docs stores runs, not Apps Script's element boundaries): join them, drop empty ones.
 */
function joinTextElements(content: DocumentContent): void {
  for (const section of content.sections()) {
    for (const p of paragraphsIn(section)) {
      let previous: TextNode | undefined;
      for (const inline of [...p.inlines]) {
        if (inline.kind !== 'text') {
          previous = undefined;
          continue;
        }
        if (inline.runs.length === 0 || previous) {
          if (previous) previous.runs = normalizeRuns([...previous.runs, ...inline.runs]);
          removeChild(p, inline);
          continue;
        }
        previous = inline;
      }
    }
  }
}

const DOC_URL = /\/document\/d\/([A-Za-z0-9_-]+)|[?&]id=([A-Za-z0-9_-]+)/;

export class EmuDocumentApp implements Pick<DA, AppKeys> {
  readonly [GAS_CLASS] = 'DocumentApp';
  readonly Attribute = asGas<G['Attribute']>(Attribute);
  readonly ElementType = asGas<G['ElementType']>(ElementType);
  readonly FontFamily = asGas<G['FontFamily']>(FontFamily);
  readonly GlyphType = asGas<G['GlyphType']>(GlyphType);
  readonly HorizontalAlignment = asGas<G['HorizontalAlignment']>(HorizontalAlignment);
  readonly ParagraphHeading = asGas<G['ParagraphHeading']>(ParagraphHeading);
  readonly PositionedLayout = asGas<G['PositionedLayout']>(PositionedLayout);
  readonly TextAlignment = asGas<G['TextAlignment']>(TextAlignment);
  readonly VerticalAlignment = asGas<G['VerticalAlignment']>(VerticalAlignment);

  constructor(private readonly ctx: EmulatorContext) {}

  /** A new, empty document (one empty paragraph, US Letter) in the user's My Drive. */
  create(name: string): GoogleAppsScript.Document.Document {
    requireScope(this.ctx, 'DocumentApp.create', SCOPES.documents);
    this.ctx.ledger.charge('DocumentApp.create');
    if (typeof name !== 'string') signatureError('DocumentApp.create', [name]);
    // Guessed: an empty name is refused (Apps Script's reply is undocumented).
    if (name === '') gasError(MSG.invalid('name'));
    if (!chargeDocumentCreated(this.ctx, this.ctx.session.effective)) gasError(DOCS_CREATE_QUOTA_MESSAGE);
    const item = this.ctx.drive.create({ name, mimeType: MIME.document, content: new DocumentContent() });
    return loose(new EmuDocument(new DocHandle(this.ctx, item.id)));
  }

  openById(id: string): GoogleAppsScript.Document.Document {
    requireScope(this.ctx, 'DocumentApp.openById', SCOPES.documents);
    this.ctx.ledger.charge('DocumentApp.openById');
    if (typeof id !== 'string') signatureError('DocumentApp.openById', [id]);
    return this.open(id);
  }

  /** Accepts a document's edit URL (…/document/d/ID/…) or an "open?id=ID" URL. */
  openByUrl(url: string): GoogleAppsScript.Document.Document {
    requireScope(this.ctx, 'DocumentApp.openByUrl', SCOPES.documents);
    this.ctx.ledger.charge('DocumentApp.openByUrl');
    if (typeof url !== 'string') signatureError('DocumentApp.openByUrl', [url]);
    const m = DOC_URL.exec(url);
    if (!m) gasError(MSG.invalid('url'));
    return this.open(m[1] ?? m[2]);
  }

  private open(id: string): GoogleAppsScript.Document.Document {
    const item = requireDocumentItem(this.ctx, id, 'view');
    joinTextElements(item.content as DocumentContent);
    return loose(new EmuDocument(new DocHandle(this.ctx, item.id)));
  }

  /** A standalone script has no active document: null. */
  getActiveDocument(): GoogleAppsScript.Document.Document {
    requireScope(this.ctx, 'DocumentApp.getActiveDocument', SCOPES.documents);
    this.ctx.ledger.charge('DocumentApp.getActiveDocument');
    return loose(null);
  }

  toString(): string {
    return 'DocumentApp';
  }
}
