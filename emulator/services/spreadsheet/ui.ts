/**
 * The user interface of a bound spreadsheet: menus, alerts, prompts and toasts. Nothing is shown;
 * the UiRecorder keeps what the script showed so tests can read it, "click" a menu item by its
 * label, and script the person's answers to alerts and prompts.
 *
 * Unscripted answers (documented choice): an alert answers OK, or YES when its buttons are
 * YES_NO / YES_NO_CANCEL; a prompt answers with empty text and the same button.
 *
 * `uiAvailable` models where a UI exists: false for triggers, web apps and the editor's Run of a
 * standalone script, where SpreadsheetApp.getUi() throws "Cannot call SpreadsheetApp.getUi()
 * from this context." (message seen in many scripts' logs).
 */
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import {
  BUTTONS_OF_SET,
  ButtonEnum,
  ButtonName,
  ButtonSetEnum,
  ButtonSetName,
  GasEnumValue,
  Typed,
  enumName,
} from './enums';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly items: readonly MenuEntry[] };

export interface RecordedMenu {
  /** The menu's caption ("" for an add-on menu, whose caption is the add-on's name). */
  readonly caption: string;
  readonly addon: boolean;
  readonly items: readonly MenuEntry[];
}

export interface RecordedToast {
  readonly spreadsheetId: string;
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null;
  /** False when no UI was there to show it (a trigger): Apps Script then drops it silently. */
  readonly shown: boolean;
  readonly atMs: number;
}

export interface RecordedDialog {
  readonly kind: 'alert' | 'prompt';
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: ButtonSetName;
  /** What the (scripted or default) person answered. */
  readonly button: ButtonName;
  readonly text?: string;
  readonly atMs: number;
}

/** A sidebar shown by Ui.showSidebar: its title and HTML (a sidebar is 300 px wide, fixed). */
export interface RecordedSidebar {
  readonly title: string;
  readonly content: string;
  readonly atMs: number;
}

interface ScriptedAnswer {
  button: ButtonName;
  text: string;
}

export class UiRecorder {
  /** False in contexts without a UI (triggers, web apps): getUi() then throws. */
  uiAvailable = true;
  private readonly menuList: RecordedMenu[] = [];
  private readonly toastList: RecordedToast[] = [];
  private readonly dialogList: RecordedDialog[] = [];
  private readonly answers: ScriptedAnswer[] = [];
  private readonly sidebarList: RecordedSidebar[] = [];

  constructor(readonly ctx: EmulatorContext) {}

  // ---- for tests -----------------------------------------------------------------------------

  /** Menus added to the UI, in order (adding a menu with the same caption replaces it). */
  menus(): RecordedMenu[] {
    return [...this.menuList];
  }

  /** Every clickable item of every menu, sub-menus flattened, with the captions leading to it. */
  menuItems(): Array<{ path: readonly string[]; caption: string; functionName: string }> {
    const out: Array<{ path: readonly string[]; caption: string; functionName: string }> = [];
    const walk = (entries: readonly MenuEntry[], path: readonly string[]): void => {
      for (const e of entries) {
        if (e.kind === 'item') out.push({ path, caption: e.caption, functionName: e.functionName });
        else if (e.kind === 'submenu') walk(e.items, [...path, e.caption]);
      }
    };
    for (const m of this.menuList) walk(m.items, [m.caption]);
    return out;
  }

