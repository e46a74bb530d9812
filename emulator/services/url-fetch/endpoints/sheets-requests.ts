/**
 * The requests of spreadsheets.batchUpdate the emulator applies to a SpreadsheetModel, and the
 * values of values:batchUpdate. Each function throws an ApiError (400 INVALID_ARGUMENT, the
 * message naming the request as "Invalid requests[i].<kind>: …") on the first invalid request;
 * the endpoint runs them on a copy first so that a batch is applied whole or not at all:
 * "Each request is validated before being applied. If any request is not valid then the entire
 * request will fail and nothing will be applied"
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate).
 *
 * Modeled request kinds: updateCells, repeatCell, setDataValidation, mergeCells,
 * updateSheetProperties, updateDimensionProperties, addProtectedRange (a range, or a whole sheet
 * with unprotectedRanges), updateProtectedRange, deleteProtectedRange, addSheet. Any other kind is an emulator error (not a guess at Google's answer).
 */
import {
  CellData,
  CellFormat,
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationRule,
} from '../../spreadsheet';
import { duplicateNameMessage, enterValue, localeInfo } from '../../spreadsheet';
import { GridRange } from '../../spreadsheet';
import { resolveRange } from '../a1';
import { apiError, GoogleError } from '../google-errors';
import { notModeled } from '../env';
import { DriveItem } from '../../../core/drive-store';
import {
  Actor,
  canEditProtection,
  PROTECTED_MESSAGE,
  protectionsCovering,
} from '../../spreadsheet/permissions';

type Json = Record<string, unknown>;

export interface ApplyEnv {
  /** The caller, made an editor of the protections it adds (the API does the same, guessed). */
  readonly user: string;
  readonly owner: string;
  readonly nowMs: number;
  /** The file and the caller, for the protections a cell write must respect (permissions.ts). */
  readonly item: DriveItem;
  readonly actor: Actor;
}

/**
 * A cell write the caller's protections forbid is refused as SpreadsheetApp's is, with Sheets'
 * text for protected cells (seen for the API: theoephraim/node-google-spreadsheet#20, a 400);
 * the status and the text standing alone, not after "Invalid requests[i]", are guessed.
 */
function assertEditable(model: SpreadsheetModel, sheet: SheetModel, box: GridRange, env: ApplyEnv): void {
  for (const p of protectionsCovering(model, sheet.id, box)) {
    if (!canEditProtection(p, env.item, env.actor)) {
      apiError({ code: 400, message: PROTECTED_MESSAGE, status: 'INVALID_ARGUMENT' });
    }
  }
}

export function invalidRequest(index: number, kind: string, detail: string): GoogleError {
  return { code: 400, message: `Invalid requests[${index}].${kind}: ${detail}`, status: 'INVALID_ARGUMENT' };
}

