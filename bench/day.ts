/**
 * A whole day of the product on one admin's account, against Google's daily quotas
 * (emulator/core/quotas.ts): for a province of n units, consumer or Workspace, one Pacific day
 * (quotas turn at midnight Pacific: 15:00 in Viet Nam in February) on the plan deadline,
 * 15/02/2025, with automation on — the hourly status refresh and the 8 o'clock reminders, fired
 * by their triggers as on Google — and one consolidation from the menu at 11:00.
 *
 * What happens in the units: every routine hour 1% of them edit their file and 0.2% submit; in the
 * deadline-day burst (09:00–10:00) half of them submit. Every edit is made at 20 past, so the
 * refresh on the hour finds it.
 *
 * At 12:00 the admin generates every submitted unit's plan document and the office's own draft
 * plan from the menu (issue 14, part C), each with its PDF: the run plans against the day's
 * document quota (generate-quota.ts), what it does not cover waiting for the next day.
 */
import { runExecution, TriggerRunner } from '../emulator';
import { DAILY_QUOTAS, DailyQuotaName, quotaReport } from '../emulator/core/quotas';
import * as entry from '../src/index';
import { setUnitState } from '../sample/fill';
import { focalEmail, SAMPLE_ADMIN } from '../sample/vinh-linh';
import { BenchOffice, continueAll, fillAll, openBenchOffice } from './office';
import { AccountType } from '../emulator/core/quotas';
import { triggersOf } from '../emulator/services/script-app/state';
import { registryColumn } from '../src/domain/registry/columns';
import { TRACK_SHEET } from '../src/domain/tracking/track-sheet';

const HOUR = 60 * 60 * 1000;
/** 14/02/2025 08:00 UTC: midnight in Los Angeles (PST), 15:00 in Viet Nam. */
const DAY_START = Date.UTC(2025, 1, 14, 8);
/** 15/02 09:00 Viet Nam (02:00 UTC): the burst hour starts; its refresh is at 10:00. */
const BURST_HOUR_UTC = Date.UTC(2025, 1, 15, 2);
const CONSOLIDATION_AT = Date.UTC(2025, 1, 15, 4);
/** 15/02 12:00 Viet Nam: the plan documents, after the consolidation, three hours before the day turns. */
const GENERATION_AT = Date.UTC(2025, 1, 15, 5);
const SUBMITTED = 'Đã hoàn thành, đề nghị tiếp nhận';
const DRAFTING = 'Đang soạn';

export interface HourRun {
  /** Viet Nam time of the refresh ("10:00"). */
  readonly at: string;
  readonly kind: 'routine' | 'burst' | 'reminders';
  /** Modeled Apps Script time of the hour's executions (refresh and its continuations). */
  readonly modeledS: number;
  /** From the trigger to the last continuation's end. */
  readonly elapsedS: number;
  readonly requests: number;
  readonly executions: number;
}

export interface QuotaUse {
  readonly name: DailyQuotaName;
  readonly used: number;
  readonly limit: number;
  readonly unit: string;
}

/** The day's document generation (unit plans and the office's draft plan, Doc and PDF each). */
export interface GenerationRun {
  /** Units whose plan had been submitted when it started. */
  readonly submitted: number;
  /** Google Docs created (the daily quota's count: unit plans, the office's, the layout template). */
  readonly docsCreated: number;
  /** Unit plan documents linked in the registry at the end. */
  readonly unitDocs: number;
  readonly modeledS: number;
  /** From the click to the last continuation's end. */
  readonly elapsedS: number;
  readonly requests: number;
  readonly executions: number;
}

export interface DayResult {
  readonly units: number;
  readonly account: AccountType;
  readonly hours: HourRun[];
  readonly consolidationS: number;
  readonly generation: GenerationRun | null;
  readonly quotas: QuotaUse[];
  /** Quota errors the day's executions met (Google's texts). */
  readonly quotaErrors: string[];
  /** Other failed executions. */
  readonly failures: string[];
  readonly submissions: number;
}

const vnTime = (ms: number) => {
  const d = new Date(ms + 7 * HOUR);
  return `${String(d.getUTCDate()).padStart(2, '0')}/02 ${String(d.getUTCHours()).padStart(2, '0')}:00`;
};

function fileIds(office: BenchOffice): string[] {
  const ids = new Map(
    (office.master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).map((r) => [
      String(r[0]),
      String(r[6]),
    ]),
  );
  return office.units.map((u) => ids.get(u.code) ?? '');
}

