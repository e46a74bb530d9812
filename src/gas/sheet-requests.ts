/**
 * The Sheets API (v4) shapes the product reads and writes, and the batchUpdate requests that do
 * what render-sheet.ts does through SpreadsheetApp: values (always as stored text, never parsed),
 * notes, formatting, validations and protections. Pure: no Apps Script global is called here.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */
import { CellValue } from '../domain/cell';
import { areaA1 } from '../domain/plan/columns';
import { protectionKey, wantedRangeProtections } from '../domain/protection-keys';
import { CellNote, notesGrid } from '../domain/notes-grid';
import {
  Area,
  ProtectionSpec,
  rectangular,
  SheetSpec,
  SpecValue,
  StyleSpec,
  ValidationSpec,
} from '../domain/sheet-spec';

export interface ApiGridRange {
  readonly sheetId?: number;
  readonly startRowIndex?: number;
  readonly endRowIndex?: number;
  readonly startColumnIndex?: number;
  readonly endColumnIndex?: number;
}

export interface ApiProtectedRange {
  readonly protectedRangeId: number;
  readonly range?: ApiGridRange;
  readonly description?: string;
  readonly warningOnly?: boolean;
  readonly editors?: { readonly users?: readonly string[] };
}

interface ApiValue {
  readonly stringValue?: string;
  readonly numberValue?: number;
  readonly boolValue?: boolean;
}

export interface ApiSheet {
  readonly properties: {
    readonly sheetId?: number;
    readonly title: string;
    readonly gridProperties?: { readonly rowCount?: number; readonly columnCount?: number };
  };
  readonly protectedRanges?: readonly ApiProtectedRange[];
  readonly data?: readonly {
    readonly startRow?: number;
    readonly startColumn?: number;
    readonly rowData?: readonly { readonly values?: readonly { readonly effectiveValue?: ApiValue }[] }[];
  }[];
}

export interface ApiSpreadsheet {
  readonly sheets?: readonly ApiSheet[];
}

export type SheetRequest = Record<string, unknown>;

/** Proto3 JSON leaves a zero out: the first sheet's id is 0 when absent. */
export const sheetIdOf = (sheet: ApiSheet): number => sheet.properties.sheetId ?? 0;
export const rowCountOf = (sheet: ApiSheet): number => sheet.properties.gridProperties?.rowCount ?? 0;
export const columnCountOf = (sheet: ApiSheet): number => sheet.properties.gridProperties?.columnCount ?? 0;

/** The sheet's cells read (the first data block), as domain values: '' where empty. */
export function gridOf(sheet: ApiSheet, width: number): CellValue[][] {
  const block = sheet.data?.[0];
  if (!block) return [];
  const top = block.startRow ?? 0;
  const rows: CellValue[][] = Array.from({ length: top }, () => Array<CellValue>(width).fill(''));
  for (const row of block.rowData ?? []) {
    const line = Array<CellValue>(width).fill('');
    (row.values ?? []).forEach((cell, c) => {
      const col = c + (block.startColumn ?? 0);
      if (col >= width) return;
      const v = cell.effectiveValue;
      if (v?.stringValue !== undefined) line[col] = v.stringValue;
      else if (v?.numberValue !== undefined) line[col] = v.numberValue;
      else if (v?.boolValue !== undefined) line[col] = v.boolValue;
    });
    rows.push(line);
  }
  return rows;
}

/** A 1-based area as the API's 0-based, half-open GridRange. */
export function gridRange(sheetId: number, a: Area): ApiGridRange {
  return {
    sheetId,
    startRowIndex: a.row - 1,
    endRowIndex: a.row - 1 + a.numRows,
    startColumnIndex: a.column - 1,
    endColumnIndex: a.column - 1 + a.numColumns,
  };
}

/** A protected range's cells in A1 (as SpreadsheetApp's getA1Notation gives them). */
export function protectedA1(p: ApiProtectedRange, sheet: ApiSheet): string {
  const r = p.range ?? {};
  const row = (r.startRowIndex ?? 0) + 1;
  const column = (r.startColumnIndex ?? 0) + 1;
  const numRows = (r.endRowIndex ?? rowCountOf(sheet)) - row + 1;
  const numColumns = (r.endColumnIndex ?? columnCountOf(sheet)) - column + 1;
  return areaA1(row, column, numRows, numColumns);
}

function extendedValue(v: SpecValue): ApiValue {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: v };
}