/** 0-based, half-open API GridRange → the model's 1-based box, clamped to the sheet. */
function boxOf(sheet: SheetModel, r: Json, fail: (d: string) => never): GridRange {
  const num = (k: string, dflt: number) => (typeof r[k] === 'number' ? (r[k] as number) : dflt);
  const startRow = num('startRowIndex', 0);
  const endRow = num('endRowIndex', sheet.maxRows);
  const startCol = num('startColumnIndex', 0);
  const endCol = num('endColumnIndex', sheet.maxColumns);
  if (startRow < 0 || startCol < 0 || endRow < startRow || endCol < startCol)
    fail(`Invalid range: ${JSON.stringify(r)}`);
  // Measured by others (backlot) for values; guessed the same here: a range past the grid is refused.
  if (endRow > sheet.maxRows || endCol > sheet.maxColumns)
    fail(
      `Range (${sheet.name}!${startRow + 1}:${endRow}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
    );
  return { row: startRow + 1, col: startCol + 1, numRows: endRow - startRow, numCols: endCol - startCol };
}

function sheetOf(model: SpreadsheetModel, r: Json | undefined, fail: (d: string) => never): SheetModel {
  const id = typeof r?.sheetId === 'number' ? (r.sheetId as number) : 0;
  const sheet = model.sheetById(id);
  if (!sheet) fail(`No grid with id: ${id}`);
  return sheet;
}

/** Protected-range ids: the model's "p7" is the API's 7. */
export function protectedRangeId(p: ProtectionModel): number {
  return Number(p.id.replace(/^p/, ''));
}

// ---- cell data -----------------------------------------------------------------------------

const TOP_FIELDS = ['userEnteredValue', 'userEnteredFormat', 'note', 'dataValidation'];

/** The top-level CellData fields a `fields` mask names ("*" is all of them). */
function maskFields(mask: unknown, fail: (d: string) => never): Set<string> {
  if (typeof mask !== 'string' || mask === '')
    fail('At least one field must be updated, but none were specified.');
  const out = new Set<string>();
  for (const part of mask.split(',').map((s) => s.trim())) {
    if (part === '*') TOP_FIELDS.forEach((f) => out.add(f));
    else {
      const top = part.split(/[.(]/)[0];
      if (!TOP_FIELDS.includes(top)) notModeled(`the CellData field ${part}`);
      out.add(part.startsWith('userEnteredFormat.') ? part : top);
    }
  }
  return out;
}

function valueOf(v: Json | undefined, fail: (d: string) => never): Pick<CellData, 'value' | 'formula'> {
  if (!v) return {};
  if (typeof v.stringValue === 'string') return { value: v.stringValue };
  if (typeof v.numberValue === 'number') return { value: v.numberValue };
  if (typeof v.boolValue === 'boolean') return { value: v.boolValue };
  if (typeof v.formulaValue === 'string') notModeled('formulaValue in updateCells');
  if (Object.keys(v).length > 0) fail(`Unsupported ExtendedValue ${JSON.stringify(v)}`);
  return {};
}

function colorHex(c: unknown): string | undefined {
  if (!c || typeof c !== 'object') return undefined;
  const o = c as { red?: number; green?: number; blue?: number };
  const h = (x = 0) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(o.red)}${h(o.green)}${h(o.blue)}`;
}

/** The API CellFormat's modeled fields onto the model's CellFormat (only those in `fields`). */
function formatOf(f: Json, into: CellFormat, fields: Set<string>): CellFormat {
  const all = fields.has('userEnteredFormat');
  const want = (path: string) => all || fields.has(`userEnteredFormat.${path}`);
  const out: CellFormat = { ...into };
  const text = (f.textFormat ?? {}) as Json;
  const set = <K extends keyof CellFormat>(key: K, v: CellFormat[K] | undefined) => {
    if (v === undefined) delete out[key];
    else out[key] = v;
  };
  if (want('textFormat') || want('textFormat.bold'))
    set('fontWeight', text.bold === undefined ? undefined : text.bold ? 'bold' : 'normal');
  if (want('textFormat') || want('textFormat.italic'))
    set('fontStyle', text.italic === undefined ? undefined : text.italic ? 'italic' : 'normal');
  if (want('textFormat') || want('textFormat.fontSize')) set('fontSize', text.fontSize as number | undefined);
  if (want('textFormat') || want('textFormat.foregroundColor'))
    set('fontColor', colorHex(text.foregroundColor));
  if (want('backgroundColor')) set('background', colorHex(f.backgroundColor));
  if (want('horizontalAlignment'))
    set(
      'horizontalAlignment',
      typeof f.horizontalAlignment === 'string'
        ? (f.horizontalAlignment.toLowerCase() as CellFormat['horizontalAlignment'])
        : undefined,
    );
  if (want('wrapStrategy')) set('wrapStrategy', f.wrapStrategy as CellFormat['wrapStrategy']);
  if (want('numberFormat')) {
    const nf = f.numberFormat as { type?: string; pattern?: string } | undefined;
    set('numberFormat', nf ? (nf.type === 'TEXT' ? '@' : (nf.pattern ?? undefined)) : undefined);
  }
  return out;
}

function ruleOf(
  model: SpreadsheetModel,
  rule: Json | undefined,
  fail: (d: string) => never,
): ValidationRule | undefined {
  if (!rule) return undefined;
  const condition = (rule.condition ?? {}) as { type?: string; values?: { userEnteredValue?: string }[] };
  const values = (condition.values ?? []).map((v) => String(v.userEnteredValue ?? ''));
  const allowInvalid = rule.strict !== true;
  const helpText = typeof rule.inputMessage === 'string' ? rule.inputMessage : null;
  const dropdown = rule.showCustomUi === true;
  switch (condition.type) {
    case 'ONE_OF_LIST':
      if (values.length === 0) fail('ONE_OF_LIST requires at least one value');
      return { criteria: 'VALUE_IN_LIST', args: [values, dropdown], allowInvalid, helpText };
    case 'ONE_OF_RANGE': {
      const a1 = (values[0] ?? '').replace(/^=/, '');
      const resolved = resolveRange(model, a1.replace(/\$/g, ''));
      if ('error' in resolved) fail(`Invalid ConditionValue.userEnteredValue: ${values[0] ?? ''}`);
      const { sheet, box } = resolved;
      return {
        criteria: 'VALUE_IN_RANGE',
        args: [
          {
            kind: 'range',
            sheetId: sheet.id,
            range: { row: box.row, col: box.col, numRows: box.numRows, numCols: box.numCols },
          },
          dropdown,
        ],
        allowInvalid,
        helpText,
      };
    }
    case 'CUSTOM_FORMULA':
      if (!values[0]?.startsWith('=')) fail('CUSTOM_FORMULA requires a formula value');
      return { criteria: 'CUSTOM_FORMULA', args: [values[0]], allowInvalid, helpText };
    case 'TEXT_IS_EMAIL':
      return { criteria: 'TEXT_IS_VALID_EMAIL', args: [], allowInvalid, helpText };
    default:
      return notModeled(`the validation condition ${String(condition.type)}`);
  }
}

function writeCell(
  model: SpreadsheetModel,
  cell: CellData,
  data: Json,
  fields: Set<string>,
  fail: (d: string) => never,
): void {
  if (fields.has('userEnteredValue')) {
    delete cell.value;
    delete cell.formula;
    Object.assign(cell, valueOf(data.userEnteredValue as Json | undefined, fail));
  }
  if (fields.has('note')) {
    if (typeof data.note === 'string' && data.note !== '') cell.note = data.note;
    else delete cell.note;
  }
  if (fields.has('dataValidation')) {
    const rule = ruleOf(model, data.dataValidation as Json | undefined, fail);
    if (rule) cell.validation = rule;
    else delete cell.validation;
  }
  if ([...fields].some((f) => f.startsWith('userEnteredFormat'))) {
    const next = formatOf((data.userEnteredFormat ?? {}) as Json, cell.format ?? {}, fields);
    if (Object.keys(next).length > 0) cell.format = next;
    else delete cell.format;
  }
}

// ---- requests ------------------------------------------------------------------------------

type Reply = Json;

function updateCells(model: SpreadsheetModel, req: Json, env: ApplyEnv, fail: (d: string) => never): Reply {
  const fields = maskFields(req.fields, fail);
  const rows = (req.rows ?? []) as { values?: Json[] }[];
  let box: GridRange;
  let sheet: SheetModel;
  if (req.range) {
    sheet = sheetOf(model, req.range as Json, fail);
    box = boxOf(sheet, req.range as Json, fail);
  } else if (req.start) {
    const start = req.start as Json;
    sheet = sheetOf(model, start, fail);
    const width = Math.max(0, ...rows.map((r) => (r.values ?? []).length));
    box = boxOf(
      sheet,
      {
        startRowIndex: start.rowIndex ?? 0,
        endRowIndex: ((start.rowIndex as number) ?? 0) + rows.length,
        startColumnIndex: start.columnIndex ?? 0,
        endColumnIndex: ((start.columnIndex as number) ?? 0) + width,
      },
      fail,
    );
  } else return fail('Must specify either start or range');
  assertEditable(model, sheet, box, env);
  // Within a range, cells the rows leave out are cleared for the named fields.
  for (let r = 0; r < box.numRows; r++) {
    const line = rows[r]?.values ?? [];
    for (let c = 0; c < box.numCols; c++) {
      const data = line[c];
      if (!data && !req.range) continue;
      // Clearing a cell that holds nothing changes nothing (and must not fill the sparse model).
      if (!data && !sheet.cell(box.row + r, box.col + c)) continue;
      sheet.update(box.row + r, box.col + c, (cell) => writeCell(model, cell, data ?? {}, fields, fail));
    }
  }
  return {};
}

function repeatCell(model: SpreadsheetModel, req: Json, env: ApplyEnv, fail: (d: string) => never): Reply {
  const fields = maskFields(req.fields, fail);
  const sheet = sheetOf(model, req.range as Json, fail);
  const box = boxOf(sheet, (req.range ?? {}) as Json, fail);
  assertEditable(model, sheet, box, env);
  const data = (req.cell ?? {}) as Json;
  for (let r = 0; r < box.numRows; r++)
    for (let c = 0; c < box.numCols; c++)
      sheet.update(box.row + r, box.col + c, (cell) => writeCell(model, cell, data, fields, fail));
  return {};
}

function setDataValidation(
  model: SpreadsheetModel,
  req: Json,
  env: ApplyEnv,
  fail: (d: string) => never,
): Reply {
  const sheet = sheetOf(model, req.range as Json, fail);
  const box = boxOf(sheet, (req.range ?? {}) as Json, fail);
  assertEditable(model, sheet, box, env);
  const rule = ruleOf(model, req.rule as Json | undefined, fail);
  for (let r = 0; r < box.numRows; r++)
    for (let c = 0; c < box.numCols; c++)
      sheet.update(box.row + r, box.col + c, (cell) => {
        if (rule) cell.validation = rule;
        else delete cell.validation;
      });
  return {};
}

function mergeCells(model: SpreadsheetModel, req: Json, env: ApplyEnv, fail: (d: string) => never): Reply {
  if (req.mergeType !== undefined && req.mergeType !== 'MERGE_ALL')
    notModeled(`mergeType ${String(req.mergeType)}`);
  const sheet = sheetOf(model, req.range as Json, fail);
  const box = boxOf(sheet, (req.range ?? {}) as Json, fail);
  assertEditable(model, sheet, box, env);
  // Guessed wording (the UI's and SpreadsheetApp's): a merge may not cut through another.
  if (!sheet.unmerge(box)) fail('You must select all cells in a merged range to merge or unmerge them.');
  if (box.numRows * box.numCols < 2) return {};
  sheet.merges.push(box);
  for (let r = box.row; r < box.row + box.numRows; r++)
    for (let c = box.col; c < box.col + box.numCols; c++)
      if (r !== box.row || c !== box.col)
        sheet.update(r, c, (cell) => {
          delete cell.value;
          delete cell.formula;
        });
  return {};
}

function updateSheetProperties(model: SpreadsheetModel, req: Json, fail: (d: string) => never): Reply {
  const props = (req.properties ?? {}) as Json;
  const sheet = sheetOf(model, props, fail);
  const grid = (props.gridProperties ?? {}) as Json;
  const fields = String(req.fields ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fields.length === 0) fail('At least one field must be updated, but none were specified.');
  for (const f of fields) {
    switch (f) {
      case 'hidden':
        if (props.hidden === true && model.sheets.filter((s) => !s.hidden && s !== sheet).length === 0)
          fail("You can't hide all the sheets in a document.");
        sheet.hidden = props.hidden === true;
        break;
      case 'gridProperties.frozenRowCount':
        sheet.frozenRows = Number(grid.frozenRowCount ?? 0);
        break;
      case 'gridProperties.frozenColumnCount':
        sheet.frozenColumns = Number(grid.frozenColumnCount ?? 0);
        break;
      case 'gridProperties.rowCount': {
        const n = Number(grid.rowCount ?? 0);
        if (n < sheet.maxRows) notModeled('shrinking a sheet through updateSheetProperties');
        sheet.maxRows = n;
        break;
      }
      case 'gridProperties.columnCount': {
        const n = Number(grid.columnCount ?? 0);
        if (n < sheet.maxColumns) notModeled('shrinking a sheet through updateSheetProperties');
        sheet.maxColumns = n;
        break;
      }
      case 'title':
        if (typeof props.title !== 'string' || model.nameTaken(props.title, sheet.id))
          fail(`A sheet with the name "${String(props.title)}" already exists. Please enter another name.`);
        sheet.name = props.title;
        break;
      default:
        notModeled(`updateSheetProperties field ${f}`);
    }
  }
  return {};
}

function updateDimensionProperties(model: SpreadsheetModel, req: Json, fail: (d: string) => never): Reply {
  const range = (req.range ?? {}) as Json;
  const sheet = sheetOf(model, range, fail);
  if (req.fields !== 'pixelSize') notModeled(`updateDimensionProperties fields ${String(req.fields)}`);
  const size = Number((req.properties as Json | undefined)?.pixelSize ?? 0);
  const rows = range.dimension === 'ROWS';
  if (!rows && range.dimension !== 'COLUMNS') fail('range.dimension must be ROWS or COLUMNS');
  const max = rows ? sheet.maxRows : sheet.maxColumns;
  const start = Number(range.startIndex ?? 0);
  const end = Number(range.endIndex ?? max);
  if (start < 0 || end > max || end < start) fail(`Invalid dimension range ${start}:${end}`);
  for (let i = start + 1; i <= end; i++) (rows ? sheet.rowHeights : sheet.columnWidths).set(i, size);
  return {};
}

function protectionFrom(
  model: SpreadsheetModel,
  pr: Json,
  env: ApplyEnv,
  fail: (d: string) => never,
  into: ProtectionModel | null,
): ProtectionModel {
  const range = pr.range as Json | undefined;
  const sheet = sheetOf(model, range ?? { sheetId: into?.sheetId ?? 0 }, fail);
  const box = range ? boxOf(sheet, range, fail) : (into?.range ?? null);
  const whole =
    box !== null &&
    box.row === 1 &&
    box.col === 1 &&
    box.numRows === sheet.maxRows &&
    box.numCols === sheet.maxColumns;
  if (whole && !range?.startRowIndex && range?.endRowIndex === undefined)
    notModeled('a whole-sheet protected range');
  const editors = pr.editors as
    { users?: string[]; groups?: string[]; domainUsersCanEdit?: boolean } | undefined;
  if (editors?.groups && editors.groups.length > 0) notModeled('protected range editor groups');
  const warningOnly = pr.warningOnly === true;
  if (warningOnly && editors && (editors.users ?? []).length > 0)
    fail('ProtectedRange cannot have editors if it is warning-only.');
  // The owner and the requesting user always keep edit rights (guessed as in SpreadsheetApp).
  const users = warningOnly
    ? null
    : [
        ...new Set(
          [env.owner, env.user, ...(editors?.users ?? into?.editors ?? [])]
            .map((e) => e.toLowerCase())
            .filter(Boolean),
        ),
      ];
  return {
    id: into?.id ?? model.nextProtectionId(),
    type: into?.type ?? 'RANGE',
    sheetId: sheet.id,
    range: box,
    description: typeof pr.description === 'string' ? pr.description : (into?.description ?? ''),
    warningOnly,
    editors: users,
    domainEdit: warningOnly ? null : editors?.domainUsersCanEdit === true,
    unprotected: into?.unprotected ?? [],
  };
}

const BOUNDS = ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'];

/** A range with no bounds is a whole sheet ("The range may be fully unbounded, in which case this is considered a protected sheet"). */
function isUnbounded(range: Json): boolean {
  return BOUNDS.every((k) => range[k] === undefined);
}

/** The boxes of unprotectedRanges, all on the protected sheet. */
function unprotectedOf(sheet: SheetModel, ranges: unknown, fail: (d: string) => never): GridRange[] {
  return ((ranges ?? []) as Json[]).map((r) => {
    if ((typeof r.sheetId === 'number' ? r.sheetId : 0) !== sheet.id)
      fail('Unprotected ranges must be on the same sheet as the protected sheet.'); // guessed wording
    return boxOf(sheet, r, fail);
  });
}

function addProtectedRange(
  model: SpreadsheetModel,
  req: Json,
  env: ApplyEnv,
  fail: (d: string) => never,
): Reply {
  const pr = (req.protectedRange ?? {}) as Json;
  if (!pr.range) notModeled('a protected range without a range (named ranges)');
  const range = pr.range as Json;
  if (isUnbounded(range)) {
    // A sheet protection: "Unprotected ranges are only supported on protected sheets" (ProtectedRange reference).
    const sheet = sheetOf(model, range, fail);
    // One sheet protection a sheet; refusal and text measured by others:
    // https://github.com/googleapis/google-api-python-client/issues/1064
    if (model.protections.some((p) => p.type === 'SHEET' && p.sheetId === sheet.id))
      fail(`Sheet "${sheet.name}" already has sheet protection.`);
    const unprotected = unprotectedOf(sheet, pr.unprotectedRanges, fail);
    const base: ProtectionModel = {
      id: model.nextProtectionId(),
      type: 'SHEET',
      sheetId: sheet.id,
      range: null,
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: null,
      unprotected,
    };
    const { range: _omitted, ...rest } = pr;
    void _omitted;
    const p = { ...protectionFrom(model, rest, env, fail, base), unprotected };
    model.protections.push(p);
    return { addProtectedRange: { protectedRange: protectedRangeJson(model, p) } };
  }
  if (pr.unprotectedRanges !== undefined) fail('Unprotected ranges are only supported on protected sheets.');
  const p = protectionFrom(model, pr, env, fail, null);
  model.protections.push(p);
  return { addProtectedRange: { protectedRange: protectedRangeJson(model, p) } };
}

function findProtection(model: SpreadsheetModel, id: unknown, fail: (d: string) => never): ProtectionModel {
  const p = model.protections.find((x) => protectedRangeId(x) === Number(id));
  if (!p) fail(`No protected range with id: ${String(id)}`);
  return p;
}

function updateProtectedRange(
  model: SpreadsheetModel,
  req: Json,
  env: ApplyEnv,
  fail: (d: string) => never,
): Reply {
  const pr = (req.protectedRange ?? {}) as Json;
  const existing = findProtection(model, pr.protectedRangeId, fail);
  const fields = String(req.fields ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fields.length === 0) fail('At least one field must be updated, but none were specified.');
  const current = protectedRangeJson(model, existing);
  // The range stays the model's own unless the request changes it (a sheet protection has none).
  const merged: Json = {
    description: current.description,
    warningOnly: current.warningOnly,
    editors: current.editors,
  };
  let unprotected = existing.unprotected;
  for (const f of fields) {
    if (f === 'unprotectedRanges') {
      if (existing.type !== 'SHEET') fail('Unprotected ranges are only supported on protected sheets.');
      const sheet = model.sheetById(existing.sheetId);
      if (!sheet) fail(`No grid with id: ${existing.sheetId}`);
      unprotected = unprotectedOf(sheet, pr.unprotectedRanges, fail);
      continue;
    }
    if (!['range', 'description', 'warningOnly', 'editors'].includes(f))
      notModeled(`updateProtectedRange field ${f}`);
    merged[f] = pr[f];
  }
  const next = protectionFrom(model, merged, env, fail, existing);
  Object.assign(existing, next, { id: existing.id, unprotected });
  return {};
}

function deleteProtectedRange(model: SpreadsheetModel, req: Json, fail: (d: string) => never): Reply {
  const p = findProtection(model, req.protectedRangeId, fail);
  model.protections = model.protections.filter((x) => x !== p);
  return {};
}

/**
 * addSheet (https://developers.google.com/sheets/api/samples/sheet, "Add a sheet"): a title, an
 * optional id ("If set, the ID must not conflict with any existing sheet ID. If set, it must be
 * non-negative", SheetProperties reference), index and grid size (default 1000 × 26, as a new
 * sheet in the UI). Other properties are not modeled. The duplicate-name text is Sheets' own
 * (the same as insertSheet's); the taken-id text is guessed.
 */
function addSheet(model: SpreadsheetModel, req: Json, fail: (d: string) => never): Reply {
  const props = (req.properties ?? {}) as Json;
  for (const k of Object.keys(props))
    if (!['title', 'sheetId', 'index', 'gridProperties'].includes(k)) notModeled(`addSheet property ${k}`);
  const grid = (props.gridProperties ?? {}) as Json;
  for (const k of Object.keys(grid))
    if (!['rowCount', 'columnCount'].includes(k)) notModeled(`addSheet gridProperties.${k}`);
  if (typeof props.title !== 'string' || props.title === '') notModeled('addSheet without a title');
  const title = props.title;
  if (model.nameTaken(title)) fail(duplicateNameMessage(title));
  const id = props.sheetId;
  if (id !== undefined) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) fail(`Invalid sheetId: ${String(id)}`);
    if (model.sheetById(id)) fail(`Sheet with id ${id} already exists.`);
  }
  const rows = typeof grid.rowCount === 'number' ? grid.rowCount : 1000;
  const columns = typeof grid.columnCount === 'number' ? grid.columnCount : 26;
  if (rows < 1 || columns < 1) fail('Invalid gridProperties: rowCount and columnCount must be at least 1.');
  const index =
    typeof props.index === 'number' ? Math.min(props.index, model.sheets.length) : model.sheets.length;
  const sheet = model.addSheet(title, rows, columns, index, id as number | undefined);
  return {
    addSheet: {
      properties: {
        sheetId: sheet.id,
        title,
        index,
        sheetType: 'GRID',
        gridProperties: { rowCount: rows, columnCount: columns },
      },
    },
  };
}