/** The province before the day: files provisioned and filled, automation on, one refresh done. */
export function prepare(n: number, account: AccountType): BenchOffice {
  const office = openBenchOffice(n, { accountType: account });
  // A Workspace office says so in its settings (README): the product plans documents and the
  // reminders' share of the mail quota by it.
  if (account === 'workspace') setSetting(office, 'googleAccount', 'Google Workspace');
  runExecution(office.emu.ctx, () => entry.menuProvisionUnits());
  continueAll(office);
  fillAll(office, 50);
  office.emu.ctx.clock.set(Date.UTC(2025, 1, 13, 3));
  runExecution(office.emu.ctx, () => entry.menuRefreshStatus());
  continueAll(office);
  // Created on the hour, the hourly trigger fires on every hour after.
  office.emu.ctx.clock.set(DAY_START - 2 * HOUR);
  runExecution(office.emu.ctx, () => entry.menuEnableAutomation());
  return office;
}

const HANDLERS = {
  autoRefreshStatus: entry.autoRefreshStatus,
  autoSendReminders: entry.autoSendReminders,
  continueJobsTrigger: entry.continueJobsTrigger,
  remindAfterQuotaResetTrigger: entry.remindAfterQuotaResetTrigger,
};

/** Types a setting's value into "Cấu hình", as the office would. */
function setSetting(office: BenchOffice, key: string, value: string): void {
  const sheet = office.master.getSheetByName('Cấu hình');
  const row = (sheet?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === key) + 1;
  if (!sheet || row === 0) throw new Error(`no setting ${key}`);
  sheet.getRange(row, 3).setValue(value);
}

export function benchDay(n: number, account: AccountType): DayResult {
  const office = prepare(n, account);
  const { emu } = office;
  const ids = fileIds(office);
  const runner = new TriggerRunner(emu.ctx);
  const hours: HourRun[] = [];
  let consolidationS = 0;
  let generation: GenerationRun | null = null;
  let submitted = 0;
  let next = 0; // units submit in order; edits go round the others
  emu.ui.uiAvailable = false;
  try {
    for (let h = 0; h < 24; h++) {
      const top = DAY_START + h * HOUR;
      // The hour's own runs: fired on the hour, continuations a minute apart.
      emu.ctx.ledger.reset();
      const firstRun = runner.executions.length;
      // (The hourly trigger fires a moment after the hour: it was created a moment after one.)
      runner.advanceAndRun(Math.max(0, top + 60 * 1000 - emu.ctx.clock.nowMs()), HANDLERS);
      for (let hop = 0; hop < 120 && pendingContinuation(office); hop++)
        runner.advanceAndRun(61 * 1000, HANDLERS);
      const runs = runner.executions.slice(firstRun);
      if (runs.length > 0) {
        const handlers = new Set(runs.map((r) => r.handler));
        hours.push({
          at: vnTime(top),
          kind: handlers.has('autoSendReminders')
            ? 'reminders'
            : top === BURST_HOUR_UTC + HOUR
              ? 'burst'
              : 'routine',
          modeledS: emu.ctx.ledger.modeledTimeMs() / 1000,
          elapsedS:
            (Math.max(...runs.map((r) => r.endedMs)) - Math.min(...runs.map((r) => r.startedMs))) / 1000,
          requests: emu.ctx.ledger.count('UrlFetchApp.request'),
          executions: runs.length,
        });
      }
      if (top + HOUR > CONSOLIDATION_AT && top <= CONSOLIDATION_AT) {
        emu.ctx.clock.set(Math.max(CONSOLIDATION_AT, emu.ctx.clock.nowMs()));
        emu.ctx.ledger.reset();
        emu.ui.uiAvailable = true;
        runExecution(emu.ctx, () => entry.menuConsolidate());
        emu.ui.uiAvailable = false;
        for (let hop = 0; hop < 200 && pendingContinuation(office); hop++)
          runner.advanceAndRun(61 * 1000, HANDLERS);
        consolidationS = emu.ctx.ledger.modeledTimeMs() / 1000;
      }
      if (top + HOUR > GENERATION_AT && top <= GENERATION_AT) {
        emu.ctx.clock.set(Math.max(GENERATION_AT, emu.ctx.clock.nowMs()));
        generation = generateDocuments(office, runner);
      }
      // The units' hour, at 20 past (outside the script: the focal points' own edits).
      emu.ctx.clock.set(Math.max(top + 20 * 60 * 1000, emu.ctx.clock.nowMs()));
      const burst = top === BURST_HOUR_UTC;
      const submitting = burst ? Math.floor(n / 2) : Math.max(1, Math.round(n * 0.002));
      for (let k = 0; k < submitting && next < n; k++, next++) {
        setUnitState(emu, focalEmail(office.units[next]), ids[next], SUBMITTED);
        submitted++;
      }
      if (!burst) {
        const editing = Math.max(1, Math.round(n * 0.01));
        for (let k = 0; k < editing; k++) {
          const i = next + ((h * editing + k) % Math.max(1, n - next));
          if (i < n) setUnitState(emu, focalEmail(office.units[i]), ids[i], DRAFTING);
        }
      }
    }
    const dayRuns = runner.executions.filter((r) => r.startedMs >= DAY_START);
    const errors = dayRuns
      .filter((r) => r.status === 'failed')
      .map((r) => String((r.error as Error)?.message));
    const quotaTexts = Object.values(DAILY_QUOTAS).map((q) => q.message);
    return {
      units: n,
      account,
      hours,
      consolidationS,
      generation,
      quotas: quotaReport(emu.ctx, SAMPLE_ADMIN),
      quotaErrors: errors.filter((e) => quotaTexts.some((t) => e.includes(t))),
      failures: errors.filter((e) => !quotaTexts.some((t) => e.includes(t))),
      submissions: submitted,
    };
  } finally {
    emu.ui.uiAvailable = true;
    office.close();
  }
}