function rgb(hex: string): Record<string, number> {
  const n = parseInt(hex.replace('#', ''), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

/** One style as a repeatCell over its area, naming only the fields the style sets. */
function styleRequest(sheetId: number, style: StyleSpec): SheetRequest | null {
  const format: Record<string, unknown> = {};
  const text: Record<string, unknown> = {};
  const fields: string[] = [];
  const put = (into: Record<string, unknown>, key: string, value: unknown, field: string) => {
    into[key] = value;
    fields.push(field);
  };
  if (style.bold !== undefined) put(text, 'bold', style.bold, 'textFormat.bold');
  if (style.italic !== undefined) put(text, 'italic', style.italic, 'textFormat.italic');
  if (style.fontSize !== undefined) put(text, 'fontSize', style.fontSize, 'textFormat.fontSize');
  if (style.color !== undefined) put(text, 'foregroundColor', rgb(style.color), 'textFormat.foregroundColor');
  if (style.background !== undefined)
    put(format, 'backgroundColor', rgb(style.background), 'backgroundColor');
  if (style.align !== undefined)
    put(format, 'horizontalAlignment', style.align.toUpperCase(), 'horizontalAlignment');
  if (style.wrap !== undefined) put(format, 'wrapStrategy', style.wrap ? 'WRAP' : 'OVERFLOW', 'wrapStrategy');
  if (style.numberFormat !== undefined)
    put(format, 'numberFormat', numberFormat(style.numberFormat), 'numberFormat');
  if (fields.length === 0) return null;
  if (Object.keys(text).length > 0) format.textFormat = text;
  return {
    repeatCell: {
      range: gridRange(sheetId, style.area),
      cell: { userEnteredFormat: format },
      fields: fields.map((f) => `userEnteredFormat.${f}`).join(','),
    },
  };
}

/** "@" is Sheets' plain-text format (NumberFormat type TEXT). */
export function numberFormat(pattern: string): Record<string, string> {
  return pattern === '@' ? { type: 'TEXT', pattern: '@' } : { type: 'NUMBER', pattern };
}

/** What renderSheet's ensureSize + clearContents + writeSheetContent do, as requests. */
export function rewriteSheetRequests(
  sheet: ApiSheet,
  spec: SheetSpec,
  size: { rows: number; columns: number },
): SheetRequest[] {
  const id = sheetIdOf(sheet);
  const out: SheetRequest[] = [];
  const rows = Math.max(rowCountOf(sheet), size.rows);
  const columns = Math.max(columnCountOf(sheet), size.columns);
  if (rows > rowCountOf(sheet) || columns > columnCountOf(sheet)) {
    out.push({
      updateSheetProperties: {
        properties: { sheetId: id, gridProperties: { rowCount: rows, columnCount: columns } },
        fields: 'gridProperties.rowCount,gridProperties.columnCount',
      },
    });
  }
  // Over the whole grid: the cells the rows leave out are cleared (clearContents).
  const values = rectangular(spec.values);
  out.push({
    updateCells: {
      range: {
        sheetId: id,
        startRowIndex: 0,
        endRowIndex: rows,
        startColumnIndex: 0,
        endColumnIndex: columns,
      },
      rows: values.map((line) => ({
        values: line.map((v) => (v === '' ? {} : { userEnteredValue: extendedValue(v) })),
      })),
      fields: 'userEnteredValue',
    },
  });
  spec.columnWidths.forEach((width, i) =>
    out.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: width },
        fields: 'pixelSize',
      },
    }),
  );
  if (spec.frozenRows)
    out.push({
      updateSheetProperties: {
        properties: { sheetId: id, gridProperties: { frozenRowCount: spec.frozenRows } },
        fields: 'gridProperties.frozenRowCount',
      },
    });
  for (const style of spec.styles ?? []) {
    const r = styleRequest(id, style);
    if (r) out.push(r);
  }
  for (const merge of spec.merges ?? [])
    out.push({ mergeCells: { range: gridRange(id, merge), mergeType: 'MERGE_ALL' } });
  if (spec.notes && spec.notes.length > 0) out.push(notesRequest(id, spec.notes));
  if (spec.hidden)
    out.push({ updateSheetProperties: { properties: { sheetId: id, hidden: true }, fields: 'hidden' } });
  return out;
}

