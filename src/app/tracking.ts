import { CompactBudgetSummary, expandSummary } from '../domain/consolidate/budget-totals';
import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { registryColumn } from '../domain/registry/columns';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { roundContent, unitStateOf } from '../domain/tracking/content';
import { dashboardSpec } from '../domain/tracking/dashboard';
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
  TRACK_SHEET,
  trackKey,
  TrackLine,
  trackSheetSpec,
} from '../domain/tracking/track-sheet';
import { UNIT_SHEETS } from '../domain/unit-file/sheets';
import { Round, roundsFor, UNIT_STATE_SUBMITTED } from '../domain/unit-file/submission';
import { drawCharts, colourStatusColumn } from '../gas/charts';
import { copyFile, fileById } from '../gas/drive';
import { lastUpdatedTimes } from '../gas/drive-api';
import { MasterWorkbook } from '../gas/master';
import { readDocumentJson } from '../gas/properties';
import { replaceSheets } from '../gas/replace-sheets';
import { openSpreadsheet } from '../gas/spreadsheets';
import { lockRound, writeOfficeCells } from '../gas/unit-locks';
import { readSheets } from '../gas/unit-reader';
import { dateOnlyOf, formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';
import { ensureFolder } from './folders';
import { loadUnits, protectionEditors } from './provision';
import { unitSheetRequests } from './unit-sheets';
import { todayInScriptZone } from './today';
import { BUDGET_SUMMARY_KEY } from './keys';

/** A unit's rounds with their index in "Nộp kế hoạch" (0: plan, 1: proposals). */
export function unitRounds(config: OfficeConfig, unit: Unit): Round[] {
  return roundsFor(config, proposesTasks(unit));
}

function sheetsToRead(unit: Unit): string[] {
  const sheets: string[] = [UNIT_SHEETS.submission, UNIT_SHEETS.tasks, UNIT_SHEETS.plan];
  if (proposesTasks(unit)) sheets.push(UNIT_SHEETS.proposals);
  return sheets;
}

export interface TrackState {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly records: Map<string, TrackRecord>;
}

/** The tracking records as the master holds them, with an empty one for every new unit/round. */
export function loadTrackState(master: MasterWorkbook, config: OfficeConfig, units: Unit[]): TrackState {
  const stored = readTrackRecords(master.readSheet(TRACK_SHEET));
  const sent = sentTiers(master.readSheet(MAIL_LOG_SHEET));
  const records = new Map<string, TrackRecord>();
  for (const unit of units) {
    for (const round of unitRounds(config, unit)) {
      const key = trackKey(unit.code, round.key);
      const record = stored.get(key) ?? emptyRecord(unit.code, round.key);
      records.set(key, { ...record, remindersSent: sent.get(key) ?? [] });
    }
  }
  return { config, units, records };
}

/**
 * "Cập nhật trạng thái" (and the hourly trigger): reads every unit's status cells and content in
 * parallel batches, moves each round's status forward, archives and locks new submissions, and
 * rebuilds "Theo dõi nộp", "Tổng quan" and the registry's status column.
 */
export function refreshStatus(ctx: ActionContext): ActionOutcome {
  const { master } = ctx;
  const config = loadConfig(master);
  requireAdmin(config, ctx.user);
  const units = loadUnits(master);
  const state = loadTrackState(master, config, units);
  const withFile = units.filter((u) => u.fileId);

  const reads = readSheets(unitSheetRequests(withFile, sheetsToRead));
  const grids = new Map(reads.map((r) => [r.request.key, r.grid]));
  const times = config.unitFolderId
    ? lastUpdatedTimes(
        config.unitFolderId,
        withFile.map((u) => u.fileId),
      )
    : new Map<string, number>();
  const problems: string[] = [];
  let submittedNow = 0;
  let changedNow = 0;

  for (const unit of withFile) {
    const grid = (sheet: string) => grids.get(`${unit.code}|${sheet}`) ?? null;
    const submission = grid(UNIT_SHEETS.submission);
    if (!submission) {
      problems.push(`${unit.name}: không đọc được tệp; giữ nguyên trạng thái cũ.`);
      continue;
    }
    unitRounds(config, unit).forEach((round, index) => {
      const key = trackKey(unit.code, round.key);
      const tasks = grid(round.tasksSheet) ?? [];
      const content = roundContent(tasks, round.key === 'plan' ? grid(UNIT_SHEETS.plan) : null);
      const observation = {
        unitState: unitStateOf(submission, index),
        ...content,
        lastUpdatedMs: times.get(unit.fileId) ?? new Date().getTime(),
      };
      const { record, events } = observe(
        state.records.get(key) as TrackRecord,
        observation,
        UNIT_STATE_SUBMITTED,
      );
      let next = record;
      if (events.includes('submitted')) {
        next = archiveAndLock(ctx, config, unit, round, index, record);
        submittedNow++;
      }
      if (events.includes('changed-after-submission')) changedNow++;
      state.records.set(key, next);
    });
  }

  writeTracking(master, state);
  return {
    ok: problems.length === 0,
    summary: `Đã cập nhật trạng thái ${withFile.length} đơn vị: ${submittedNow} đơn vị mới nộp (đã lưu bản và khóa), ${changedNow} đơn vị sửa sau khi nộp.`,
    counts: `${withFile.length} đơn vị, ${submittedNow} mới nộp, ${changedNow} sửa sau khi nộp`,
    problems,
  };
}

/** At a new submission: an archived copy later edits cannot change, then the unit's inputs locked. */
function archiveAndLock(
  ctx: ActionContext,
  config: OfficeConfig,
  unit: Unit,
  round: Round,
  index: number,
  record: TrackRecord,
): TrackRecord {
  const zone = ctx.master.timeZone();
  const at = formatTimestamp(new Date(record.submittedAtMs ?? new Date().getTime()), zone);
  const archive = ensureFolder(
    config,
    ctx.master,
    'archiveFolderId',
    `Kế hoạch CCHC ${config.planYear} - Bản đã nộp`,
  );
  const copy = copyFile(
    fileById(unit.fileId),
    `${unit.name} - ${round.label} - bản nộp ${at.replace(/[/:]/g, '-')}`,
    archive,
  );
  const ss = openSpreadsheet(unit.fileId);
  lockRound(ss, round, index, DEFAULT_TASK_COLUMNS, protectionEditors(config));
  writeOfficeCells(ss, index, 'Đã nhận, đang xem xét', '', at);
  return { ...record, snapshotIds: [...record.snapshotIds, copy.getId()] };
}

/** Rebuilds "Theo dõi nộp", "Tổng quan" and the registry's status column from the records. */
export function writeTracking(master: MasterWorkbook, state: TrackState): void {
  const zone = master.timeZone();
  const today = todayInScriptZone();
  const time = (ms: number | null) => (ms === null ? '' : formatTimestamp(new Date(ms), zone));
  const lines: TrackLine[] = [];
  for (const unit of state.units) {
    for (const round of unitRounds(state.config, unit)) {
      const record = state.records.get(trackKey(unit.code, round.key)) as TrackRecord;
      const submittedDay =
        record.submittedAtMs === null ? null : dateOnlyOf(new Date(record.submittedAtMs), zone);
      lines.push({
        record,
        unitName: unit.name,
        round,
        flags: flagsOf(record, round.deadline, today, submittedDay),
        submittedText: time(record.submittedAtMs),
        decidedText: time(record.decidedAtMs),
        snapshotLinks: record.snapshotIds
          .map((id) => `https://docs.google.com/spreadsheets/d/${id}/edit`)
          .join('\n'),
      });
    }
  }
  const budget = readDocumentJson<CompactBudgetSummary>(BUDGET_SUMMARY_KEY);
  const dashboard = dashboardSpec({
    today,
    rounds: roundsFor(state.config, true),
    lines,
    localPlanDeadline: state.config.localPlanDeadline,
    budget: budget ? expandSummary(budget) : null,
    updatedText: time(new Date().getTime()),
  });
  replaceSheets(master.ss, [trackSheetSpec(lines), dashboard.sheet]);
  drawCharts(master.ss, dashboard.sheet.name, dashboard.charts);

  const statusByRow = new Map<number, string>();
  for (const line of lines.filter((l) => l.round.key === 'plan')) {
    const unit = state.units.find((u) => u.code === line.record.unitCode) as Unit;
    const flags = flagText(line.flags);
    statusByRow.set(unit.row, `${STATUS_LABELS[line.record.status]}${flags ? ` (${flags})` : ''}`);
  }
  master.writeRegistryColumn(registryColumn('planStatus'), statusByRow);
  colourStatusColumn(master.ss, registryColumn('planStatus'));
}
