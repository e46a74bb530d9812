/**
 * A spreadsheet model → an .xlsx file (ExcelJS). What is kept: sheet names (made valid for Excel,
 * see xlsx-sheet-names.ts) and order, hidden sheets, tab colours, the sheet shown on opening,
 * values with their types and formulas (xlsx-cells.ts), number formats, fonts, fills, alignment,
 * wrap and borders (xlsx-style.ts), merges, column widths and row heights (xlsx-units.ts), frozen
 * rows and columns, notes as comments, and data validation (xlsx-validation.ts).
 * What is not: protections (an Excel sheet protection would lock the file for whoever opens it,
 * while Sheets' protections name the people who may edit), the grid size (Excel sheets are always
 * 1,048,576 × 16,384), conditional formats, filters, charts.
 */
import ExcelJS from 'exceljs';
import {
  cellA1,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  GridRange,
  rangeA1,
  SheetModel,
  SpreadsheetModel,
} from '../services/spreadsheet';
import { intersects } from '../services/spreadsheet/a1';
import { excelValue } from './xlsx-cells';
import { EXCEL_LAST_COLUMN } from './xlsx-formula';
import { excelSheetNames, SheetNameChange } from './xlsx-sheet-names';
import { excelStyle } from './xlsx-style';
import { argb, excelColumnWidth, excelRowHeight } from './xlsx-units';
import { ExcelValidation, sheetValidations, ValidationContext } from './xlsx-validation';
import { xmlSafe } from './xml-text';

const EXCEL_LAST_ROW = 1_048_576;

export interface XlsxMeta {
  title: string;
  created?: Date;
  modified?: Date;
}

export interface XlsxResult {
  buffer: Buffer;
  /** Sheets whose name Excel could not take as is, and the name they got. */
  sheetNames: SheetNameChange[];
  /** Anything else that could not be carried over exactly. */
  warnings: string[];
}

/**
 * ExcelJS 4.4 keeps range validations in `worksheet.dataValidations` (lib/doc/data-validations.js)
 * but its typings only declare the per-cell form; a per-cell rule cannot carry a custom formula
 * read relative to its range's top-left cell.
 */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelValidation): void };
};

interface SheetContext {
  name: string;
  renames: ReadonlyMap<string, string>;
  validation: ValidationContext;
  warn: (message: string) => void;
}

/** Merges Excel can take: inside its grid, larger than one cell, overlapping no earlier one. */
function usableMerges(sheet: SheetModel, warn: (m: string) => void): GridRange[] {
  const kept: GridRange[] = [];
  for (const m of sheet.merges) {
    const inGrid = m.row + m.numRows - 1 <= EXCEL_LAST_ROW && m.col + m.numCols - 1 <= EXCEL_LAST_COLUMN;
    if (m.numRows * m.numCols < 2 || m.row < 1 || m.col < 1 || !inGrid) continue;
    if (kept.some((k) => intersects(k, m))) {
      warn(`merge ${rangeA1(m)} overlaps another and was left out`);
      continue;
    }
    kept.push(m);
  }
  return kept;
}

function coveredByMerge(merges: readonly GridRange[], row: number, col: number): boolean {
  return merges.some(
    (m) =>
      row >= m.row &&
      row < m.row + m.numRows &&
      col >= m.col &&
      col < m.col + m.numCols &&
      !(row === m.row && col === m.col),
  );
}

function writeLayout(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const columns = Math.min(sheet.maxColumns, EXCEL_LAST_COLUMN);
  // Every column of the Sheets grid gets its width: apps disagree on how to read a default width.
  for (let c = 1; c <= columns; c++) ws.getColumn(c).width = excelColumnWidth(sheet.columnWidth(c));
  for (const [row, px] of sheet.rowHeights) {
    if (row <= EXCEL_LAST_ROW && px !== DEFAULT_ROW_HEIGHT) ws.getRow(row).height = excelRowHeight(px);
  }
}

