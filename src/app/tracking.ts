import { SCOPE } from '../domain/scopes';
import { spreadsheetUrl } from '../domain/unit-file/naming';
import { CompactBudgetSummary, expandSummary } from '../domain/consolidate/budget-totals';
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { progressContent, roundContent, unitStateOf } from '../domain/tracking/content';
import { CellValue } from '../domain/cell';
import { DateOnly } from '../domain/dates';
import { openPeriods, periodRound, periodRoundKey } from '../domain/progress/period-rounds';
import { planTasksOfGrid } from '../domain/progress/plan-of-grid';
import { taskIds } from '../domain/progress/identity';
import { progressSheetName } from '../domain/progress/sheet';
import { readMarks, unchangedSinceRead, withoutReadMarks } from '../domain/tracking/read-marks';
import { DASHBOARD_SHEET, dashboardSpec, updatedDay } from '../domain/tracking/dashboard';
import { asReadBack, changedRowRuns, joinRuns, keyedRowEdits, spanOf } from '../domain/sheet-diff';
import { SheetSpec } from '../domain/sheet-spec';
import { MAIL_LOG_SHEET, sentTiers } from '../domain/tracking/mail-log';
import {
  emptyRecord,
  flagsOf,
  flagText,
  observe,
  STATUS_LABELS,
  TrackRecord,
} from '../domain/tracking/status';
import {
  readTrackRecords,
  TRACK_HEADERS,
  TRACK_SHEET,
  trackKey,
  TrackLine,
  trackSheetSpec,
} from '../domain/tracking/track-sheet';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { Round, roundsFor, UNIT_STATE_SUBMITTED } from '../domain/unit-file/submission';
import { drawCharts, colourStatusColumn } from '../gas/charts';
import { copyFile, fileById } from '../gas/drive';
import { copyAll, FileSharing, lastUpdatedTimes, listTimesAndSharing, sharingOf } from '../gas/drive-api';
import { MasterWorkbook } from '../gas/master';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import {
  appendToDraft,
  completeName,
  draftName,
  draftPending,
  dropDraft,
  readDraft,
  replaceSheets,
  insertRowGroups,
  sheetsByName,
  startDraft,
  writeRowRuns,
} from '../gas/replace-sheets';
import { openSpreadsheet } from '../gas/spreadsheets';
import { lockRounds, relockRound, writeOfficeCells } from '../gas/unit-locks';
import { lockThroughApi } from '../gas/lock-api';
import { newSheetsPacer } from '../gas/sheets-api';
import { dateOnlyOf, formatTimestamp, readSheetValues } from '../gas/values';
import { ActionContext, ActionOutcome } from './action';
import { runJob } from './jobs/runner';
import { Job } from './jobs/job';
import { decodeDone, DoneCodes, encodeDone, progressAgainst, withDone } from '../domain/jobs/done-codes';
import { memo } from './jobs/memo';
import { sharingProblems } from './unit-sharing';
import { configOnce, requireAdmin } from './config';
import { fileStateFlagged, refreshFileStates, registryRowsOnce } from './file-states';
import { ensureFolder } from './folders';
import { listFolderSafely, loadUnits, protectionEditors } from './provision';
import { readUnitSheets } from './unit-sheets';
import { mostUnreadable, unreadableRefusal } from './unreadable-files';
import { readMadeProgressSheets } from './progress-sheets';
import { SheetRead } from '../gas/unit-reader';
import { todayInScriptZone } from './today';
import { chunkStepMs } from '../domain/jobs/time-budget';
import { BUDGET_SUMMARY_KEY } from './keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A unit's rounds, each at its index in "Nộp kế hoạch" (0: plan, 1: proposals for an agency), then
 * the reporting periods open for it (period-rounds.ts: by date once its plan was submitted, or
 * already tracked), in period order. `records`: the tracking records (stored, or the state's).
 */
export function unitRounds(
  config: OfficeConfig,
  unit: Unit,
  records: ReadonlyMap<string, TrackRecord>,
  today: DateOnly = todayInScriptZone(),
): Round[] {
  const plan = records.get(trackKey(unit.code, 'plan'));
  const periods = openPeriods(config, today, {
    planSubmitted: !!plan && plan.submittedAtMs !== null,
    tracked: (key) => records.has(trackKey(unit.code, key)),
  });
  return [...roundsFor(config, proposesTasks(unit)), ...periods.map((p) => periodRound(config, p))];
}

/** The plan's sheets, which every read needs. */
function baseSheets(unit: Unit): string[] {
  const sheets: string[] = [UNIT_SHEETS.submission, UNIT_SHEETS.tasks, UNIT_SHEETS.plan];
  if (proposesTasks(unit)) sheets.push(UNIT_SHEETS.proposals);
  return sheets;
}

/** The plan's sheets and the progress sheet of every open period. */
function sheetsToRead(config: OfficeConfig, state: TrackState, unit: Unit): string[] {
  const periods = unitRounds(config, unit, state.records, state.today).filter((r) => r.period);
  return [...baseSheets(unit), ...periods.map((r) => r.tasksSheet)];
}

/**
 * The progress sheets of the chunk's open periods, period by period (progress-sheets.ts): read
 * where the push recorded the sheet; the keys ("code|sheet") of those it has not made yet.
 */
function readOpenProgressSheets(
  config: OfficeConfig,
  state: TrackState,
  chunk: readonly Unit[],
): { reads: SheetRead[]; notMade: string[] } {
  const reads: SheetRead[] = [];
  const notMade: string[] = [];
  for (const period of config.reportingPeriods) {
    const units = chunk.filter((u) =>
      unitRounds(config, u, state.records, state.today).some((r) => r.period?.key === period.key),
    );
    if (units.length === 0) continue;
    const read = readMadeProgressSheets(units, period);
    reads.push(...read.reads);
    notMade.push(...read.notMade.map((u) => `${u.code}|${progressSheetName(period)}`));
  }
  return { reads, notMade };
}

export interface TrackState {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly records: Map<string, TrackRecord>;
  /** Today in the script's zone, read once per load: which periods are open (unitRounds). */
  readonly today: DateOnly;
  /**
   * "Theo dõi nộp" as read when the state was loaded (and as last written in place since): what
   * an update in place compares with, so only the rows that changed are written.
   */
  shown?: CellValue[][];
}

/**
 * The tracking records as the master holds them, with an empty one for every new unit/round.
 * `mailLog`: "Thư đã gửi" when the caller has read it already (reminders read it for themselves).
 */
export function loadTrackState(
  master: MasterWorkbook,
  config: OfficeConfig,
  units: Unit[],
  mailLog: readonly (readonly CellValue[])[] = master.readSheet(MAIL_LOG_SHEET),
): TrackState {
  const shown = master.readSheet(TRACK_SHEET);
  const stored = readTrackRecords(shown);
  const sent = sentTiers(mailLog);
  const records = new Map<string, TrackRecord>();
  const today = todayInScriptZone();
  for (const unit of units) {
    for (const round of unitRounds(config, unit, stored, today)) {
      const key = trackKey(unit.code, round.key);
      const record = stored.get(key) ?? emptyRecord(unit.code, round.key);
      records.set(key, { ...record, remindersSent: sent.get(key) ?? [] });
    }
  }
  return { config, units, records, today, shown };
}

/** Units per step: four sheet reads each, and at worst an archive copy and a lock each. */
const REFRESH_CHUNK = 25;
/** A step of REFRESH_CHUNK units, when most are new submissions to archive and lock. */
const REFRESH_STEP_MS = 150 * 1000;
/** The records of the units done so far in a run live in this draft between executions. */
const RECORDS_DRAFT = 'Theo dõi (bản ghi)';
const MAX_KEPT_PROBLEMS = 40;

interface RefreshState {
  /**
   * Last-update times seen for the current chunk before its own archiving and locking wrote to
   * the files: a retried step uses them, not the times of its own earlier writes.
   */
  readonly seen?: Readonly<Record<string, number>>;
  /** When the listing behind `seen` was taken (the read marks' time). */
  readonly seenAtMs?: number;
  /** The units of that chunk: a retried step reads the same ones. */
  readonly chunk?: DoneCodes;
  /** Units left unread because their file had not changed since it was last read. */
  readonly skipped?: number;
  /**
   * The codes of the units done (not registry rows: a unit inserted, a row deleted or the
   * registry sorted during a pause must neither repeat nor skip a unit).
   */
  readonly done?: DoneCodes;
  readonly remaining: number;
  readonly committed: number;
  readonly submittedNow: number;
  readonly changedNow: number;
  readonly problems: readonly string[];
  /** The units whose file could not be read (they keep their status; no reminder is based on it). */
  readonly unreadable?: DoneCodes;
}

/** The units the last refresh could not read: reminders leave them out (reminders.ts). */
export const UNREADABLE_UNITS_KEY = 'cchc.unreadableUnits';

interface RefreshSetup {
  readonly config: OfficeConfig;
  readonly withFile: Unit[];
  readonly state: TrackState;
}

function refreshSetup(ctx: ActionContext): RefreshSetup {
  return memo(ctx, 'refresh', () => {
    const config = configOnce(ctx);
    requireAdmin(config, ctx.user);
    const units = loadUnits(ctx.master, config, registryRowsOnce(ctx));
    return {
      config,
      withFile: units.filter((u) => u.fileId),
      state: loadTrackState(ctx.master, config, units),
    };
  });
}

/**
 * "Cập nhật trạng thái" (and the hourly trigger): reads every unit's status cells and content in
 * parallel batches, moves each round's status forward, archives and locks new submissions, and
 * rebuilds "Theo dõi nộp", "Tổng quan" and the registry's status column. Works in steps: the
 * records of finished steps wait in a draft sheet; archiving and locking are safe to repeat.
 */
export const refreshJob: Job<RefreshState> = {
  name: 'refresh',
  label: 'Cập nhật trạng thái',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  stepMs: REFRESH_STEP_MS,
  nextStepMs: (run) => chunkStepMs(REFRESH_STEP_MS, REFRESH_CHUNK, run.remaining, REFRESH_STEP_MS / 10),
  begin(ctx) {
    const { withFile } = refreshSetup(ctx);
    startDraft(ctx.master.ss, RECORDS_DRAFT, [['Bản ghi']]);
    return {
      state: {
        done: '',
        remaining: withFile.length,
        committed: 1,
        submittedNow: 0,
        changedNow: 0,
        problems: [],
      },
      total: withFile.length,
    };
  },
  step(ctx, run, checkpoint) {
    const { config, withFile, state } = refreshSetup(ctx);
    const todo = progressAgainst(withFile, run.done).todo;
    const { chunk, skipped, times, listedAtMs } = chooseReads(ctx, config, state, todo, run);
    if (!run.seen) {
      // The chunk and its times before its own archiving and locking write to the files.
      checkpoint({
        ...run,
        seen: Object.fromEntries(
          chunk.flatMap((u) => {
            const ms = times.get(u.fileId);
            return ms === undefined ? [] : [[u.fileId, ms] as const];
          }),
        ),
        seenAtMs: listedAtMs,
        chunk: encodeDone(chunk.map((u) => u.code)),
      });
    }
    const toRead = (unit: Unit) => sheetsToRead(config, state, unit);
    const progress = readOpenProgressSheets(config, state, chunk);
    const reads = [...readUnitSheets(chunk, baseSheets), ...progress.reads];
    // A progress sheet not pushed yet is no failed read: the file is known all the same.
    const absent = new Set([
      ...reads.filter((r) => r.failure === 'no-sheet').map((r) => r.request.key),
      ...progress.notMade,
    ]);
    const grids = new Map(reads.map((r) => [r.request.key, r.grid]));
    const viaOf = new Map(reads.map((r) => [r.request.key, r.via]));
    const problems: string[] = [];
    const records: TrackRecord[] = [];
    let submittedNow = 0;
    let changedNow = 0;
    const unreadable: string[] = [];
    const submissions: NewSubmission[] = [];
    /** Units whose progress sheet could not be read: like an unreadable file, not reminded. */
    const unreadableSheets: Unit[] = [];
    for (const unit of chunk) {
      const grid = (sheet: string) => grids.get(`${unit.code}|${sheet}`) ?? null;
      const submission = grid(UNIT_SHEETS.submission);
      const modifiedAtMs = times.get(unit.fileId);
      // Marked read only when every sheet came and its time was listed: else read it next time.
      const known = (sheet: string) =>
        grid(sheet) !== null || (!baseSheets(unit).includes(sheet) && absent.has(`${unit.code}|${sheet}`));
      const marks =
        modifiedAtMs !== undefined && toRead(unit).every(known)
          ? readMarks(unit.fileId, modifiedAtMs, listedAtMs)
          : null;
      unitRounds(config, unit, state.records, state.today).forEach((round, index) => {
        const stored = state.records.get(trackKey(unit.code, round.key)) ?? emptyRecord(unit.code, round.key);
        if (!submission) {
          // Kept as it was (never regressed); the unit is read next time (UNREADABLE_UNITS_KEY).
          records.push(stored);
          return;
        }
        // A progress sheet that could not be read (not one that is not there yet): its round
        // stays as it was, as a file that could not be read does; the file is read next time.
        if (round.period && !grid(round.tasksSheet) && !absent.has(`${unit.code}|${round.tasksSheet}`)) {
          records.push(stored);
          unreadableSheets.push(unit);
          problems.push(
            `${unit.name}: chưa đọc được trang "${round.tasksSheet}"; giữ nguyên trạng thái ${round.label} và không nhắc đơn vị này theo lần đọc này. Chạy lại "Cập nhật trạng thái" để đọc lại.`,
          );
          return;
        }
        // A read that missed a sheet leaves no marks: the file's state is not fully known.
        const previous = withoutReadMarks(stored);
        const tasks = grid(round.tasksSheet) ?? [];
        const content = round.period
          ? progressContent(tasks)
          : roundContent(tasks, round.key === 'plan' ? grid(UNIT_SHEETS.plan) : null);
        const observation = {
          unitState: unitStateOf(submission, index),
          ...content,
          lastUpdatedMs: times.get(unit.fileId) ?? new Date().getTime(),
        };
        const { record, events } = observe(previous, observation, UNIT_STATE_SUBMITTED);
        // The plan as submitted is the baseline of the progress reports (period-rounds.ts).
        const next =
          round.key === 'plan' && events.includes('submitted') ? withBaseline(record, tasks, config) : record;
        if (events.includes('submitted')) {
          // Archived with the chunk's other new submissions below (copies in parallel).
          submissions.push({ unit, round, index, at: records.length });
          submittedNow++;
        } else if (
          (next.status === 'submitted' || next.status === 'accepted') &&
          (events.includes('changed-after-submission') ||
            viaOf.get(`${unit.code}|${round.tasksSheet}`) !== 'csv')
        ) {
          // The task sheet was not where the lock left it (its export by sheet id failed) or the
          // content changed under the lock: the sheet was deleted, replaced or grew past its lock.
          keepLocked(config, unit, round, index, problems);
        }
        if (events.includes('changed-after-submission')) changedNow++;
        records.push(marks ? { ...next, ...marks } : next);
      });
      if (unreadableSheets.includes(unit)) unreadable.push(unit.code);
      if (!submission) {
        unreadable.push(unit.code);
        problems.push(
          `${unit.name}: không đọc được tệp (đã bị xóa hoặc bạn chưa được chia sẻ); giữ nguyên trạng thái cũ và không nhắc đơn vị này theo tệp chưa đọc được. Nhờ quản trị viên đã tạo tệp chạy lại "Tạo bảng tính cho đơn vị" để chia sẻ thư mục cho mọi quản trị viên.`,
        );
      }
    }
    for (const archived of archiveAndLockAll(ctx, config, submissions, records, problems))
      records[archived.at] = archived.record;
    refreshFileStates(
      ctx,
      chunk.filter((u) => baseSheets(u).every((sheet) => grids.get(`${u.code}|${sheet}`))),
    );
    problems.push(...sharingProblems(config, [...skipped, ...chunk], unitFolderListing(ctx, config).sharing));
    const committed = appendToDraft(
      ctx.master.ss,
      RECORDS_DRAFT,
      run.committed,
      records.map((r) => [JSON.stringify(r)]),
    );
    return {
      state: {
        ...run,
        seen: undefined,
        seenAtMs: undefined,
        chunk: undefined,
        done: withDone(
          run.done,
          [...skipped, ...chunk].map((u) => u.code),
        ),
        remaining: todo.length - chunk.length - skipped.length,
        skipped: (run.skipped ?? 0) + skipped.length,
        committed,
        submittedNow: run.submittedNow + submittedNow,
        changedNow: run.changedNow + changedNow,
        problems: [...run.problems, ...problems].slice(0, MAX_KEPT_PROBLEMS),
        unreadable: withDone(run.unreadable, unreadable),
      },
      done: withFile.length - (todo.length - chunk.length - skipped.length),
    };
  },
  isDone: (run) => run.remaining === 0,
  finish(ctx, run) {
    const { state, withFile } = refreshSetup(ctx);
    const ss = ctx.master.ss;
    const current = new Set(withFile.map((u) => u.code));
    const unreadable = decodeDone(run.unreadable).filter((code) => current.has(code));
    writeDocumentJson(UNREADABLE_UNITS_KEY, encodeDone(unreadable));
    // The draft is dropped only after the tracking was written: without it, a finish that died
    // later (before the job was closed) has nothing left to do but report.
    if (draftPending(ss, RECORDS_DRAFT)) {
      for (const row of readDraft(ss, RECORDS_DRAFT, run.committed)) {
        const record = JSON.parse(String(row[0])) as TrackRecord;
        // A unit removed from the registry while the run was paused is not tracked any more.
        if (!current.has(record.unitCode)) continue;
        state.records.set(trackKey(record.unitCode, record.round), record);
      }
      // Unreadable units kept their records (never regressed), so the readable ones' news — an
      // archive made, a lock set — is recorded even when most files could not be read.
      writeTracking(ctx.master, state);
      dropDraft(ss, RECORDS_DRAFT);
    }
    if (mostUnreadable(unreadable.length, withFile.length)) {
      return {
        ok: false,
        ...unreadableRefusal(
          unreadable.length,
          withFile.length,
          ctx.user,
          'Đã giữ nguyên trạng thái cũ của các đơn vị đó; chúng không được nhắc cho đến khi đọc được tệp. Nhờ quản trị viên đã tạo các tệp chạy lại "Tạo bảng tính cho đơn vị" (việc này chia sẻ thư mục cho mọi quản trị viên trong trang Cấu hình), rồi cập nhật lại.',
        ),
        problems: [],
      };
    }
    return {
      ok: run.problems.length === 0,
      summary: `Đã cập nhật trạng thái ${withFile.length} đơn vị: ${run.submittedNow} đơn vị mới nộp (đã lưu bản và khóa), ${run.changedNow} đơn vị sửa sau khi nộp.`,
      counts: `${withFile.length} đơn vị, ${run.submittedNow} mới nộp, ${run.changedNow} sửa sau khi nộp`,
      problems: [...run.problems],
    };
  },
};

/**
 * The units this step reads (up to REFRESH_CHUNK) and those it leaves unread because their file
 * has not changed since it was last read (read-marks.ts; any number: they cost nothing), from one
 * folder listing per execution. A file never read, unreadable at the last refresh, marked with a
 * problem in the registry, or missing from the listing is read. A retried step reads the chunk it
 * chose before, with the times it saw then.
 */
function chooseReads(
  ctx: ActionContext,
  config: OfficeConfig,
  state: TrackState,
  todo: readonly Unit[],
  run: RefreshState,
): { chunk: Unit[]; skipped: Unit[]; times: Map<string, number>; listedAtMs: number } {
  const listing = unitFolderListing(ctx, config);
  const unreadable = memo(
    ctx,
    'refresh.unreadableBefore',
    () => new Set(decodeDone(readDocumentJson<string>(UNREADABLE_UNITS_KEY) ?? '')),
  );
  const unchanged = (unit: Unit) =>
    !unreadable.has(unit.code) &&
    !fileStateFlagged(ctx, unit) &&
    unchangedSinceRead(
      unitRounds(config, unit, state.records, state.today).map(
        (round) => state.records.get(trackKey(unit.code, round.key)) ?? emptyRecord(unit.code, round.key),
      ),
      unit.fileId,
      listing.times.get(unit.fileId),
    );
  // (A state saved before chunks were recorded had read the first REFRESH_CHUNK units.)
  const retried = run.seen
    ? new Set(
        run.chunk !== undefined ? decodeDone(run.chunk) : todo.slice(0, REFRESH_CHUNK).map((u) => u.code),
      )
    : null;
  const chunk = retried
    ? todo.filter((u) => retried.has(u.code))
    : todo.filter((u) => !unchanged(u)).slice(0, REFRESH_CHUNK);
  const inChunk = new Set(chunk.map((u) => u.code));
  const skipped = todo.filter((u) => !inChunk.has(u.code) && unchanged(u));
  if (!retried) return { chunk, skipped, times: listing.times, listedAtMs: listing.atMs };
  const times = new Map<string, number>(Object.entries(run.seen ?? {}));
  return { chunk, skipped, times, listedAtMs: run.seenAtMs ?? listing.atMs };
}

/**
 * The unit folder listed once per execution (one Drive API listing for both): every file's
 * modified time (which files to read) and sharing (files shared beyond their focal points).
 */
function unitFolderListing(
  ctx: ActionContext,
  config: OfficeConfig,
): { atMs: number; times: Map<string, number>; sharing: Map<string, FileSharing> } {
  return memo(ctx, 'refresh.listing', () => {
    const atMs = new Date().getTime();
    const folderId = config.unitFolderId;
    if (!folderId) return { atMs, times: new Map<string, number>(), sharing: new Map<string, FileSharing>() };
    const listed = listTimesAndSharing(folderId);
    return {
      atMs,
      times: lastUpdatedTimes(
        folderId,
        refreshSetup(ctx).withFile.map((u) => u.fileId),
        listed,
      ),
      sharing: listed ? sharingOf(listed) : new Map<string, FileSharing>(),
    };
  });
}

/** A round seen submitted for the first time: where its record is in the step's list. */
interface NewSubmission {
  readonly unit: Unit;
  readonly round: Round;
  readonly index: number;
  readonly at: number;
}

/**
 * At new submissions: an archived copy of each unit's file that later edits cannot change, then
 * the unit's inputs locked. The copies go in parallel (Drive API files.copy in fetchAll batches,
 * retried on Drive's rate-limit refusals), not one makeCopy (2.5 s) after another: each is still
 * a whole copy of the file as submitted — every sheet, format and note, openable and restorable
 * as it is — owned by the office in its archive folder (units cannot edit it), named with the
 * submission time, its id kept in the record beside the content fingerprint taken at submission,
 * so an archive can be checked against what was submitted. (Writing the grids already read into
 * one archive spreadsheet would be cheaper but keep only values, and put every unit's submission
 * in one file any admin's slip could change.) Both steps are safe to repeat: a copy is found by
 * its name before copying again; the lock is removed before it is set.
 */
function archiveAndLockAll(
  ctx: ActionContext,
  config: OfficeConfig,
  submissions: readonly NewSubmission[],
  records: readonly TrackRecord[],
  problems: string[],
): { at: number; record: TrackRecord }[] {
  if (submissions.length === 0) return [];
  const zone = ctx.master.timeZone();
  const archive = memo(ctx, 'archive', () =>
    ensureFolder(config, ctx.master, 'archiveFolderId', `Kế hoạch CCHC ${config.planYear} - Bản đã nộp`),
  );
  const times = submissions.map((s) =>
    formatTimestamp(new Date(records[s.at].submittedAtMs ?? new Date().getTime()), zone),
  );
  const names = submissions.map(
    (s, i) => `${s.unit.name} - ${s.round.label} - bản nộp ${times[i].replace(/[/:]/g, '-')}`,
  );
  const existing = listFolderSafely(archive, names);
  const toCopy = names.map((_, i) => i).filter((i) => !existing.has(names[i]));
  const copied =
    toCopy.length > 0
      ? copyAll(
          toCopy.map((i) => submissions[i].unit.fileId),
          toCopy.map((i) => names[i]),
          archive.getId(),
        ).results
      : [];
  // A copy whose answer was lost may exist: looked for by name before DriveApp copies it.
  const lost = toCopy.filter((_, k) => copied[k] === null);
  const found =
    lost.length > 0
      ? listFolderSafely(
          archive,
          lost.map((i) => names[i]),
        )
      : new Map<string, string>();
  const copyIds = submissions.map(
    (s, i) =>
      existing.get(names[i]) ??
      copied[toCopy.indexOf(i)] ??
      found.get(names[i]) ??
      copyFile(fileById(s.unit.fileId), names[i], archive).getId(),
  );
  lockAllSubmitted(ctx, config, submissions, times, problems);
  return submissions.map((s, i) => {
    const record = records[s.at];
    return { at: s.at, record: { ...record, snapshotIds: [...record.snapshotIds, copyIds[i]] } };
  });
}

/**
 * The new submissions' inputs locked and the office's cells of each written ("received, under
 * review"): through the Sheets API without opening the files (lock-api.ts: one read and one write
 * per file, each kind in one fetchAll for the step), or — a file that way cannot judge or whose
 * request failed — by opening it, every such file's lock request sent together (lockRounds).
 */
function lockAllSubmitted(
  ctx: ActionContext,
  config: OfficeConfig,
  submissions: readonly NewSubmission[],
  times: readonly string[],
  problems: string[],
): void {
  // One pacer per execution: the steps of a burst share the Sheets API's per-minute quotas.
  const pacer = memo(ctx, 'refresh.sheetsPacer', newSheetsPacer);
  const office = (i: number) => [OFFICE_RECEIVED, '', times[i]] as const;
  const viaApi = lockThroughApi(
    submissions.map((s, i) => ({
      fileId: s.unit.fileId,
      round: s.round,
      roundIndex: s.index,
      officeCells: office(i),
      progressSheets: config.reportingPeriods.map(progressSheetName),
    })),
    DEFAULT_TASK_COLUMNS,
    protectionEditors(config),
    pacer,
  );
  const slow = submissions.map((_, i) => i).filter((i) => !viaApi[i]);
  const files = slow.map((i) => openSpreadsheet(submissions[i].unit.fileId));
  const locked = lockRounds(
    slow.map((i, k) => ({ ss: files[k], round: submissions[i].round, roundIndex: submissions[i].index })),
    DEFAULT_TASK_COLUMNS,
    protectionEditors(config),
    pacer,
  );
  slow.forEach((i, k) => {
    const { unit, round, index } = submissions[i];
    if (locked[k].length === 0) {
      problems.push(
        `${unit.name}: không tìm thấy trang "${round.tasksSheet}" (đã bị xóa hoặc đổi tên) nên chưa khóa được bảng nhiệm vụ của bản nộp ${round.label}.`,
      );
    } else if (locked[k].some((name) => name !== round.tasksSheet)) {
      problems.push(
        `${unit.name}: trang "${round.tasksSheet}" đã bị đổi tên hoặc thay bằng trang ${locked[k].map((n) => `"${n}"`).join(', ')}; đã khóa trang đó cùng bản nộp. Đề nghị đơn vị đặt lại tên trang "${round.tasksSheet}".`,
      );
    }
    const [decision, comment, at] = office(i);
    writeOfficeCells(files[k], index, decision, comment, at);
  });
}

/** What the office's decision cell says of a round just received. */
const OFFICE_RECEIVED = 'Đã nhận, đang xem xét';

/** A submitted round whose lock was escaped (a sheet deleted, replaced or grown) is locked again. */
function keepLocked(config: OfficeConfig, unit: Unit, round: Round, index: number, problems: string[]): void {
  const ss = openSpreadsheet(unit.fileId);
  const open = relockRound(ss, round, index, DEFAULT_TASK_COLUMNS, protectionEditors(config));
  if (open.length > 0) {
    problems.push(
      `${unit.name}: trang ${open.map((n) => `"${n}"`).join(', ')} của bản nộp ${round.label} không còn được khóa (trang nhiệm vụ đã bị xóa, đổi tên hoặc thay thế sau khi nộp); đã khóa lại. Nội dung có thể đã bị sửa sau khi nộp: đối chiếu với bản đã lưu.`,
    );
  }
}

/**
 * The plan record with the progress ids of its "Nhiệm vụ" as submitted (its baseline). Kept in the
 * record, so in "Theo dõi nộp" (the tracking's one home, rebuilt from the records by every refresh
 * and backed up with the master): no extra store to keep in step, and no Properties size limit.
 * A table whose header was changed gives no baseline (carry-over then falls back to the rows).
 */
function withBaseline(
  record: TrackRecord,
  tasks: readonly (readonly CellValue[])[],
  config: OfficeConfig,
): TrackRecord {
  const plan = planTasksOfGrid(tasks, DEFAULT_TASK_COLUMNS, config.planYear);
  const ids = plan ? taskIds(plan) : [];
  // The record is one cell (50,000 characters): a plan of thousands of tasks keeps no baseline.
  if (!plan || JSON.stringify(ids).length > MAX_BASELINE_CHARS) return { ...record, baselineIds: undefined };
  return { ...record, baselineIds: ids };
}

/** Room for ≈ 1,900 task ids, leaving the rest of the record's cell for its other fields. */
const MAX_BASELINE_CHARS = 30_000;

/**
 * The record of a period opened by this very refresh (the unit's plan just came in): empty, read
 * when the plan's round was — the file was read whole then (its progress sheet is not there yet),
 * so the next refresh need not read it again for this round alone.
 */
function openedRecord(state: TrackState, unit: Unit, round: Round): TrackRecord {
  const plan = state.records.get(trackKey(unit.code, 'plan'));
  const empty = emptyRecord(unit.code, round.key);
  if (!plan || plan.readFileId === undefined) return empty;
  return {
    ...empty,
    readFileId: plan.readFileId,
    readModifiedAtMs: plan.readModifiedAtMs,
    readListedAtMs: plan.readListedAtMs,
  };
}

/** Rebuilds "Theo dõi nộp", "Tổng quan" and the registry's status column from the records. */
export function writeTracking(master: MasterWorkbook, state: TrackState): void {
  const zone = master.timeZone();
  const today = state.today;
  const time = (ms: number | null) => (ms === null ? '' : formatTimestamp(new Date(ms), zone));
  const lines: TrackLine[] = [];
  for (const unit of state.units) {
    for (const round of unitRounds(state.config, unit, state.records, today)) {
      const record = state.records.get(trackKey(unit.code, round.key)) ?? openedRecord(state, unit, round);
      const submittedDay =
        record.submittedAtMs === null ? null : dateOnlyOf(new Date(record.submittedAtMs), zone);
      lines.push({
        record,
        unitName: unit.name,
        round,
        flags: flagsOf(record, round.deadline, today, submittedDay),
        submittedText: time(record.submittedAtMs),
        decidedText: time(record.decidedAtMs),
        snapshotLinks: record.snapshotIds.map((id) => spreadsheetUrl(id)).join('\n'),
      });
    }
  }
  const budget = readDocumentJson<CompactBudgetSummary>(BUDGET_SUMMARY_KEY);
  const dashboard = dashboardSpec({
    today,
    rounds: [
      ...roundsFor(state.config, true),
      ...state.config.reportingPeriods
        .filter((p) => lines.some((l) => l.round.key === periodRoundKey(p)))
        .map((p) => periodRound(state.config, p)),
    ],
    lines,
    localPlanDeadline: state.config.localPlanDeadline,
    budget: budget ? expandSummary(budget) : null,
    updatedText: time(new Date().getTime()),
  });
  const track = trackSheetSpec(lines);
  const rebuilt = !updateInPlace(master, state, track, dashboard.sheet);
  if (rebuilt) {
    replaceSheets(master.ss, [track, dashboard.sheet], protectionEditors(state.config));
    drawCharts(master.ss, dashboard.sheet.name, dashboard.charts);
    // The sheet read at load is gone: a later update in this execution compares with what was written.
    state.shown = asReadBack(track.values, TRACK_HEADERS.length);
  }

  const statusByRow = new Map<number, string>();
  for (const line of lines.filter((l) => l.round.key === 'plan')) {
    const unit = state.units.find((u) => u.code === line.record.unitCode) as Unit;
    const flags = flagText(line.flags);
    statusByRow.set(unit.row, `${STATUS_LABELS[line.record.status]}${flags ? ` (${flags})` : ''}`);
  }
  // Always written (1,000 cells cost little): a row inserted in the registry moves a unit's cell.
  master.writeRegistryColumn(registryColumn('planStatus'), statusByRow);
  if (rebuilt) colourStatusColumn(master.ss, registryColumn('planStatus'));
}

/**
 * "Theo dõi nộp" and "Tổng quan" updated where they differ from what the rebuild would write —
 * one setValues per run of changed rows, nothing when nothing changed (the dashboard's update
 * time always changes) — instead of rebuilt whole (drafts, swap, protections, charts: about 5 s
 * at 1,000 units, most of an hourly refresh that found nothing new). Returns false, having
 * written nothing, when the sheets must be rebuilt: the first update of the day (so a format,
 * protection or chart someone changed is restored daily), either sheet missing, a rebuild left
 * unfinished (its draft or complete version still there), "Theo dõi nộp" with rows removed or
 * cells typed beside its table (rows added — a round opened for a unit — are written in place,
 * the sheet grown first), or "Tổng quan" with rows added or removed (a block: its styles, chart).
 */
function updateInPlace(
  master: MasterWorkbook,
  state: TrackState,
  track: SheetSpec,
  dashboard: SheetSpec,
): boolean {
  const sheets = sheetsByName(master.ss);
  const names = [TRACK_SHEET, DASHBOARD_SHEET];
  if (names.some((n) => !sheets.has(n) || sheets.has(draftName(n)) || sheets.has(completeName(n))))
    return false;
  if (!state.shown) return false;
  const dashboardShown = readSheetValues(sheets.get(DASHBOARD_SHEET) as Sheet, master.timeZone());
  const day = updatedDay(dashboardShown);
  if (day === null || day !== updatedDay(dashboard.values)) return false;
  const trackWanted = asReadBack(track.values, TRACK_HEADERS.length);
  const dashboardWanted = asReadBack(dashboard.values, Math.max(...dashboard.values.map((r) => r.length)));
  // Rows are keyed by unit and round: a round opened for a unit is a row inserted among the others.
  const trackEdits = keyedRowEdits(state.shown, trackWanted, (r) => `${String(r[0])}|${String(r[2])}`);
  // "Tổng quan" with another number of rows has a block added or removed (a period's round opened
  // for its first unit, the budget's first consolidation), whose styles and chart only a rebuild
  // draws: rows written in place would be unstyled and chartless, and the blocks under them would
  // keep the styles of the rows they moved from. "Theo dõi nộp" has no style below its header.
  if (dashboardWanted.length !== dashboardShown.length) return false;
  const dashboardRuns = changedRowRuns(dashboardShown, dashboardWanted);
  if (!trackEdits || !dashboardRuns) return false;
  const trackSheet = sheets.get(TRACK_SHEET) as Sheet;
  insertRowGroups(trackSheet, trackEdits.inserts);
  // A write commits for about 5 ms, a 13-cell row for about 1.7 ms (emulator/core/latency.ts): runs
  // three rows apart or closer go in one write.
  writeRowRuns(trackSheet, trackWanted, joinRuns(trackEdits.runs, 3));
  // The dashboard is small: its changed rows go in one write, from the first to the last, always
  // with its update line (row 2: the time of this update, even within the same minute).
  const updateLine = { from: 1, to: 1 };
  writeRowRuns(sheets.get(DASHBOARD_SHEET) as Sheet, dashboardWanted, spanOf([updateLine, ...dashboardRuns]));
  state.shown = trackWanted;
  return true;
}

/** The whole refresh in this execution (continuing by itself if it must): for callers in code. */
export function refreshStatus(ctx: ActionContext): ActionOutcome {
  return runJob(ctx, refreshJob, ctx.startedMs);
}
