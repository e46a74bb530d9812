import { mailOutbox } from '../../../emulator';
import { MAIL_LOG_SHEET } from '../../../src/domain/tracking/mail-log';

/** The mail log's states, as the person reads them (literal: tests also run on older code). */
const MAIL_FAILED = 'Lỗi, chưa gửi';
const MAIL_UNCERTAIN = 'Chưa rõ đã gửi (lỗi giữa chừng)';
import { TRACK_SHEET } from '../../../src/domain/tracking/track-sheet';
import * as entry from '../../../src/index';
import { runLockedAction } from '../../../src/app/action';
import { returnSubmission } from '../../../src/app/decisions';
import { SCOPE } from '../../../src/domain/scopes';
import { setUnitState } from '../../../sample/fill';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../../sample/vinh-linh';
import {
  fillUnitTaskTable,
  Office,
  provisionedOffice,
  runContinuations,
  sheetValues,
  unitFileId,
} from '../../fixtures/office';

/**
 * A small office (an agency with two rounds and three communes) in mid-February of its plan
 * year, for tests that inject a fault at a service call of one operation and rerun it as a
 * person or the continuation would. Each fault point needs a fresh office: building one is most
 * of a point's cost.
 */
const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025. */
export const at = (m: number, d: number): number => Date.UTC(2025, m - 1, d, 2, 0, 0);

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
export const UNITS = ['TP', 'HX', 'VHO', 'VO'].map(pick);
export const [AGENCY, ACCEPTED, LATE, RETURNED] = UNITS;
export const RETURN_COMMENT = 'Bổ sung kinh phí cho mục VII.';

export function answer(office: Office, ...texts: string[]): void {
  for (const text of texts) office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, text);
}

function fill(office: Office, unit: SampleUnit): void {
  fillUnitTaskTable(office, unit, UNITS);
}

export function submit(office: Office, unit: SampleUnit): void {
  setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT, 0);
}

/**
 * 12 February (three days before the plan deadline): HX has been accepted, VO submitted, VHO and
 * TP are drafting; no reminder has gone yet ("Thư đã gửi" does not exist).
 */
export function smallOffice(): Office {
  const office = provisionedOffice(UNITS);
  const clock = office.emu.ctx.clock;
  clock.set(at(2, 5));
  for (const u of UNITS) fill(office, u);
  submit(office, ACCEPTED);
  submit(office, RETURNED);
  entry.menuRefreshStatus();
  runContinuations(office);
  answer(office, ACCEPTED.code);
  entry.menuAccept();
  clock.set(at(2, 12));
  return office;
}

/** Runs a menu action or trigger; a fault that escapes it is what "the script died" means. */
export function attempt(fn: () => void): void {
  try {
    fn();
  } catch {
    // the execution died; what it left is what the rerun finds
  }
}

export interface Operation {
  readonly name: string;
  /** What happens before the operation (not swept). */
  readonly prepare?: (office: Office) => void;
  /** The operation as first started (its fault-free run is the reference). */
  readonly run: (office: Office) => void;
  /** What a person (or the continuation) does next, after a fault or not. */
  readonly rerun: (office: Office) => void;
}

/** Everything an operation is judged on, with times and generated ids left out. */
export interface EndState {
  readonly sheets: string[];
  readonly tracking: unknown[][];
  readonly mailLog: unknown[][];
  readonly outbox: unknown[];
  readonly archived: number;
  readonly unitCells: unknown[][];
  readonly uncertainReported: boolean;
}

export function endState(office: Office): EndState {
  const { emu, master } = office;
  const tracking = sheetValues(master, TRACK_SHEET).map((r) => {
    const record =
      typeof r[12] === 'string' && r[12].startsWith('{')
        ? (JSON.parse(r[12]) as Record<string, unknown>)
        : {};
    return [
      ...r.slice(0, 9), // code … decided by
      r[10], // comment ("Xem xét lúc" is a time: left out)
      String(r[11]).split('\n').filter(Boolean).length,
      record.status ?? null,
      (record.snapshotIds as unknown[] | undefined)?.length ?? null,
    ];
  });
  const log = sheetValues(master, MAIL_LOG_SHEET);
  const uncertain = log.some((r) => r[9] === MAIL_UNCERTAIN);
  // A send Google refused is marked so until it is sent again (in the same row, logged-mail.ts).
  const mailLog = log
    .filter((r) => r[9] !== MAIL_FAILED)
    .map((r) => [
      ...r.slice(1, 5),
      String(r[5]).replace(/^trả lại \d+$/, 'trả lại'),
      ...r.slice(6, 9),
      // a run that died between sending and marking: counted as sent, and reported (below)
      r[9] === MAIL_UNCERTAIN ? 'Đã gửi' : r[9],
    ]);
  const logged = sheetValues(master, 'Nhật ký').map((r) => String(r[5]));
  const unitCells = UNITS.map(
    (u) =>
      emu.SpreadsheetApp.openById(unitFileId(master, u.code))
        .getSheetByName('Nộp kế hoạch')
        ?.getRange(6, 3, 1, 4)
        .getValues()[0]
        .map((v, i) => (i === 3 || typeof v !== 'string' || !/\d\d:\d\d/.test(v) ? v : 'time')) ?? [],
  );
  let archived = 0;
  const files = emu.DriveApp.getFiles();
  while (files.hasNext()) if (files.next().getName().includes(' - bản nộp ')) archived++;
  return {
    sheets: master
      .getSheets()
      .map((s) => s.getName())
      .sort(),
    tracking,
    mailLog,
    outbox: mailOutbox(emu.ctx)
      .messages()
      .map((m) => [m.to, m.cc, m.subject, m.body]),
    archived,
    unitCells,
    uncertainReported: !uncertain || logged.some((t) => t.includes('Chưa rõ thư đã gửi hay chưa')),
  };
}

