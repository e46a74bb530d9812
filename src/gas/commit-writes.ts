/**
 * Apps Script bundles SpreadsheetApp writes and applies them at a flush, at a read of the file
 * or when the execution ends ("Spreadsheet operations are sometimes bundled together to improve
 * performance", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 * Anything that reads a file from outside this script's SpreadsheetApp — the CSV export, the
 * Drive API or DriveApp copying it — sees only what is applied: a template rendered in this
 * execution would be copied empty, a task typed by the self-test would be missing from its export.
 * Call this once before such a batch; with nothing pending it costs one short round trip.
 */
export function commitSpreadsheetWrites(): void {
  SpreadsheetApp.flush();
}
