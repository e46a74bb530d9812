/**
 * Modeled latency of Apps Script service calls, in milliseconds.
 *
 * Every emulated call is counted by the ledger and advances the modeled clock by its row here.
 * Sources (tags as in ../shared/reference/apps-script-platform.md, "Latency model"):
 *   D = Google documentation, M = measured by others and published,
 *   P = figures in developers' public code comments, E = estimate (replace when a source is found).
 */
export interface LatencyRow {
  /** Fixed cost of one call. */
  readonly ms: number;
  /** Extra cost per unit (cell, row, request…) passed by the caller. */
  readonly perUnitMs?: number;
  readonly source: string;
}

export const DEFAULT_LATENCY: LatencyRow = {
  ms: 5,
  source: 'E: any call not listed below (getValue in a loop is ~3 ms after the first, M)',
};

export const LATENCY: Readonly<Record<string, LatencyRow>> = {
  'SpreadsheetApp.openById': { ms: 800, source: 'P: developers’ code comments (0.3–1.5 s seen)' },
  'SpreadsheetApp.openByUrl': { ms: 800, source: 'P: as openById' },
  'SpreadsheetApp.create': { ms: 1500, source: 'E' },
  'SpreadsheetApp.flush': { ms: 600, source: 'M' },
  'Spreadsheet.getSheetByName': { ms: 50, source: 'E' },
  'Spreadsheet.insertSheet': { ms: 150, source: 'E' },
  'Range.getValues': { ms: 250, source: 'E: small range' },
  'Range.getDisplayValues': { ms: 250, source: 'E: as getValues' },
  'Range.getFormulas': { ms: 250, source: 'E: as getValues' },
  'Range.getValue': { ms: 3, source: 'M: ~3 ms per call after the first (cached)' },
  'Range.setValues': { ms: 200, perUnitMs: 0.002, source: 'M: 4,000 cells buffered < 50 ms; + E' },
  'Range.setValue': { ms: 50, source: 'E' },
  'DriveApp.getFileById': { ms: 300, source: 'E' },
  'File.makeCopy': { ms: 2500, source: 'E: makeCopy of a spreadsheet' },
  'File.addEditor': { ms: 1000, source: 'E' },
  'File.addEditors': { ms: 1000, source: 'E: per call' },
  'Spreadsheet.addEditor': { ms: 1000, source: 'E' },
  'Spreadsheet.addEditors': { ms: 1000, source: 'E: per call' },
  'DocumentApp.create': { ms: 1500, source: 'E' },
  'DocumentApp.openById': { ms: 1000, source: 'E' },
  'Body.appendParagraph': { ms: 50, source: 'E' },
  'Body.appendTable': { ms: 1000, perUnitMs: 1.5, source: 'E: 1,000 × 9 cells ≈ 15 s' },
  'Body.insertTable': { ms: 1000, perUnitMs: 1.5, source: 'E: as appendTable (the same table, at an index)' },
  'Document.saveAndClose': { ms: 1000, source: 'E' },
  'DocumentApp.openByUrl': { ms: 1000, source: 'E: as openById' },
  'Document.getAs': { ms: 2000, source: 'E: PDF conversion of a Doc' },
  'File.getAs': { ms: 2000, source: 'E: PDF conversion through Drive' },
  'UrlFetchApp.fetch': { ms: 500, source: 'M: ~0.6 s to a Google API' },
  // fetchAll is charged by the service itself: slowest request + 400 ms (M), see UrlFetchApp.
  'UrlFetchApp.fetchAll': { ms: 400, source: 'M: 2–88 parallel 1-s jobs took 1.2–1.9 s' },
  'ScriptApp.continuationHop': { ms: 60000, source: 'E: docs promise only a minimum delay' },
  'MailApp.sendEmail': { ms: 300, source: 'E' },
  'Utilities.sleep': { ms: 0, perUnitMs: 1, source: 'D: sleeps the given milliseconds' },
};

export function latencyOf(key: string): LatencyRow {
  return LATENCY[key] ?? DEFAULT_LATENCY;
}