/** A protected range as spreadsheets.get answers it (proto3: defaults left out). */
export function protectedRangeJson(model: SpreadsheetModel, p: ProtectionModel): Json {
  const sheet = model.sheetById(p.sheetId);
  const out: Json = { protectedRangeId: protectedRangeId(p) };
  const range: Json = { sheetId: p.sheetId };
  if (p.range) {
    range.startRowIndex = p.range.row - 1;
    range.endRowIndex = p.range.row - 1 + p.range.numRows;
    range.startColumnIndex = p.range.col - 1;
    range.endColumnIndex = p.range.col - 1 + p.range.numCols;
  }
  if (range.startRowIndex === 0) delete range.startRowIndex;
  if (range.startColumnIndex === 0) delete range.startColumnIndex;
  if (range.sheetId === 0) delete range.sheetId;
  out.range = range;
  if (p.description) out.description = p.description;
  if (p.warningOnly) out.warningOnly = true;
  out.requestingUserCanEdit = true;
  if (!p.warningOnly) {
    const editors: Json = {};
    if (p.editors && p.editors.length > 0) editors.users = [...p.editors];
    if (p.domainEdit) editors.domainUsersCanEdit = true;
    out.editors = editors;
  }
  if (p.type === 'SHEET') {
    if (sheet) out.range = p.sheetId === 0 ? {} : { sheetId: p.sheetId };
    if (p.unprotected.length > 0)
      out.unprotectedRanges = p.unprotected.map((u) => ({
        sheetId: p.sheetId,
        startRowIndex: u.row - 1,
        endRowIndex: u.row - 1 + u.numRows,
        startColumnIndex: u.col - 1,
        endColumnIndex: u.col - 1 + u.numCols,
      }));
  }
  return out;
}

