/**
 * Apps Script's DocumentApp error texts. "Seen" = quoted in public scripts, issue threads or
 * emulator tests run against live Apps Script; "guessed" = no public source found, wording chosen
 * in Apps Script's style (replace when a real one turns up).
 */
export const MSG = {
  /** Seen: "Document 1qjB-… is missing (perhaps it was deleted, or you don't have read access?)". */
  missing: (id: string): string =>
    `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  /** Guessed, by analogy with DriveApp's "Access denied: DriveApp.". */
  noEdit: 'Access denied: DocumentApp.',
  /** Seen (gas-fakes issue #45, scripts' comments) after Document.saveAndClose(). */
  closed: 'Document is closed, its contents cannot be updated.',
  /** Seen: "Child index (2228) must be less than the number of child elements (6)." */
  childIndex: (index: number, count: number): string =>
    `Child index (${index}) must be less than the number of child elements (${count}).`,
  /** Guessed from the getChild wording (gas-fakes uses it for inserts). */
  insertIndex: (index: number, count: number): string =>
    `Child index (${index}) must be less than or equal to the number of child elements (${count}).`,
  /** Seen: "Index (3) must be less than the content length (2)." (Text.getFontSize(offset)). */
  offset: (index: number, length: number): string =>
    `Index (${index}) must be less than the content length (${length}).`,
  /** Guessed from the wording above, for insertText past the end. */
  insertOffset: (index: number, length: number): string =>
    `Index (${index}) must be less than or equal to the content length (${length}).`,
  /** Guessed. */
  badRange: 'Invalid argument: endOffsetInclusive',
  /** Seen (live Apps Script, gas-fakes tests; also Body.clear() when the body ends with a list item). */
  lastParagraph: "Can't remove the last paragraph in a document section.",
  /** Seen (gas-fakes tests against live Apps Script). */
  detached: 'Element must be detached.',
  /** Seen (gas-fakes tests against live Apps Script). */
  headerExists: 'Document tab already contains a header.',
  footerExists: 'Document tab already contains a footer.',
  /** Guessed. */
  invalid: (what: string): string => `Invalid argument: ${what}`,
  /** Guessed: Document.getAs supports only PDF ("currently only 'application/pdf' is supported"). */
  convert: (to: string): string =>
    `Converting from application/vnd.google-apps.document to ${to} is not supported.`,
  /** Guessed: a cast to the wrong element class (asTable() on a paragraph…). */
  cast: (from: string, to: string): string => `Cannot cast ${from} to ${to}.`,
  /** Guessed: an element that cannot live in that container (page break in a table cell…). */
  notAllowed: (what: string, where: string): string => `${what} cannot be inserted into ${where}.`,
} as const;