/** Notes over the rectangle that holds them all (as writeNotes does). */
export function notesRequest(sheetId: number, notes: readonly CellNote[]): SheetRequest {
  const { top, left, grid } = notesGrid(notes);
  return {
    updateCells: {
      range: gridRange(sheetId, { row: top, column: left, numRows: grid.length, numColumns: grid[0].length }),
      rows: grid.map((line) => ({ values: line.map((note) => (note ? { note } : {})) })),
      fields: 'note',
    },
  };
}

/** Values of single cells (stored as they are: the API's stringValue is never parsed). */
export function cellValueRequest(
  sheetId: number,
  row: number,
  column: number,
  value: SpecValue,
): SheetRequest {
  return {
    updateCells: {
      range: gridRange(sheetId, { row, column, numRows: 1, numColumns: 1 }),
      rows: [{ values: [{ userEnteredValue: extendedValue(value) }] }],
      fields: 'userEnteredValue',
    },
  };
}

export function numberFormatRequest(sheetId: number, area: Area, pattern: string): SheetRequest {
  return {
    repeatCell: {
      range: gridRange(sheetId, area),
      cell: { userEnteredFormat: { numberFormat: numberFormat(pattern) } },
      fields: 'userEnteredFormat.numberFormat',
    },
  };
}

/** A validation spec as setDataValidation (the same rule buildValidation makes). */
export function validationRequest(sheetId: number, v: ValidationSpec): SheetRequest {
  const rule = v.rule;
  const condition =
    rule.kind === 'list'
      ? { type: 'ONE_OF_LIST', values: rule.values.map((x) => ({ userEnteredValue: x })) }
      : rule.kind === 'range'
        ? { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: `=${rule.a1}` }] }
        : rule.kind === 'formula'
          ? { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: rule.formula }] }
          : { type: 'TEXT_IS_EMAIL' };
  const showCustomUi = rule.kind === 'list' || rule.kind === 'range';
  return {
    setDataValidation: {
      range: gridRange(sheetId, v.area),
      rule: { condition, strict: !v.allowInvalid, showCustomUi, inputMessage: v.helpText },
    },
  };
}

/** A range protection editable only by `users` (and the owner), or warning only. */
export function addProtectionRequest(
  sheetId: number,
  area: Area,
  p: Pick<ProtectionSpec, 'description' | 'warningOnly'>,
  users: readonly string[],
): SheetRequest {
  return {
    addProtectedRange: {
      protectedRange: {
        range: gridRange(sheetId, area),
        description: p.description,
        ...(p.warningOnly
          ? { warningOnly: true }
          : { editors: { users: [...users], domainUsersCanEdit: false } }),
      },
    },
  };
}

export function deleteProtectionRequest(id: number): SheetRequest {
  return { deleteProtectedRange: { protectedRangeId: id } };
}

/** Makes a protection's editors exactly `users` (and the owner): restrictEditors' end state. */
export function setEditorsRequest(id: number, users: readonly string[]): SheetRequest {
  return {
    updateProtectedRange: {
      protectedRange: { protectedRangeId: id, editors: { users: [...users], domainUsersCanEdit: false } },
      fields: 'editors',
    },
  };
}

/**
 * syncRangeProtections as requests: protections whose range and description already match are
 * kept, other range protections removed (but those whose description starts with `keepPrefix`),
 * the missing ones added. Returns the requests and the ids removed.
 */
export function syncProtectionRequests(
  sheet: ApiSheet,
  wanted: readonly ProtectionSpec[],
  users: readonly string[],
  keepPrefix: string,
): { requests: SheetRequest[]; removed: number[] } {
  const id = sheetIdOf(sheet);
  const missing = wantedRangeProtections(wanted);
  const requests: SheetRequest[] = [];
  const removed: number[] = [];
  for (const existing of sheet.protectedRanges ?? []) {
    const range = existing.range ?? {};
    const isSheetProtection =
      range.startRowIndex === undefined &&
      range.endRowIndex === undefined &&
      range.startColumnIndex === undefined &&
      range.endColumnIndex === undefined;
    if (isSheetProtection) continue;
    const description = existing.description ?? '';
    if (keepPrefix && description.indexOf(keepPrefix) === 0) continue;
    const k = protectionKey(protectedA1(existing, sheet), description);
    if (missing.has(k)) missing.delete(k);
    else {
      requests.push(deleteProtectionRequest(existing.protectedRangeId));
      removed.push(existing.protectedRangeId);
    }
  }
  for (const p of missing.values()) if (p.area) requests.push(addProtectionRequest(id, p.area, p, users));
  return { requests, removed };
}
