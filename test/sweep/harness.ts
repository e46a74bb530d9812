/**
 * The fault sweep: an operation is stopped at its 1st, 2nd, … Nth service call in turn (a fault
 * injected by the emulator's ledger), then recovered as it would be on Google — the continuation
 * trigger runs until nothing is paused, and a person who does not see a success starts the
 * operation again — and the end state must equal an uninterrupted run's.
 *
 * The state compared (snapshot below): every master sheet's values and protections, every unit
 * file's, every live Drive item (name, folder, trashed, owner, sharing), every document's text, the
 * emails sent (a multiset: each exactly once), the live triggers and the stored property keys. The
 * only normalisations, each because an interrupted run legitimately takes longer or leaves a
 * record of its failure:
 *   - a time of day is dropped (the date is kept) in cells, names and emails;
 *   - Drive ids are replaced by the item's path (a retried copy gets a new id);
 *   - epoch-millisecond times stored in the tracking state's JSON ("decidedAtMs": …) and in a
 *     return notice's key in "Thư đã gửi" ("trả lại <ms>") keep their date only, as cells do;
 *   - "Tiến độ"'s "Số lần chạy" (executions a job took) is left out: a stopped run takes more;
 *     after a person's rerun its "Đã xong" and "Tổng" too: the row shows the latest run, which
 *     had less (or nothing) left to do;
 *   - "Nhật ký" (the log) is left out: an interrupted run logs its failure; only whether its
 *     last row is a success is compared.
 * And two named equivalences, each for an interrupted run only (see there):
 *   - UNCERTAIN_MAIL_IS_SENT: an email a dead run may have sent is never sent again and is said to
 *     be uncertain — the most a retry can honestly do;
 *   - TRASHED_HALF: a file the product trashed, half-made, before it made the whole one again.
 */
import { mailOutbox, runExecution, TriggerRunner } from '../../emulator';
import { MIME } from '../../emulator/core/drive-store';
import { propertyStores } from '../../emulator/services/properties';
import { scriptState } from '../../emulator/services/script-app/state';
import {
  MAIL_LOG_SHEET,
  MAIL_SENT,
  MAIL_STATE_COLUMN,
  MAIL_UNCERTAIN,
} from '../../src/domain/tracking/mail-log';
import * as entry from '../../src/index';
import { Office } from '../fixtures/office';

export const LOG_SHEET = 'Nhật ký';

export interface SweepOperation {
  readonly name: string;
  /** A fresh office just before the operation; the same every call (the emulator repeats exactly). */
  readonly prepare: () => Office;
  /** The person starts the operation (menu click, with its dialogs' answers). */
  readonly start: (office: Office) => void;
  /**
   * Whether the person, looking at the master after the interrupted run settled, starts it again.
   * Default: unless the log's newest row, written during this run, is a success.
   */
  readonly personReruns?: (office: Office, logRowsBefore: number) => boolean;
  /**
   * What the uninterrupted run must have done (throws if not), so a sweep never compares two runs
   * that both did nothing.
   */
  readonly checkReference?: (office: Office) => void;
}

/** One fault point's outcome. */
export interface PointResult {
  readonly nth: number;
  /** The call the fault stopped ("Range.setValues"); '' when the run made fewer calls. */
  readonly key: string;
  readonly rerun: boolean;
  /** Where the end state differs from the uninterrupted run ([] when equal). */
  readonly diffs: readonly string[];
}

export interface SweepResult {
  readonly operation: string;
  /** Calls of the uninterrupted run (start and continuations). */
  readonly calls: number;
  readonly points: readonly PointResult[];
  readonly failing: readonly PointResult[];
  /** '' when the uninterrupted run logged a success and passed checkReference; else why not. */
  readonly referenceProblem: string;
}

/**
 * Calls that commit state — a sheet renamed, deleted or added, a mail sent, a file copied, moved,
 * shared or trashed, a stored property — where a stop between "done" and "recorded" loses or repeats
 * work. The sampled sweep stops at each of them and at the call after.
 */
