/**
 * The sidebar: an HTML file of the project (dist/<name>.html, pushed by clasp) shown beside the
 * spreadsheet. Sidebars are 300 px wide and served in IFRAME mode (the only sandbox mode today);
 * the page talks to the server only through google.script.run.
 */
export function showSidebar(file: string, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Shows a sheet of the bound spreadsheet with `rows` (1-based, first..last) selected. */
export function showRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  first: number,
  last: number,
): boolean {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return false;
  sheet.activate();
  if (last >= first) sheet.getRange(first, 1, last - first + 1, sheet.getMaxColumns()).activate();
  return true;
}