export interface FaultPoint {
  readonly key: string;
  readonly nth: number;
}

/** The (key, nth) of every service call the operation makes in an uninterrupted run, in order. */
export function callsOf(op: Operation): FaultPoint[] {
  const office = smallOffice();
  try {
    op.prepare?.(office);
    const { ledger } = office.emu.ctx;
    const base = ledger.snapshot();
    const seen = new Map<string, number>();
    const points: FaultPoint[] = [];
    const stop = ledger.onCharge((key) => {
      // Listeners also hear modeled waits, which are not calls (not counted, never faulted).
      const nth = ledger.count(key) - (base[key] ?? 0);
      if (nth === (seen.get(key) ?? 0)) return;
      seen.set(key, nth);
      points.push({ key, nth });
    });
    try {
      op.run(office);
    } finally {
      stop();
    }
    return points;
  } finally {
    office.close();
  }
}

/** The `count` calls that follow each call of `key` (e.g. what logs an email after it is sent). */
export function after(points: readonly FaultPoint[], key: string, count: number): FaultPoint[] {
  const picked = new Set<number>();
  points.forEach((p, i) => {
    if (p.key === key) for (let j = i + 1; j <= Math.min(points.length - 1, i + count); j++) picked.add(j);
  });
  return [...picked].sort((a, b) => a - b).map((i) => points[i]);
}

/** The end state after the operation, with a fault at `point` (none: the reference), and its rerun. */
export function runWithFault(op: Operation, point: FaultPoint | null): EndState {
  const office = smallOffice();
  try {
    op.prepare?.(office);
    if (point) office.emu.ctx.ledger.failOn(point.key, point.nth);
    attempt(() => op.run(office));
    office.emu.ctx.ledger.clearFaults();
    op.rerun(office);
    return endState(office);
  } finally {
    office.close();
  }
}

/**
 * The fault points a sweep covers: every one when FULL_FAULT_SWEEP is set (the full sweep, up to
 * two minutes per operation), else — to keep `npm test` fast — every point of the calls that replace sheets or
 * send (renames, deletes, inserts, sends) and an evenly spaced, deterministic `target` of the rest.
 */
export function sample(
  points: { key: string; nth: number }[],
  target: number,
): { key: string; nth: number }[] {
  if (process.env.FULL_FAULT_SWEEP) return points;
  const critical = /^(Sheet\.setName|Spreadsheet\.deleteSheet|Spreadsheet\.insertSheet|MailApp\.sendEmail)$/;
  const stride = Math.max(1, Math.ceil(points.length / target));
  return points.filter((p, i) => critical.test(p.key) || i % stride === 0);
}

export const REMIND: Operation = {
  name: 'Gửi nhắc nhở',
  run: (office) => {
    entry.menuSendReminders();
    runContinuations(office);
  },
  rerun: (office) => {
    entry.menuSendReminders();
    runContinuations(office);
  },
};

/** The next hourly refresh, after a decision: it must not take a return for a new submission. */
function refreshAfter(office: Office): void {
  entry.autoRefreshStatus();
  runContinuations(office);
}

/** "Trả lại" as the menu runs it once its two dialogs are answered (dialogs change no state). */
function returnVo(): void {
  runLockedAction('Trả lại để bổ sung', (ctx) => returnSubmission(ctx, RETURNED.code, RETURN_COMMENT), {
    scopes: [SCOPE.sendMail],
  });
}

export const RETURN: Operation = {
  name: 'Trả lại',
  run: returnVo,
  rerun: (office) => {
    returnVo();
    refreshAfter(office);
  },
};

export const REFRESH: Operation = {
  name: 'Cập nhật trạng thái',
  prepare: (office) => submit(office, LATE),
  run: (office) => {
    entry.menuRefreshStatus();
    runContinuations(office);
  },
  rerun: (office) => {
    entry.menuRefreshStatus();
    runContinuations(office);
  },
};

/** "Tổng hợp dữ liệu": the first run, then what the continuation does; the person presses again
 * only when the first execution failed before the job was saved (nothing would resume it). */
export const CONSOLIDATE: Operation = {
  name: 'Tổng hợp dữ liệu',
  run: (office) => {
    entry.menuConsolidate();
    runContinuations(office);
  },
  rerun: (office) => {
    runContinuations(office);
    const log = sheetValues(office.master, 'Nhật ký').filter((r) => r[2] === 'Tổng hợp dữ liệu');
    if (!log.some((r) => r[3] === 'Thành công')) {
      entry.menuConsolidate();
      runContinuations(office);
    }
  },
};

/** The consolidation's master sheets, every value, and the sheets of the master by name. */
export function consolidation(office: Office): unknown {
  const names = ['Tổng hợp', 'Lỗi dữ liệu', 'Đề xuất tổng hợp', 'Kinh phí'];
  return {
    sheets: office.master
      .getSheets()
      .map((s) => s.getName())
      .sort(),
    values: names.map((n) => sheetValues(office.master, n)),
  };
}
