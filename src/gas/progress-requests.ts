/**
 * The progress sheets of the template push as Sheets API requests (inside the file's one
 * batchUpdate, push-api.ts): a period's sheet added or rewritten whole, its validations and its
 * one sheet protection, and the period rows of "Nộp kế hoạch" with the cells the unit may edit.
 * Pure: what to write is decided in domain/progress/push-plan.ts.
 */
import { ProgressPush } from '../domain/progress/push-plan';
import { Area, ProtectionSpec, SheetSpec } from '../domain/sheet-spec';
import { SUBMISSION_FIRST_ROW, UNIT_SHEETS } from '../domain/unit-file/sheets';
import { submissionStateValidation } from '../domain/progress/push-plan';
import { specHeight, specWidth } from './render-sheet';
import {
  ApiProtectedRange,
  ApiSheet,
  cellValueRequest,
  columnCountOf,
  deleteProtectionRequest,
  gridRange,
  rewriteSheetRequests,
  rowCountOf,
  sheetIdOf,
  SheetRequest,
  validationRequest,
} from './sheet-requests';

/** A new sheet's grid in Sheets (the UI's and insertSheet's). */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** First id tried for an added progress sheet; any free non-negative id is allowed. */
const PROGRESS_SHEET_ID_BASE = 170_000_000;

/** A protection with no bounds on its range is the whole sheet (ProtectedRange reference). */
export function isSheetProtection(p: ApiProtectedRange): boolean {
  const r = p.range ?? {};
  return (
    r.startRowIndex === undefined &&
    r.endRowIndex === undefined &&
    r.startColumnIndex === undefined &&
    r.endColumnIndex === undefined
  );
}

/** A whole-sheet protection with its open areas, editable by `users` (and the owner) only. */
export function sheetProtectionRequest(
  sheetId: number,
  p: ProtectionSpec,
  users: readonly string[],
): SheetRequest {
  return {
    addProtectedRange: {
      protectedRange: {
        range: { sheetId },
        description: p.description,
        unprotectedRanges: (p.unprotected ?? []).map((a) => gridRange(sheetId, a)),
        editors: { users: [...users], domainUsersCanEdit: false },
      },
    },
  };
}

/** A spec written whole into a sheet of the given size: values, formats, validations, protections. */
function renderRequests(sheet: ApiSheet, spec: SheetSpec, users: readonly string[]): SheetRequest[] {
  const id = sheetIdOf(sheet);
  const size = { rows: specHeight(spec), columns: specWidth(spec) };
  const rows = Math.max(rowCountOf(sheet), size.rows);
  const columns = Math.max(columnCountOf(sheet), size.columns);
  const whole: Area = { row: 1, column: 1, numRows: rows, numColumns: columns };
  const all = rewriteSheetRequests(sheet, spec, size);
  return [
    ...all.filter(isResize),
    // The rows of sections and tasks move when the plan changes: no format or rule may stay
    // where a row used to be (over the whole grid, once it has its size).
    { repeatCell: { range: gridRange(id, whole), cell: {}, fields: 'userEnteredFormat' } },
    { setDataValidation: { range: gridRange(id, whole) } },
    ...all.filter((r) => !isResize(r)),
    ...(spec.validations ?? []).map((v) => validationRequest(id, v)),
    ...(spec.protections ?? []).map((p) => sheetProtectionRequest(id, p, users)),
  ];
}

function isResize(r: SheetRequest): boolean {
  const props = (r.updateSheetProperties as { fields?: string } | undefined)?.fields ?? '';
  return props.indexOf('gridProperties.rowCount') >= 0;
}

/**
 * The push's progress requests for one file. `removed`: the protections deleted (a rewritten
 * sheet's own; a submitted round's lock is never among them: a sent period is not rewritten).
 */
export function progressRequests(
  sheets: readonly ApiSheet[],
  push: ProgressPush,
  users: readonly string[],
  keepPrefix: string,
): { requests: SheetRequest[]; removed: number[] } {
  const requests: SheetRequest[] = [];
  const removed: number[] = [];
  const byName = (name: string) => sheets.find((s) => s.properties.title === name);
  const taken = new Set(sheets.map(sheetIdOf));
  let nextId = PROGRESS_SHEET_ID_BASE;
  for (const write of push.sheets) {
    let sheet = byName(write.spec.name);
    if (!sheet || write.kind === 'create') {
      while (taken.has(nextId)) nextId++;
      taken.add(nextId);
      // The size insertSheet gives (the SpreadsheetApp path's): both paths end with the same grid.
      const size = {
        rowCount: Math.max(specHeight(write.spec), NEW_SHEET_ROWS),
        columnCount: Math.max(specWidth(write.spec), NEW_SHEET_COLUMNS),
      };
      requests.push({
        addSheet: { properties: { sheetId: nextId, title: write.spec.name, gridProperties: size } },
      });
      sheet = { properties: { sheetId: nextId, title: write.spec.name, gridProperties: size } };
    } else {
      for (const p of sheet.protectedRanges ?? []) {
        if (keepPrefix && (p.description ?? '').indexOf(keepPrefix) === 0) continue;
        requests.push(deleteProtectionRequest(p.protectedRangeId));
        removed.push(p.protectedRangeId);
      }
    }
    requests.push(...renderRequests(sheet, write.spec, users));
  }
  const submission = byName(UNIT_SHEETS.submission);
  if (submission && push.rows.length > 0) {
    const id = sheetIdOf(submission);
    for (const row of push.rows) {
      requests.push(cellValueRequest(id, row.row, 1, row.label), cellValueRequest(id, row.row, 2, row.due));
      if (row.state !== null) requests.push(cellValueRequest(id, row.row, 3, row.state));
    }
    requests.push(validationRequest(id, submissionStateValidation(push.submissionRows)));
    const open = gridRange(id, {
      row: SUBMISSION_FIRST_ROW,
      column: 3,
      numRows: push.submissionRows,
      numColumns: 2,
    });
    for (const p of (submission.protectedRanges ?? []).filter((x) => isSheetProtection(x)))
      requests.push({
        updateProtectedRange: {
          protectedRange: { protectedRangeId: p.protectedRangeId, unprotectedRanges: [open] },
          fields: 'unprotectedRanges',
        },
      });
  }
  return { requests, removed };
}
