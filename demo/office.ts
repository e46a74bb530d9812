import { Emulator, runExecution, TriggerRunner } from '../emulator';
import type { TriggerHandlers } from '../emulator/services/script-app';
import { spreadsheetModelOf } from '../emulator/services/spreadsheet';
import { LOG_SHEET } from '../src/domain/master/layout';
import { REGISTRY_HEADER_ROW, REGISTRY_SHEET, registryColumn } from '../src/domain/registry/columns';
import * as entry from '../src/index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Cell = string | number | boolean;

/** Top-level functions by name, as Apps Script finds a trigger's handler: src/index.ts's exports. */
const HANDLERS = entry as unknown as TriggerHandlers;
/** Continuations loop at most this many times per action before the demo gives up on them. */
const MAX_CONTINUATIONS = 100;

/** One Apps Script execution of the product, as measured on the ledger. */
export interface ExecutionCost {
  readonly label: string;
  readonly calls: number;
  readonly modeledMs: number;
}

/**
 * The office's side of the demo on the emulator: the bound master spreadsheet, the menu actions
 * run as Apps Script would run them, and reads of what is on screen.
 *
 * Only the product's own runs are metered: a person typing into a unit file also goes through the
 * emulated SpreadsheetApp (so protections apply), but that is not Apps Script time. Reads for the
 * demo's own checks and summary go straight to the emulator's model, uncharged, as a person
 * looking at the sheet would.
 */
export class DemoOffice {
  readonly master: Spreadsheet;
  readonly executions: ExecutionCost[] = [];

  constructor(
    readonly emu: Emulator,
    title = 'Kế hoạch CCHC - Phòng Nội vụ',
  ) {
    this.master = emu.SpreadsheetApp.create(title);
    emu.SpreadsheetApp.setActiveSpreadsheet(this.master);
  }

  /**
   * Runs a menu callback as Apps Script would: one execution (6-minute limit, locks released at
   * the end), answering its prompts with `answers`; then, while the product has left a one-off
   * trigger to continue a long operation, lets time pass and fires it, as its own execution with
   * no dialogs. Finally insists that every run logged success: a demo that went on after a failed
   * step would show files that mean nothing.
   */
  run(label: string, callback: () => void, answers: readonly string[] = []): void {
    const ok = this.emu.SpreadsheetApp.getUi().Button.OK;
    for (const text of answers) this.emu.ui.answerNext(ok, text);
    const logBefore = this.grid(LOG_SHEET).length;
    try {
      this.metered(label, () => runExecution(this.emu.ctx, callback));
    } catch (e) {
      // Menu callbacks catch their own errors; what escapes is Apps Script ending the execution.
      throw new Error(
        `"${label}" was stopped by Apps Script: ${e instanceof Error ? e.message : String(e)}`,
        {
          cause: e,
        },
      );
    }
    if (this.emu.ui.pendingAnswers() > 0) throw new Error(`"${label}" did not ask what the demo answered`);
    this.runContinuations(label);
    const logged = this.grid(LOG_SHEET).slice(Math.max(logBefore, 1));
    if (logged.length === 0) throw new Error(`"${label}" wrote no line to "${LOG_SHEET}"`);
    for (const row of logged) {
      if (row[3] !== 'Thành công') {
        throw new Error(`"${row[2]}" did not succeed: ${row[3]} — ${String(row[5]).replace(/\n/g, ' | ')}`);
      }
    }
  }

  private runContinuations(label: string): void {
    const runner = new TriggerRunner(this.emu.ctx);
    const { ui, ctx } = this.emu;
    for (let hop = 0; ; hop++) {
      const due = runner.nextDueMs();
      if (due === null) return;
      if (hop >= MAX_CONTINUATIONS) throw new Error(`"${label}" kept scheduling continuations`);
      ui.uiAvailable = false;
      try {
        const runs = this.metered(`${label} (chạy tiếp)`, () =>
          runner.advanceAndRun(Math.max(0, due - ctx.clock.nowMs()), HANDLERS),
        );
        const failed = runs.find((r) => r.status === 'failed');
        if (failed) throw new Error(`"${label}" failed in a continuation: ${String(failed.error)}`);
      } finally {
        ui.uiAvailable = true;
      }
    }
  }

  private metered<T>(label: string, fn: () => T): T {
    const { ledger } = this.emu.ctx;
    const calls = ledger.totalCalls();
    const ms = ledger.modeledTimeMs();
    const result = fn();
    this.executions.push({
      label,
      calls: ledger.totalCalls() - calls,
      modeledMs: ledger.modeledTimeMs() - ms,
    });
    return result;
  }

  /** A sheet's values, uncharged ([] when the sheet does not exist). */
  grid(sheetName: string, fileId = this.master.getId()): Cell[][] {
    const sheet = spreadsheetModelOf(this.emu.ctx, fileId)?.sheetByName(sheetName);
    if (!sheet) return [];
    const rows = sheet.lastRow();
    const columns = sheet.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => sheet.valueAt(r + 1, c + 1) ?? ''),
    );
  }

  /** The registry rows below the header. */
  registry(): Cell[][] {
    return this.grid(REGISTRY_SHEET).slice(REGISTRY_HEADER_ROW);
  }

  /** The unit's file id from the registry ('' before provisioning). */
  fileId(code: string): string {
    const row = this.registry().find((r) => r[0] === code);
    return String(row?.[registryColumn('fileId') - 1] ?? '');
  }

  /** Types the registry's input columns as the office would (a person's edit, not metered). */
  typeRegistry(rows: readonly (readonly string[])[]): void {
    const sheet = this.master.getSheetByName(REGISTRY_SHEET);
    if (!sheet) throw new Error(`no "${REGISTRY_SHEET}" sheet: run setup first`);
    sheet
      .getRange(REGISTRY_HEADER_ROW + 1, 1, rows.length, rows[0].length)
      .setValues(rows.map((r) => [...r]));
  }

  /** Product calls and modeled time over every action so far. */
  totals(): { calls: number; modeledMs: number; longest: ExecutionCost | null } {
    let longest: ExecutionCost | null = null;
    for (const a of this.executions) if (!longest || a.modeledMs > longest.modeledMs) longest = a;
    return {
      calls: this.executions.reduce((n, a) => n + a.calls, 0),
      modeledMs: this.executions.reduce((n, a) => n + a.modeledMs, 0),
      longest,
    };
  }
}