  /**
   * The function name behind a menu item, found by its caption anywhere in the menus (optionally
   * only within the top-level menu `menuCaption`); undefined when there is none.
   */
  findItem(label: string, menuCaption?: string): string | undefined {
    const search = (entries: readonly MenuEntry[]): string | undefined => {
      for (const e of entries) {
        if (e.kind === 'item' && e.caption === label) return e.functionName;
        if (e.kind === 'submenu') {
          const hit = search(e.items);
          if (hit !== undefined) return hit;
        }
      }
      return undefined;
    };
    for (const m of this.menuList) {
      if (menuCaption !== undefined && m.caption !== menuCaption) continue;
      const hit = search(m.items);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  toasts(): RecordedToast[] {
    return [...this.toastList];
  }

  /** Sidebars shown, in order (the last one is what the person sees). */
  sidebars(): RecordedSidebar[] {
    return [...this.sidebarList];
  }

  /** Alerts and prompts shown, in order, with the answers they got. */
  dialogs(): RecordedDialog[] {
    return [...this.dialogList];
  }

  /** Script the person's answer to the next alert or prompt (answers are used in order). */
  answerNext(button: ButtonName | GoogleAppsScript.Base.Button | GasEnumValue, text = ''): void {
    const name = enumName(button) as ButtonName;
    if (!(name in ButtonEnum)) throw new Error(`UiRecorder.answerNext: unknown button ${String(button)}`);
    this.answers.push({ button: name, text });
  }

  /** Scripted answers not yet used (a test can check that every one was consumed). */
  pendingAnswers(): number {
    return this.answers.length;
  }

  /** Drop the scripted answers not yet used (a test's person starts over after a failed run). */
  clearAnswers(): void {
    this.answers.length = 0;
  }

  // ---- for the emulated services -------------------------------------------------------------

  recordMenu(menu: RecordedMenu): void {
    const at = this.menuList.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (at >= 0) this.menuList[at] = menu;
    else this.menuList.push(menu);
  }

  recordSidebar(sidebar: Omit<RecordedSidebar, 'atMs'>): void {
    this.sidebarList.push({ ...sidebar, atMs: this.ctx.clock.nowMs() });
  }

  recordToast(toast: Omit<RecordedToast, 'atMs' | 'shown'>): void {
    this.toastList.push({ ...toast, shown: this.uiAvailable, atMs: this.ctx.clock.nowMs() });
  }

  /** Show a dialog and return the person's answer. */
  ask(
    kind: 'alert' | 'prompt',
    title: string | null,
    prompt: string,
    buttons: ButtonSetName,
  ): ScriptedAnswer {
    const allowed = BUTTONS_OF_SET[buttons];
    const scripted = this.answers.shift();
    if (scripted && scripted.button !== 'CLOSE' && !allowed.includes(scripted.button)) {
      throw new Error(
        `UiRecorder: scripted answer ${scripted.button} is not a button of ${buttons} (dialog "${prompt}")`,
      );
    }
    const answer = scripted ?? { button: allowed[0], text: '' };
    this.dialogList.push({
      kind,
      title,
      prompt,
      buttons,
      button: answer.button,
      ...(kind === 'prompt' ? { text: answer.text } : {}),
      atMs: this.ctx.clock.nowMs(),
    });
    return answer;
  }
}

export const GET_UI_CONTEXT_ERROR = 'Cannot call SpreadsheetApp.getUi() from this context.';

type M = GoogleAppsScript.Base.Menu;

export class EmuMenu implements Pick<M, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  private readonly entries: Array<MenuEntry | EmuMenu> = [];

  constructor(
    private readonly recorder: UiRecorder,
    readonly caption: string,
    private readonly addon: boolean,
  ) {}

  private charge(method: string): void {
    this.recorder.ctx.ledger.charge(`Menu.${method}`);
  }

  addItem(caption: string, functionName: string): M {
    this.charge('addItem');
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this as unknown as M;
  }

  addSeparator(): M {
    this.charge('addSeparator');
    this.entries.push({ kind: 'separator' });
    return this as unknown as M;
  }

  addSubMenu(menu: M): M {
    this.charge('addSubMenu');
    this.entries.push(menu as unknown as EmuMenu);
    return this as unknown as M;
  }

  /** The entries as they are now (sub-menus are read when the menu is added to the UI). */
  snapshot(): MenuEntry[] {
    return this.entries.map((e) =>
      e instanceof EmuMenu ? { kind: 'submenu', caption: e.caption, items: e.snapshot() } : e,
    );
  }

  addToUi(): void {
    this.charge('addToUi');
    if (!this.recorder.uiAvailable) gasError(GET_UI_CONTEXT_ERROR);
    this.recorder.recordMenu({ caption: this.caption, addon: this.addon, items: this.snapshot() });
  }
}

type PR = GoogleAppsScript.Base.PromptResponse;

export class EmuPromptResponse implements Pick<PR, 'getResponseText' | 'getSelectedButton'> {
  constructor(
    private readonly recorder: UiRecorder,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}