const docsCreated = (office: BenchOffice) =>
  quotaReport(office.emu.ctx, SAMPLE_ADMIN).find((q) => q.name === 'docs create')?.used ?? 0;

/**
 * "Tạo văn bản kế hoạch" for every submitted unit (the prompt left blank), then "Tạo dự thảo kế
 * hoạch chung", as the admin clicks them; the unit plans' continuations run a minute apart (the
 * hourly triggers fire among them when due, their time counted here too).
 */
function generateDocuments(office: BenchOffice, runner: TriggerRunner): GenerationRun {
  const { emu } = office;
  // The account type is in "Cấu hình" since prepare(): generation plans the day's documents by it.
  const startedMs = emu.ctx.clock.nowMs();
  const createdBefore = docsCreated(office);
  const firstRun = runner.executions.length;
  emu.ctx.ledger.reset();
  emu.ui.uiAvailable = true;
  const submitted = submittedUnits(office);
  emu.ui.answerNext(emu.SpreadsheetApp.getUi().Button.OK, '');
  runExecution(emu.ctx, () => entry.menuGenerateUnitPlans());
  runExecution(emu.ctx, () => entry.menuGenerateLocalPlan());
  emu.ui.uiAvailable = false;
  for (let hop = 0; hop < 400 && pendingContinuation(office); hop++)
    runner.advanceAndRun(61 * 1000, HANDLERS);
  const unitDocs = (office.master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).filter((r) =>
    String(r[registryColumn('planDoc') - 1]).startsWith('https://docs.google.com/document/d/'),
  ).length;
  return {
    submitted,
    docsCreated: docsCreated(office) - createdBefore,
    unitDocs,
    modeledS: emu.ctx.ledger.modeledTimeMs() / 1000,
    elapsedS: (emu.ctx.clock.nowMs() - startedMs) / 1000,
    requests: emu.ctx.ledger.count('UrlFetchApp.request'),
    executions: 2 + runner.executions.length - firstRun,
  };
}

/** Units the status sheet shows as submitted (or accepted): the ones generation makes. */
function submittedUnits(office: BenchOffice): number {
  const rows = office.master.getSheetByName(TRACK_SHEET)?.getDataRange().getValues() ?? [];
  return rows.filter((r) => /^Kế hoạch CCHC/.test(String(r[2])) && /Đã nộp|Đã tiếp nhận/.test(String(r[3])))
    .length;
}

/**
 * Is a continuation waiting? Read from the emulator's trigger store, not through
 * ScriptApp.getProjectTriggers: the bench's own look would be charged to the hour's modeled time.
 */
function pendingContinuation(office: BenchOffice): boolean {
  return triggersOf(office.emu.ctx, SAMPLE_ADMIN).some((t) => t.handler === 'continueJobsTrigger');
}
