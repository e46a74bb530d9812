/**
 * The SpreadsheetApp global. Files live in the shared Drive store (DriveItem with the Sheets
 * MIME type whose `content` is a SpreadsheetModel), so DriveApp lists, copies and shares them.
 */
import { consume } from '../../core/quotas';
import { requireScope, SCOPES } from '../script-app/consent';
import { EmulatorContext } from '../../core/context';
import { MIME } from '../../core/drive-store';
import { gasError } from '../../core/errors';
import { takeAllPending } from '../../core/pending-writes';
import { newConditionalFormatRuleBuilder } from './conditional-format';
import { EmuDataValidationBuilder } from './data-validation';
import { Doc, MSG, requireSpreadsheetItem } from './doc';
import { Typed } from './enums';
import { localeInfo, normalizeLocale } from './locale';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, MAX_CELLS, SpreadsheetModel } from './model';
import { sheetIdStream } from './sheet-ids';
import { EmuSpreadsheet } from './spreadsheet';
import { EmuUi, GET_UI_CONTEXT_ERROR, UiRecorder } from './ui';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type EmulatedSpreadsheetApp = Pick<
  App,
  | 'BooleanCriteria'
  | 'BorderStyle'
  | 'DataValidationCriteria'
  | 'Dimension'
  | 'ProtectionType'
  | 'SheetType'
  | 'WrapStrategy'
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSpreadsheet'
>;

export function createSpreadsheetApp(ctx: EmulatorContext, ui: UiRecorder): EmulatedSpreadsheetApp {
  /** The bound ("active") spreadsheet: none until a test or script sets one. */
  let activeId: string | null = null;
  // The builders (newDataValidation…) touch no file and need no scope; getUi needs the UI's.
  const UNSCOPED = new Set(['newDataValidation', 'newConditionalFormatRule']);
  const charge = (method: string, units = 0): void => {
    const key = `SpreadsheetApp.${method}`;
    if (method === 'getUi') requireScope(ctx, key, SCOPES.ui);
    else if (!UNSCOPED.has(method)) requireScope(ctx, key, SCOPES.spreadsheets);
    ctx.ledger.charge(key, units);
  };
  const wrap = (id: string): SS => new EmuSpreadsheet(new Doc(ctx, ui, id)) as unknown as SS;

  const active = (): SS | null => {
    if (activeId === null) return null;
    requireSpreadsheetItem(ctx, activeId, 'view', 'getActiveSpreadsheet');
    return wrap(activeId);
  };

  return {
    BooleanCriteria: Typed.BooleanCriteria,
    BorderStyle: Typed.BorderStyle,
    DataValidationCriteria: Typed.DataValidationCriteria,
    Dimension: Typed.Dimension,
    ProtectionType: Typed.ProtectionType,
    SheetType: Typed.SheetType,
    WrapStrategy: Typed.WrapStrategy,

    /**
     * A new file in the user's My Drive, in the user's locale and time zone, with one sheet named
     * per locale ("Sheet1", "Trang tính1") of 1000 × 26 cells unless sized.
     */
    create(name: string, rows?: number, columns?: number): SS {
      charge('create');
      const r = rows ?? DEFAULT_ROWS;
      const c = columns ?? DEFAULT_COLUMNS;
      // Guessed wording for a non-positive size.
      if (!(r >= 1 && c >= 1)) gasError('Invalid argument: rows and columns must be at least 1.');
      if (r * c > MAX_CELLS) gasError(MSG.cellLimit);
      // "Spreadsheets created: 250 / day" (3,200 Workspace): past it nothing is created.
      consume(ctx, 'spreadsheets create', 1);
      const locale = normalizeLocale(ctx.session.locale);
      const model = new SpreadsheetModel(locale, ctx.session.timeZone, sheetIdStream(ctx));
      model.addSheet(`${localeInfo(locale).sheetBaseName}1`, Math.trunc(r), Math.trunc(c));
      const item = ctx.drive.create({ name: String(name), mimeType: MIME.spreadsheet, content: model });
      return wrap(item.id);
    },

    openById(id: string): SS {
      charge('openById');
      requireSpreadsheetItem(ctx, String(id), 'view', 'openById');
      return wrap(String(id));
    },

    openByUrl(url: string): SS {
      charge('openByUrl');
      const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
      if (!m) gasError('Invalid argument: url');
      requireSpreadsheetItem(ctx, m[1], 'view', 'openByUrl');
      return wrap(m[1]);
    },

    /** Null unless a spreadsheet was made active (a standalone script has none). */
    getActive(): SS {
      charge('getActive');
      return active() as SS;
    },

    getActiveSpreadsheet(): SS {
      charge('getActiveSpreadsheet');
      return active() as SS;
    },

    setActiveSpreadsheet(newActiveSpreadsheet: SS): void {
      charge('setActiveSpreadsheet');
      activeId = (newActiveSpreadsheet as unknown as EmuSpreadsheet).doc.id;
    },

    getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
      charge('getActiveSheet');
      const ss = active();
      return (
        ss ? (ss as unknown as EmuSpreadsheet).getActiveSheet() : null
      ) as GoogleAppsScript.Spreadsheet.Sheet;
    },

    getUi(): GoogleAppsScript.Base.Ui {
      charge('getUi');
      if (!ui.uiAvailable) gasError(GET_UI_CONTEXT_ERROR);
      return new EmuUi(ui) as unknown as GoogleAppsScript.Base.Ui;
    },

    /**
     * Commits every pending write (core/pending-writes.ts): exports and other services see them
     * from now on. The call pays its own round trip and the pending operations' server work.
     */
    flush(): void {
      charge('flush');
      ctx.ledger.wait('SpreadsheetApp.flush', takeAllPending(ctx));
    },

    newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
      charge('newConditionalFormatRule');
      return newConditionalFormatRuleBuilder((key) => ctx.ledger.charge(key));
    },

    newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
      charge('newDataValidation');
      return new EmuDataValidationBuilder((key) =>
        ctx.ledger.charge(key),
      ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
    },
  };
}