export const COMMIT_KEYS: ReadonlySet<string> = new Set([
  'Sheet.setName',
  'Spreadsheet.deleteSheet',
  'Spreadsheet.insertSheet',
  'MailApp.sendEmail',
  'File.makeCopy',
  'File.setTrashed',
  'File.moveTo',
  'File.addEditor',
  'File.addEditors',
  'File.removeEditor',
  'File.addViewer',
  'DriveApp.createFile',
  'DocumentApp.create',
  'Properties.setProperty',
  'Properties.deleteProperty',
]);

/**
 * Full sweep with SWEEP=full; otherwise the first and last `edge` calls, `middle` calls evenly
 * between, and up to `commits` calls of COMMIT_KEYS (with the call after each), given `keys`, the
 * uninterrupted run's calls in order.
 */
export function faultPoints(
  calls: number,
  keys: readonly string[] = [],
  opts: { edge?: number; middle?: number; commits?: number } = {},
): number[] {
  if (process.env.SWEEP === 'full') return Array.from({ length: calls }, (_, i) => i + 1);
  // About thirty to fifty points an operation: the sampled sweep stays within minutes in CI.
  const edge = opts.edge ?? 10;
  const middle = opts.middle ?? 10;
  const commits = opts.commits ?? 10;
  const set = new Set<number>();
  for (let i = 1; i <= Math.min(edge, calls); i++) set.add(i);
  for (let i = Math.max(1, calls - edge + 1); i <= calls; i++) set.add(i);
  const inner = calls - 2 * edge;
  if (inner > 0) {
    const step = Math.max(1, Math.ceil(inner / middle));
    for (let i = edge + step; i <= calls - edge; i += step) set.add(i);
  }
  const committing = keys.flatMap((key, i) => (COMMIT_KEYS.has(key) ? [i + 1] : []));
  const stride = Math.max(1, committing.length / commits);
  for (let j = 0; j < committing.length; j += stride) {
    const at = committing[Math.floor(j)];
    set.add(at);
    if (at < calls) set.add(at + 1);
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * Closes the office and frees its files. Jest's global proxy keeps the last value of every global
 * replaced or deleted during a test file until the file ends (jest-environment-node's
 * "leftovers"), so each closed office's services, and through them its Drive, stay in memory: a
 * full sweep of a thousand offices took 4 GB. Emptying the files' contents leaves kilobytes.
 */
export function release(office: Office): void {
  office.close();
  for (const item of office.emu.ctx.drive.all()) item.content = undefined;
}

/** Runs `fn` as one execution (a menu click); a thrown error is what the person sees, not the test's. */
function execute(office: Office, fn: () => void): void {
  try {
    runExecution(office.emu.ctx, fn);
  } catch {
    // The script died (the injected fault, or what it caused): Apps Script shows the error.
  }
}

/** Lets the continuation trigger fire until no long operation is paused (as fixtures/office.ts). */
export function settle(office: Office, maxHops = 200): void {
  const { ctx } = office.emu;
  const runner = new TriggerRunner(ctx);
  const pending = () =>
    scriptState(ctx).triggers.filter(
      (t) => !t.deleted && t.handler === 'continueJobsTrigger' && t.nextFireMs !== null,
    );
  for (let hops = 0; pending().length > 0; hops++) {
    if (hops > maxHops) throw new Error('continuations never finished');
    const wait = Math.max(0, Math.min(...pending().map((t) => t.nextFireMs as number)) - ctx.clock.nowMs());
    const wasAvailable = office.emu.ui.uiAvailable;
    office.emu.ui.uiAvailable = false;
    try {
      runner.advanceAndRun(wait, { continueJobsTrigger: entry.continueJobsTrigger });
    } finally {
      office.emu.ui.uiAvailable = wasAvailable;
    }
  }
}

function logRows(office: Office): unknown[][] {
  const sheet = office.emu.SpreadsheetApp.openById(office.master.getId()).getSheetByName(LOG_SHEET);
  return sheet ? sheet.getDataRange().getValues() : [];
}

function lastLogIsNewSuccess(office: Office, before: number): boolean {
  const rows = logRows(office);
  return rows.length > before && String(rows[rows.length - 1][3]) === 'Thành công';
}

/** Start the operation and let it finish, with no fault: the reference. */
export function uninterrupted(op: SweepOperation): { office: Office; calls: number; keys: string[] } {
  const office = op.prepare();
  const { ledger } = office.emu.ctx;
  logRows(office); // as interrupted() reads it: the same calls, so the same modeled clock
  const before = ledger.totalCalls();
  // Listeners also run on modeled waits that are no call: a key counts when the total moved.
  const keys: string[] = [];
  const stop = ledger.onCharge((key) => {
    if (ledger.totalCalls() - before > keys.length) keys.push(key);
  });
  try {
    execute(office, () => op.start(office));
    settle(office);
  } finally {
    stop();
  }
  return { office, calls: ledger.totalCalls() - before, keys };
}

/** The operation stopped at its `nth` call, then recovered; the office in its end state. */
function interrupted(op: SweepOperation, nth: number): { office: Office; key: string; rerun: boolean } {
  const office = op.prepare();
  const { ledger } = office.emu.ctx;
  const logBefore = logRows(office).length;
  ledger.failOnCall(nth);
  const tripped = ledger.tripped().length;
  execute(office, () => op.start(office));
  settle(office);
  ledger.clearFaults();
  const stopped = ledger.tripped().slice(tripped);
  const rerun =
    stopped.length > 0 &&
    (op.personReruns ? op.personReruns(office, logBefore) : !lastLogIsNewSuccess(office, logBefore));
  if (rerun) {
    office.emu.ui.clearAnswers();
    execute(office, () => op.start(office));
    settle(office);
  }
  return { office, key: stopped[0]?.key ?? '', rerun };
}

// ---- the state compared ------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TIME_OF_DAY = /(\d{1,2}[-/.]\d{1,2}[-/.]\d{4})[ T,]+\d{1,2}[:h-]\d{2}(?:[:-]\d{2})?/g;
const ISO_TIME = /(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g;
const EPOCH_MS_FIELD = /"(\w*AtMs)":(\d{12,14})/g;
/** A return notice's key in "Thư đã gửi" ("trả lại <decidedAtMs>", mail-log.ts): its time, as above. */
const RETURN_NOTICE_KEY = /(trả lại )(\d{12,14})\b/g;
const PROGRESS_SHEET = 'Tiến độ';
/** "Số lần chạy", the progress sheet's 7th column. */
const PROGRESS_EXECUTIONS_COLUMN = 6;
/** "Đã xong" and "Tổng": the latest run's counts. */
const PROGRESS_COUNT_COLUMNS = [2, 3];

export interface SnapshotOptions {
  /** A person started the operation again: "Tiến độ" counts that run, not the whole work. */
  readonly rerun?: boolean;
  /** An interrupted run's state: UNCERTAIN_MAIL_IS_SENT applies. */
  readonly interrupted?: boolean;
}

/**
 * The equivalence UNCERTAIN_MAIL_IS_SENT, for an interrupted run only. A run stopped after
 * MailApp.sendEmail returned and before "Thư đã gửi" marked the row "Đã gửi" cannot know whether
 * the email went (MailApp keeps no sent list the script may read), so the retry marks the row
 * "Chưa rõ đã gửi (lỗi giữa chừng)", does not send it again (never twice) and reports the run as
 * not successful with the row's email named, so a person checks the sent mail. The sweep compares
 * that as the uninterrupted run's "Đã gửi", when:
 *   - the cell is the state column of "Thư đã gửi" (nothing else is mapped);
 *   - the emails sent still equal the uninterrupted run's exactly (compared as ever: a lost or
 *     doubled email still fails);
 *   - the run's last log row, if not a success, says the email is uncertain ("chưa rõ"): then
 *     it counts as the success the uninterrupted run logged. Any other failure still fails.
 */
const UNCERTAIN_MAIL_IS_SENT = {
  sheet: MAIL_LOG_SHEET,
  column: MAIL_STATE_COLUMN - 1,
  uncertain: MAIL_UNCERTAIN,
  sent: MAIL_SENT,
  reported: /chưa rõ/i,
} as const;

/** Everything an operation may change, normalised as the header comment says. */
export function snapshot(office: Office, options: SnapshotOptions = {}): Json {
  const maskedProgress = [PROGRESS_EXECUTIONS_COLUMN, ...(options.rerun ? PROGRESS_COUNT_COLUMNS : [])];
  let uncertainMails = 0; // rows UNCERTAIN_MAIL_IS_SENT mapped
  const { emu } = office;
  const { ctx } = emu;
  const items = ctx.drive.all().filter((it) => !it.deleted);
  const byId = new Map(items.map((it) => [it.id, it]));
  const pathOf = (id: string, seen = new Set<string>()): string => {
    const it = byId.get(id);
    if (!it || ctx.drive.isRoot(id)) return '';
    if (seen.has(id)) return it.name;
    seen.add(id);
    const parent = [...it.parents][0];
    const up = parent ? pathOf(parent, seen) : '';
    return up ? `${up}/${it.name}` : it.name;
  };
  // Longest first, so an id that contains another is replaced whole.
  const ids = items
    .filter((it) => !ctx.drive.isRoot(it.id))
    .map((it) => [it.id, `<${pathOf(it.id)}>`] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const text = (s: string): string => {
    let out = s;
    for (const [id, path] of ids) if (out.includes(id)) out = out.split(id).join(path);
    return out
      .replace(TIME_OF_DAY, '$1 <giờ>')
      .replace(ISO_TIME, '$1')
      .replace(
        EPOCH_MS_FIELD,
        (_m, key: string, ms: string) => `"${key}":"${new Date(Number(ms)).toISOString().slice(0, 10)}"`,
      )
      .replace(
        RETURN_NOTICE_KEY,
        (_m, prefix: string, ms: string) => `${prefix}${new Date(Number(ms)).toISOString().slice(0, 10)}`,
      );
  };
  const cell = (v: unknown): Json => {
    if (v instanceof Date) return `date:${v.toISOString().slice(0, 10)}`;
    if (typeof v === 'string') return text(v);
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    return v === null || v === undefined ? null : text(String(v));
  };

  const spreadsheet = (id: string, skip: readonly string[] = []): Json => {
    const ss = emu.SpreadsheetApp.openById(id);
    const P = emu.SpreadsheetApp.ProtectionType;
    const protections = (list: GoogleAppsScript.Spreadsheet.Protection[]): Json =>
      list
        .map((p) =>
          JSON.stringify({
            range: p.getRange().getA1Notation(),
            description: p.getDescription(),
            warningOnly: p.isWarningOnly(),
            editors: p
              .getEditors()
              .map((u) => u.getEmail())
              .sort(),
          }),
        )
        .sort();
    const sheets = ss.getSheets();
    // By name, so a missing or renamed sheet shows as itself, not as every later sheet shifted.
    const byName: Record<string, Json> = {};
    for (const sheet of sheets) {
      const name = sheet.getName();
      const skipped = skip.includes(name);
      byName[name] = {
        hidden: sheet.isSheetHidden(),
        values: skipped
          ? 'bỏ qua'
          : sheet
              .getDataRange()
              .getValues()
              .map((row) =>
                row.map((v, col) => {
                  if (name === PROGRESS_SHEET && maskedProgress.includes(col)) return 'bỏ qua';
                  const u = UNCERTAIN_MAIL_IS_SENT;
                  if (options.interrupted && name === u.sheet && col === u.column && v === u.uncertain) {
                    uncertainMails++;
                    return u.sent;
                  }
                  return cell(v);
                }),
              ),
        protections: protections([...sheet.getProtections(P.SHEET), ...sheet.getProtections(P.RANGE)]),
      };
    }
    return { order: sheets.map((sheet) => sheet.getName()), sheets: byName };
  };

  const live = items.filter((it) => !ctx.drive.isRoot(it.id));
  const files = live
    .map((it) => ({
      path: pathOf(it.id),
      mime: it.mimeType,
      trashed: ctx.drive.isTrashed(it),
      owner: it.owner,
      editors: [...it.editors].sort().join(','),
      viewers: [...it.viewers].sort().join(','),
      sharing: `${it.sharingAccess}/${it.sharingPermission}`,
      description: text(it.description),
    }))
    .map((f) => JSON.stringify(f))
    .sort();
  const contents: Record<string, Json> = {};
  // Numbered among the items not in the trash (whose contents are the ones compared).
  const untrashed = live.filter((it) => !ctx.drive.isTrashed(it));
  for (const it of untrashed) {
    const key = `${pathOf(it.id)} #${untrashed.filter((o) => pathOf(o.id) === pathOf(it.id)).indexOf(it)}`;
    if (it.mimeType === MIME.spreadsheet)
      contents[key] = spreadsheet(it.id, it.id === office.master.getId() ? [LOG_SHEET] : []);
    else if (it.mimeType === MIME.document)
      contents[key] = text(emu.DocumentApp.openById(it.id).getBody().getText());
  }
  const mails = mailOutbox(ctx)
    .messages()
    .map((m) =>
      JSON.stringify({
        from: m.from,
        to: m.to,
        cc: m.cc,
        bcc: m.bcc,
        subject: text(m.subject),
        body: text(m.body),
        html: m.htmlBody === null ? null : text(m.htmlBody),
        attachments: m.attachments.map((a) => `${a.name}:${a.contentType}`),
      }),
    )
    .sort();
  const triggers = scriptState(ctx)
    .triggers.filter((t) => !t.deleted)
    .map((t) => `${t.handler}${t.nextFireMs === null ? ' (đã chạy)' : ''}`)
    .sort();
  const stores = propertyStores(ctx);
  const properties = {
    script: [...stores.script.keys()].sort(),
    document: [...stores.document.keys()].sort(),
  };
  const logs = logRows(office);
  const lastLog = logs.length > 0 ? logs[logs.length - 1] : null;
  const success = lastLog !== null && String(lastLog[3]) === 'Thành công';
  const saysUncertain =
    uncertainMails > 0 && lastLog !== null && UNCERTAIN_MAIL_IS_SENT.reported.test(lastLog.join(' '));
  return {
    files,
    contents,
    mails,
    triggers,
    properties,
    lastLogSuccess: success || saysUncertain,
  } as Json;
}

/** Where `b` differs from `a`: at most `limit` lines "path: a → b". */
export function diffJson(a: Json, b: Json, limit = 6): string[] {
  const out: string[] = [];
  const show = (v: Json | undefined, raw = false) => {
    const s = v === undefined ? '(không có)' : raw && typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 160 ? `${s.slice(0, 157)}…` : s;
  };
  const walk = (x: Json | undefined, y: Json | undefined, path: string) => {
    if (out.length >= limit) return;
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    // Sorted string lists (files, mails, triggers): report what is missing and what is extra.
    if (
      Array.isArray(x) &&
      Array.isArray(y) &&
      [...x, ...y].every((v) => typeof v === 'string') &&
      /files|mails|triggers|protections|script|document$/.test(path)
    ) {
      const rest = [...(y as string[])];
      for (const v of x as string[]) {
        const at = rest.indexOf(v);
        if (at >= 0) rest.splice(at, 1);
        else if (out.length < limit) out.push(`${path}: thiếu ${show(v, true)}`);
      }
      for (const v of rest) if (out.length < limit) out.push(`${path}: thừa ${show(v, true)}`);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const named = ((x[i] ?? y[i]) as { name?: unknown } | null)?.name;
        walk(x[i], y[i], typeof named === 'string' ? `${path}/${named}` : `${path}[${i}]`);
      }
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      for (const k of keys) walk(x[k], y[k], `${path}/${k}`);
      return;
    }
    if (typeof x === 'string' && typeof y === 'string' && x.length + y.length > 120) {
      // Long texts (documents, JSON state): show where they part, not their common start.
      let at = 0;
      while (at < x.length && x[at] === y[at]) at++;
      const from = Math.max(0, at - 40);
      out.push(`${path} @${at}: …${x.slice(from, at + 60)}… → …${y.slice(from, at + 60)}…`);
      return;
    }
    out.push(`${path}: ${show(x)} → ${show(y)}`);
  };
  walk(a, b, '');
  return out;
}

/**
 * The equivalence TRASHED_HALF, for an interrupted run only. A Google Doc (or file) that a stopped
 * try had begun is sent to the trash by the retry, which then makes it whole — the product's rule
 * is that what fails half-made goes to the trash, never deleted (src/gas/documents.ts,
 * src/app/generate.ts); Google empties the trash after 30 days, and nobody but its owner sees it.
 * Such an item is left out of the comparison when all of these hold:
 *   - it is in the trash, and the uninterrupted run has no such item (exact same line);
 *   - both runs have a live item of the same name and type (the whole one);
 *   - it is shared with nobody (no editors, no viewers, private link): no one lost or gained access.
 * A live extra file, a missing one, or a trashed item the uninterrupted run also has still differ.
 */
export function withoutTrashedHalves(expected: Json, actual: Json): Json {
  type Line = {
    path: string;
    mime: string;
    trashed: boolean;
    editors: string;
    viewers: string;
    sharing: string;
  };
  const exp = (expected as { files?: string[] }).files ?? [];
  const act = (actual as { files?: string[] }).files;
  if (!act) return actual;
  const parse = (line: string) => JSON.parse(line) as Line;
  const nameOf = (f: Line) => f.path.slice(f.path.lastIndexOf('/') + 1);
  const liveIn = (lines: string[]) =>
    new Set(
      lines
        .map(parse)
        .filter((f) => !f.trashed)
        .map((f) => `${nameOf(f)}|${f.mime}`),
    );
  const [expLive, actLive] = [liveIn(exp), liveIn(act)];
  const whole = new Set([...expLive].filter((k) => actLive.has(k)));
  const unmatched = [...exp];
  const files = act.filter((line) => {
    const at = unmatched.indexOf(line);
    if (at >= 0) {
      unmatched.splice(at, 1);
      return true;
    }
    const f = parse(line);
    const half =
      f.trashed &&
      whole.has(`${nameOf(f)}|${f.mime}`) &&
      f.editors === '' &&
      f.viewers === '' &&
      f.sharing.startsWith('PRIVATE/');
    return !half;
  });
  return { ...(actual as Record<string, Json>), files };
}

/** Sweep `op` at `points` (default faultPoints of its calls); each point starts fresh. */
export function sweep(
  op: SweepOperation,
  points?: (calls: number, keys: readonly string[]) => number[],
): SweepResult {
  const reference = uninterrupted(op);
  const expected = snapshot(reference.office);
  const expectedIfRerun = snapshot(reference.office, { rerun: true });
  let referenceProblem = '';
  try {
    if (!(expected as { lastLogSuccess: boolean }).lastLogSuccess)
      referenceProblem = 'the uninterrupted run did not log a success';
    else op.checkReference?.(reference.office);
  } catch (e) {
    referenceProblem = e instanceof Error ? e.message : String(e);
  } finally {
    release(reference.office);
  }
  const chosen = (points ?? faultPoints)(reference.calls, reference.keys);
  const results: PointResult[] = [];
  for (const nth of chosen) {
    const run = interrupted(op, nth);
    try {
      // The k-th call must be the reference's k-th: else the runs are not repeatable and nothing holds.
      const repeatable = run.key === reference.keys[nth - 1];
      const want = run.rerun ? expectedIfRerun : expected;
      const diffs = diffJson(
        want,
        withoutTrashedHalves(want, snapshot(run.office, { rerun: run.rerun, interrupted: true })),
      );
      if (!repeatable)
        diffs.unshift(`not repeatable: call ${nth} was ${reference.keys[nth - 1]}, now ${run.key}`);
      results.push({ nth, key: run.key, rerun: run.rerun, diffs });
    } finally {
      release(run.office);
    }
  }
  return {
    operation: op.name,
    calls: reference.calls,
    points: results,
    failing: results.filter((r) => r.diffs.length > 0),
    referenceProblem,
  };
}

/** One line per failing point, for the report. */
export function report(result: SweepResult): string {
  const head = `${result.operation}: ${result.points.length} fault points of ${result.calls} calls, ${result.failing.length} diverge`;
  return [
    head,
    ...result.failing.map(
      (p) => `  call ${p.nth} (${p.key || '—'})${p.rerun ? ', chạy lại' : ''}: ${p.diffs.join(' | ')}`,
    ),
  ].join('\n');
}