  getResponseText(): string {
    this.recorder.ctx.ledger.charge('PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    this.recorder.ctx.ledger.charge('PromptResponse.getSelectedButton');
    return ButtonEnum[this.button] as unknown as GoogleAppsScript.Base.Button;
  }
}

type U = GoogleAppsScript.Base.Ui;

/** SpreadsheetApp.getUi(). */
export class EmuUi implements Pick<
  U,
  'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar'
> {
  readonly Button = Typed.Button;
  readonly ButtonSet = Typed.ButtonSet;

  constructor(private readonly recorder: UiRecorder) {}

  private charge(method: string): void {
    requireScope(this.recorder.ctx, `Ui.${method}`, SCOPES.ui);
    this.recorder.ctx.ledger.charge(`Ui.${method}`);
  }

  private requireUi(): void {
    if (!this.recorder.uiAvailable) gasError(GET_UI_CONTEXT_ERROR);
  }

  createMenu(caption: string): M {
    this.charge('createMenu');
    return new EmuMenu(this.recorder, String(caption), false) as unknown as M;
  }

  createAddonMenu(): M {
    this.charge('createAddonMenu');
    return new EmuMenu(this.recorder, '', true) as unknown as M;
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.charge('alert');
    this.requireUi();
    const { title, prompt, buttons } = dialogArgs(args);
    const answer = this.recorder.ask('alert', title, prompt, buttons);
    return ButtonEnum[answer.button] as unknown as GoogleAppsScript.Base.Button;
  }

  /** prompt(prompt) / prompt(prompt, buttons) / prompt(title, prompt, buttons). */
  prompt(...args: unknown[]): PR {
    this.charge('prompt');
    this.requireUi();
    const { title, prompt, buttons } = dialogArgs(args);
    const answer = this.recorder.ask('prompt', title, prompt, buttons);
    return new EmuPromptResponse(this.recorder, answer.text, answer.button) as unknown as PR;
  }

  /**
   * showSidebar(userInterface): shows an HtmlOutput in the editor's sidebar (documented: needs
   * script.container.ui; a sidebar is 300 px wide, whatever setWidth said). No UI (a trigger):
   * throws like every Ui call there.
   */
  showSidebar(userInterface: object): void {
    this.charge('showSidebar');
    this.requireUi();
    if (!isSidebarSource(userInterface)) gasError('Invalid argument: userInterface');
    this.recorder.recordSidebar(userInterface.snapshot());
  }
}

/** What showSidebar reads of an HtmlOutput (the emulator's EmuHtmlOutput has it). */
interface SidebarSource {
  snapshot(): { title: string; content: string };
}

function isSidebarSource(v: unknown): v is SidebarSource {
  return typeof v === 'object' && v !== null && typeof (v as SidebarSource).snapshot === 'function';
}

function dialogArgs(args: unknown[]): { title: string | null; prompt: string; buttons: ButtonSetName } {
  const setName = (v: unknown): ButtonSetName => {
    const name = enumName(v) as ButtonSetName;
    if (!(name in ButtonSetEnum)) gasError(`Invalid argument: buttons`);
    return name;
  };
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: setName(args[2]) };
  if (args.length === 2) return { title: null, prompt: String(args[0]), buttons: setName(args[1]) };
  return { title: null, prompt: String(args[0] ?? ''), buttons: 'OK' };
}
