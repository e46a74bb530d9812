/** What the person at the keyboard sees: menus, alerts, toasts, confirmations. */
export interface MenuItemSpec {
  readonly label: string;
  readonly functionName: string;
}

export interface MenuGroupSpec {
  readonly label: string;
  readonly items: readonly MenuItemSpec[];
}

export function addMenu(title: string, groups: readonly MenuGroupSpec[]): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(title);
  for (const group of groups) {
    const sub = ui.createMenu(group.label);
    for (const item of group.items) sub.addItem(item.label, item.functionName);
    menu.addSubMenu(sub);
  }
  menu.addToUi();
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function confirm(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export function prompt(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

export function toast(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  message: string,
  title = 'Kế hoạch CCHC',
): void {
  ss.toast(message, title, 8);
}
