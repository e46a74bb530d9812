/**
 * SpreadsheetApp's bundled writes. "Spreadsheet operations are sometimes bundled together to
 * improve performance, such as when doing multiple calls to Range.getValue(). However,
 * sometimes you may want to make sure that all pending changes are made right away"
 * (SpreadsheetApp.flush, https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 * Google's own blog: "Every time you do a read, we must first empty (commit) the write cache to
 * ensure that you're reading the latest data" (Optimizing Spreadsheet Operations, 2010,
 * http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html).
 *
 * The model: inside an execution, the first write to a spreadsheet keeps a copy of its committed
 * content; SpreadsheetApp itself reads the live content (a read commits first, so the script
 * always sees its own writes), while everything outside the script's SpreadsheetApp — the CSV
 * export, the Sheets REST API, Drive's copy and export — sees the committed copy until the writes
 * are committed: by SpreadsheetApp.flush() (every file), by a SpreadsheetApp read of that file, or
 * at the end of the execution.
 *
 * Guesses, stricter case taken: a read commits only the file it reads (Google does not say
 * whether it empties the whole cache); Drive's makeCopy copies the committed content.
 *
 * Writes outside any execution (a test typing into a unit file, the demo's focal points, the
 * bench's fixtures) commit at once, each paying its own flush: they stand for people typing in
 * the browser, whose edits are saved as they go. Product code runs inside executions (menu runs
 * in the demo, triggers, runExecution in tests) and is held to the strict rule there.
 *
 * Cost: a buffered write is cheap (its own LATENCY row); its server work is paid when committed —
 * LATENCY 'SpreadsheetApp.flush' per commit and per pending operation, plus
 * 'SpreadsheetApp.flush.cells' per pending cell of value writes.
 */
import { EmulatorContext } from './context';
import { FileContent } from './drive-store';
import { latencyOf } from './latency';

interface Pending {
  /** The content as committed before the first pending write (what exports see). */
  readonly committed: FileContent;
  ops: number;
  cells: number;
}

interface PendingState {
  readonly files: Map<string, Pending>;
  /** Whether the emulator is inside an execution (set by the execution module's hooks). */
  inExecution: () => boolean;
}

const STATES = new WeakMap<EmulatorContext, PendingState>();

function stateOf(ctx: EmulatorContext): PendingState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { files: new Map(), inExecution: () => false }));
  return state;
}

/** Tell the module how to know whether an execution is running (wired by the Emulator). */
export function setExecutionProbe(ctx: EmulatorContext, probe: () => boolean): void {
  stateOf(ctx).inExecution = probe;
}

/** The modeled time to commit `ops` operations carrying `cells` written cells. */
export function commitCostMs(ops: number, cells: number): number {
  const flush = latencyOf('SpreadsheetApp.flush');
  const perCell = latencyOf('SpreadsheetApp.flush.cells');
  return flush.ms + (flush.perUnitMs ?? 0) * ops + (perCell.perUnitMs ?? 0) * cells;
}

/**
 * Call before a SpreadsheetApp write changes file `id`. Inside an execution, the first pending
 * write keeps the committed content aside (`keep()`: a copy the live content's later writes do
 * not reach — the spreadsheet service copies sheets lazily, see SpreadsheetModel.shellCopy), and
 * every write returns it so that the caller can detach what it is about to change. Outside an
 * execution the write is committed at once, its flush paid now, and nothing is returned.
 */
export function beforeWrite(
  ctx: EmulatorContext,
  id: string,
  keep: () => FileContent,
): FileContent | undefined {
  const state = stateOf(ctx);
  if (!state.inExecution()) {
    ctx.ledger.wait('SpreadsheetApp.(commit)', commitCostMs(1, 0));
    return undefined;
  }
  let pending = state.files.get(id);
  if (pending) pending.ops++;
  else state.files.set(id, (pending = { committed: keep(), ops: 1, cells: 0 }));
  return pending.committed;
}

/** A value write of `cells` cells to file `id` (after beforeWrite): the flush carries them. */
export function addPendingCells(ctx: EmulatorContext, id: string, cells: number): void {
  const pending = stateOf(ctx).files.get(id);
  if (pending) pending.cells += cells;
  else if (!stateOf(ctx).inExecution())
    ctx.ledger.wait('SpreadsheetApp.(commit)', commitCostMs(0, cells) - commitCostMs(0, 0));
}

export function hasPendingWrites(ctx: EmulatorContext, id?: string): boolean {
  const files = stateOf(ctx).files;
  return id === undefined ? files.size > 0 : files.has(id);
}

/** Commit file `id`'s pending writes (a SpreadsheetApp read of it); pays their flush. */
export function commitFile(ctx: EmulatorContext, id: string): void {
  const files = stateOf(ctx).files;
  const pending = files.get(id);
  if (!pending) return;
  files.delete(id);
  ctx.ledger.wait('SpreadsheetApp.(commit)', commitCostMs(pending.ops, pending.cells));
}

/**
 * Commit every file's pending writes (SpreadsheetApp.flush, the end of an execution). Returns the
 * modeled time of the work, for the caller to charge (one flush call carries all the files).
 */
export function takeAllPending(ctx: EmulatorContext): number {
  const files = stateOf(ctx).files;
  let ms = 0;
  for (const pending of files.values()) ms += commitCostMs(pending.ops, pending.cells) - commitCostMs(0, 0);
  files.clear();
  return ms;
}

/** Commit every file's pending writes at once (the end of an execution): one flush's time. */
export function commitAll(ctx: EmulatorContext): void {
  if (!hasPendingWrites(ctx)) return;
  ctx.ledger.wait('SpreadsheetApp.(commit)', commitCostMs(0, 0) + takeAllPending(ctx));
}

/** The content that Google's servers hold for file `id`: the committed copy while writes pend. */
export function committedContent(
  ctx: EmulatorContext,
  id: string,
  live: FileContent | undefined,
): FileContent | undefined {
  return stateOf(ctx).files.get(id)?.committed ?? live;
}
