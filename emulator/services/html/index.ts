/**
 * HtmlService, as far as a bound script's sidebar uses it: an HtmlOutput made from a project's
 * HTML file (or a string), titled, shown by Ui.showSidebar. The "project files" are registered by
 * the test or demo (in Apps Script they are the .html files clasp pushed next to Code.js).
 *
 * Documented (developers.google.com/apps-script/reference/html/html-service, html-output):
 * createHtmlOutputFromFile(filename) takes the file's name with or without ".html";
 * setTitle/getTitle; getContent returns the HTML; setSandboxMode is kept for old scripts (IFRAME
 * is the only mode today). Measured by others: a missing file throws
 * "No HTML file named <name> was found." (github.com/RayBB/easy-gmail-scheduler/issues/4).
 */
import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';

export const SANDBOX_MODES = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;

type HO = GoogleAppsScript.HTML.HtmlOutput;

export class EmuHtmlOutput implements Pick<
  HO,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'getTitle'
  | 'setTitle'
  | 'setWidth'
  | 'setHeight'
  | 'getWidth'
  | 'getHeight'
> {
  private title = '';
  private width = 0;
  private height = 0;

  constructor(
    private readonly ctx: EmulatorContext,
    private content: string,
  ) {}

  private charge(method: string): void {
    this.ctx.ledger.charge(`HtmlOutput.${method}`);
  }

  getContent(): string {
    this.charge('getContent');
    return this.content;
  }

  setContent(content: string): HO {
    this.charge('setContent');
    this.content = String(content);
    return this as unknown as HO;
  }

  append(addedContent: string): HO {
    this.charge('append');
    this.content += String(addedContent);
    return this as unknown as HO;
  }

  getTitle(): string {
    this.charge('getTitle');
    return this.title;
  }

  setTitle(title: string): HO {
    this.charge('setTitle');
    this.title = String(title);
    return this as unknown as HO;
  }

  /** Ignored by showSidebar (a sidebar's width is fixed at 300 px), as documented. */
  setWidth(width: number): HO {
    this.charge('setWidth');
    this.width = Number(width);
    return this as unknown as HO;
  }

  setHeight(height: number): HO {
    this.charge('setHeight');
    this.height = Number(height);
    return this as unknown as HO;
  }

  getWidth(): number {
    this.charge('getWidth');
    return this.width;
  }

  getHeight(): number {
    this.charge('getHeight');
    return this.height;
  }

  /** Accepted for old scripts and without effect: Google serves every page in IFRAME mode now. */
  setSandboxMode(mode: unknown): HO {
    this.charge('setSandboxMode');
    if (!(String(mode) in SANDBOX_MODES)) gasError('Invalid argument: mode');
    return this as unknown as HO;
  }

  // ---- for the emulator ----
  snapshot(): { title: string; content: string } {
    return { title: this.title, content: this.content };
  }
}

/** The .html files of the script project, by name without ".html". */
export class ProjectFiles {
  private readonly files = new Map<string, string>();

  add(name: string, content: string): void {
    this.files.set(name.replace(/\.html$/, ''), content);
  }

  get(name: string): string | undefined {
    return this.files.get(name) ?? this.files.get(name.replace(/\.html$/, ''));
  }
}

export function createHtmlService(ctx: EmulatorContext, files: ProjectFiles) {
  return {
    SandboxMode: SANDBOX_MODES,
    createHtmlOutput(html: unknown = ''): HO {
      ctx.ledger.charge('HtmlService.createHtmlOutput');
      return new EmuHtmlOutput(ctx, String(html)) as unknown as HO;
    },
    createHtmlOutputFromFile(filename: string): HO {
      ctx.ledger.charge('HtmlService.createHtmlOutputFromFile');
      const content = files.get(String(filename));
      if (content === undefined) gasError(`No HTML file named ${String(filename)} was found.`);
      return new EmuHtmlOutput(ctx, content) as unknown as HO;
    },
  };
}
