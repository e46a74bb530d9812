import { BODY, SIZE } from './official-format';

/**
 * A document described as data, in the roles Nghị định 30/2020 names. Built and checked in the
 * domain; src/gas/render-doc.ts turns it into DocumentApp calls (one appendTable per table,
 * formatting per paragraph and per table row, never per cell).
 */
export type ParaRole =
  | 'authority-parent'
  | 'authority'
  | 'rule'
  | 'number'
  | 'national'
  | 'motto'
  | 'place-date'
  | 'title'
  | 'subject'
  | 'heading1'
  | 'heading2'
  | 'body'
  | 'note'
  | 'recipients-label'
  | 'recipients'
  | 'signer-authority'
  | 'signer-title'
  | 'signer-space'
  | 'signer-name'
  | 'appendix-label'
  | 'appendix-title'
  | 'appendix-note';

export interface Para {
  readonly role: ParaRole;
  readonly text: string;
}

export type TableRowKind = 'header' | 'section' | 'task' | 'subtotal' | 'total';

export interface TableRowSpec {
  readonly kind: TableRowKind;
  readonly cells: readonly string[];
}

export type DocBlock =
  | { readonly kind: 'para'; readonly para: Para }
  /** A borderless two-column block: the header (authority | national title) or the signature. */
  | {
      readonly kind: 'columns';
      readonly left: readonly Para[];
      readonly right: readonly Para[];
      readonly widths: readonly [number, number];
    }
  | { readonly kind: 'table'; readonly rows: readonly TableRowSpec[]; readonly widths: readonly number[] }
  | { readonly kind: 'pageBreak' };

export interface DocSpec {
  readonly name: string;
  readonly blocks: readonly DocBlock[];
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParaStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align: Align;
  /** First-line indent in points (body text only). */
  readonly indentFirstLine: number;
  readonly spacingAfter: number;
  readonly spacingBefore: number;
}

const style = (
  size: number,
  bold: boolean,
  italic: boolean,
  align: Align,
  extra: Partial<ParaStyle> = {},
): ParaStyle => ({
  size,
  bold,
  italic,
  align,
  indentFirstLine: 0,
  spacingAfter: 0,
  spacingBefore: 0,
  ...extra,
});

/** Each role's look, from Nghị định 30/2020 Phụ lục I (see official-format.ts). */
export const PARA_STYLES: Readonly<Record<ParaRole, ParaStyle>> = {
  'authority-parent': style(SIZE.authority, false, false, 'center'),
  authority: style(SIZE.authority, true, false, 'center'),
  rule: style(SIZE.authority, false, false, 'center'),
  number: style(SIZE.number, false, false, 'center', { spacingBefore: 6 }),
  national: style(SIZE.nationalTitle, true, false, 'center'),
  motto: style(SIZE.motto, true, false, 'center'),
  'place-date': style(SIZE.placeDate, false, true, 'center', { spacingBefore: 6 }),
  title: style(SIZE.title, true, false, 'center', { spacingBefore: 18 }),
  subject: style(SIZE.subject, true, false, 'center'),
  heading1: style(SIZE.body, true, false, 'justify', {
    indentFirstLine: BODY.firstLineIndent,
    spacingAfter: BODY.spacingAfter,
    spacingBefore: 6,
  }),
  heading2: style(SIZE.body, true, false, 'justify', {
    indentFirstLine: BODY.firstLineIndent,
    spacingAfter: BODY.spacingAfter,
  }),
  body: style(SIZE.body, false, false, 'justify', {
    indentFirstLine: BODY.firstLineIndent,
    spacingAfter: BODY.spacingAfter,
  }),
  note: style(SIZE.body, false, true, 'justify', {
    indentFirstLine: BODY.firstLineIndent,
    spacingAfter: BODY.spacingAfter,
  }),
  'recipients-label': style(SIZE.recipientsLabel, true, true, 'left', { spacingBefore: 12 }),
  recipients: style(SIZE.recipients, false, false, 'left'),
  'signer-authority': style(SIZE.signer, true, false, 'center', { spacingBefore: 12 }),
  'signer-title': style(SIZE.signer, true, false, 'center'),
  'signer-space': style(SIZE.signer, false, false, 'center', { spacingAfter: 48 }),
  'signer-name': style(SIZE.signer, true, false, 'center'),
  'appendix-label': style(SIZE.appendixLabel, true, false, 'center'),
  'appendix-title': style(SIZE.appendixTitle, true, false, 'center'),
  'appendix-note': style(SIZE.appendixTitle, false, true, 'center', { spacingAfter: 12 }),
};

export const TABLE_TEXT_SIZE = SIZE.table;

/** Text split into paragraphs of one role (one per line; blank lines dropped). */
export function paragraphs(role: ParaRole, text: string): DocBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'para' as const, para: { role, text: line } }));
}

export function para(role: ParaRole, text: string): DocBlock {
  return { kind: 'para', para: { role, text } };
}