function writeCells(ws: ExcelJS.Worksheet, sheet: SheetModel, merges: GridRange[], ctx: SheetContext): void {
  let outside = 0;
  for (const { row, col, cell } of sheet.cells()) {
    if (row > EXCEL_LAST_ROW || col > EXCEL_LAST_COLUMN) {
      outside++;
      continue;
    }
    // Sheets shows only the top-left value of a merge; ExcelJS would move a covered value onto it.
    const value = coveredByMerge(merges, row, col)
      ? undefined
      : excelValue(cell, ctx.renames, (m) => ctx.warn(`${ctx.name}!${cellA1(row, col)}: ${m}`));
    // A cell holding only a validation rule is left out: its rule is written by range.
    if (value === undefined && !cell.format && !cell.note) continue;
    const target = ws.getCell(row, col);
    if (value !== undefined) target.value = value;
    if (value !== undefined || cell.format) target.style = excelStyle(sheet.styleAt(row, col));
    if (cell.note) target.note = xmlSafe(cell.note);
  }
  if (outside > 0) ctx.warn(`${ctx.name}: ${outside} cells beyond Excel's grid left out`);
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel, ctx: SheetContext, selected: boolean): void {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const ws = wb.addWorksheet(ctx.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: {
      defaultRowHeight: excelRowHeight(DEFAULT_ROW_HEIGHT),
      defaultColWidth: excelColumnWidth(DEFAULT_COLUMN_WIDTH),
      ...(argb(sheet.tabColor) ? { tabColor: { argb: argb(sheet.tabColor) } } : {}),
    },
    views: [
      {
        ...(frozen
          ? {
              state: 'frozen' as const,
              xSplit: sheet.frozenColumns,
              ySplit: sheet.frozenRows,
              topLeftCell: cellA1(sheet.frozenRows + 1, sheet.frozenColumns + 1),
            }
          : { state: 'normal' as const }),
        activeCell: 'A1',
        ...(selected ? { tabSelected: true } : {}),
      },
    ],
  });
  writeLayout(ws, sheet);
  const merges = usableMerges(sheet, ctx.warn);
  writeCells(ws, sheet, merges, ctx);
  // Merged without copying the top-left style over the others: each cell keeps its own borders.
  for (const m of merges)
    ws.mergeCellsWithoutStyle(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
  const validations = (ws as WithValidations).dataValidations;
  for (const { range, validation } of sheetValidations(sheet, ctx.validation)) {
    validations.add(rangeA1(range), validation);
  }
}

/** The sheet opened first: the active one if visible, else the first visible sheet. */
function shownSheet(model: SpreadsheetModel): number {
  const active = model.sheets.findIndex((s) => s.id === model.activeSheetId && !s.hidden);
  return active >= 0
    ? active
    : Math.max(
        0,
        model.sheets.findIndex((s) => !s.hidden),
      );
}

/** Builds the workbook in memory (tests and callers that want to add to it). */
export function buildWorkbook(
  model: SpreadsheetModel,
  meta: XlsxMeta,
): { workbook: ExcelJS.Workbook; sheetNames: SheetNameChange[]; warnings: string[] } {
  const warnings: string[] = [];
  const { names, changes } = excelSheetNames(model.sheets.map((s) => s.name));
  const renames = new Map(changes.map((c) => [c.from, c.to]));
  const byId = new Map(model.sheets.map((s, i) => [s.id, names[i]]));
  const wb = new ExcelJS.Workbook();
  wb.title = xmlSafe(meta.title);
  wb.creator = 'cchc-workspace emulator';
  if (meta.created) wb.created = meta.created;
  if (meta.modified) wb.modified = meta.modified;
  // Excel needs one visible sheet; Sheets guarantees it, a hand-made model might not.
  const allHidden = model.sheets.length > 0 && model.sheets.every((s) => s.hidden);
  if (allHidden) warnings.push(`every sheet was hidden; "${names[0]}" is shown`);
  const shown = shownSheet(model);
  let formulas = false;
  model.sheets.forEach((sheet, i) => {
    formulas ||= [...sheet.cells()].some((c) => c.cell.formula !== undefined);
    const visible = allHidden && i === 0 ? Object.assign(sheet.clone(), { hidden: false }) : sheet;
    writeSheet(
      wb,
      visible,
      {
        name: names[i],
        renames,
        validation: { sheetName: (id) => byId.get(id), renames, timeZone: model.timeZone },
        warn: (m) => warnings.push(m),
      },
      i === shown,
    );
  });
  if (model.sheets.length === 0) wb.addWorksheet('Sheet1');
  const firstVisible = Math.max(
    0,
    model.sheets.findIndex((s) => !s.hidden),
  );
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: firstVisible,
      activeTab: shown,
      visibility: 'visible',
    },
  ];
  // The emulator caches #NAME? for any formula it cannot compute (see its values/formula.ts):
  // ask Excel and LibreOffice to compute every formula when the file opens.
  if (formulas) wb.calcProperties.fullCalcOnLoad = true;
  return { workbook: wb, sheetNames: changes, warnings };
}

export async function writeXlsx(model: SpreadsheetModel, meta: XlsxMeta): Promise<XlsxResult> {
  const { workbook, sheetNames, warnings } = buildWorkbook(model, meta);
  const data = await workbook.xlsx.writeBuffer();
  return { buffer: Buffer.from(data as ArrayBuffer), sheetNames, warnings };
}