/** Apply one batchUpdate request (throws ApiError when it is invalid). */
export function applyRequest(model: SpreadsheetModel, req: Json, index: number, env: ApplyEnv): Reply {
  const kinds = Object.keys(req);
  if (kinds.length !== 1) {
    apiError({
      code: 400,
      message: `Invalid requests[${index}]: ${kinds.length === 0 ? 'No request set.' : 'Only one kind of request may be set.'}`,
      status: 'INVALID_ARGUMENT',
    });
  }
  const kind = kinds[0];
  const body = (req[kind] ?? {}) as Json;
  const fail = (d: string): never => apiError(invalidRequest(index, kind, d));
  switch (kind) {
    case 'updateCells':
      return updateCells(model, body, env, fail);
    case 'repeatCell':
      return repeatCell(model, body, env, fail);
    case 'setDataValidation':
      return setDataValidation(model, body, env, fail);
    case 'mergeCells':
      return mergeCells(model, body, env, fail);
    case 'updateSheetProperties':
      return updateSheetProperties(model, body, fail);
    case 'updateDimensionProperties':
      return updateDimensionProperties(model, body, fail);
    case 'addProtectedRange':
      return addProtectedRange(model, body, env, fail);
    case 'updateProtectedRange':
      return updateProtectedRange(model, body, env, fail);
    case 'deleteProtectedRange':
      return deleteProtectedRange(model, body, fail);
    case 'addSheet':
      return addSheet(model, body, fail);
    default:
      return notModeled(`the batchUpdate request ${kind}`);
  }
}

/**
 * values:batchUpdate's data on a model: RAW stores strings as they are (never a formula or a
 * number: "The values the user has entered will not be parsed and will be stored as-is"),
 * USER_ENTERED parses them as typed into the UI (ValueInputOption reference).
 */
export function applyValues(
  model: SpreadsheetModel,
  data: readonly Json[],
  option: 'RAW' | 'USER_ENTERED',
  env: ApplyEnv,
  fail: (d: string) => never,
): { cells: number; rows: number; columns: number } {
  let cells = 0;
  let rows = 0;
  let columns = 0;
  const locale = localeInfo(model.locale);
  for (const vr of data) {
    const spec = String(vr.range ?? '');
    const resolved = resolveRange(model, spec);
    if ('error' in resolved) apiError(resolved.error);
    const { sheet, box } = resolved;
    assertEditable(model, sheet, box, env);
    const values = (vr.values ?? []) as unknown[][];
    if (values.length > box.numRows || values.some((r) => r.length > box.numCols))
      fail(
        `Requested writing within range [${spec}], but tried writing to row [${box.row + Math.min(values.length, box.numRows)}]`,
      );
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined) return; // "null values will be skipped"
        sheet.update(box.row + r, box.col + c, (cell) => {
          delete cell.value;
          delete cell.formula;
          if (option === 'RAW') {
            if (v !== '') cell.value = v as string | number | boolean;
            return;
          }
          const entered = enterValue(v, {
            locale,
            timeZone: model.timeZone,
            nowMs: env.nowMs,
            numberFormat: cell.format?.numberFormat ?? 'General',
          });
          if (entered.value !== undefined) cell.value = entered.value;
          if (entered.formula !== undefined) cell.formula = entered.formula;
          if (entered.impliedFormat && !cell.format?.numberFormat)
            cell.format = { ...cell.format, numberFormat: entered.impliedFormat };
        });
        cells++;
      }),
    );
    rows += values.length;
    columns = Math.max(columns, ...values.map((l) => l.length));
  }
  return { cells, rows, columns };
}
