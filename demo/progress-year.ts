import { fillProgressSheet, NEVER_REPORTS } from '../sample/progress';
import { focalEmail } from '../sample/vinh-linh';
import { loadPeriodProgress } from '../src/app/period-progress';
import { OfficeConfig } from '../src/domain/config/fields';
import { addDays, DateOnly } from '../src/domain/dates';
import { periodRound } from '../src/domain/progress/period-rounds';
import { ReportingPeriod } from '../src/domain/progress/periods';
import { formatRate, progressRates } from '../src/domain/progress/rates';
import { progressSheetName } from '../src/domain/progress/sheet';
import { PROGRESS_DASHBOARD_SHEET } from '../src/domain/progress/dashboard';
import { UNIT_STATE_SUBMITTED } from '../src/domain/unit-file/submission';
import { UNIT_SHEETS } from '../src/domain/unit-file/sheets';
import { MasterWorkbook } from '../src/gas/master';
import { spreadsheetModelOf } from '../emulator/services/spreadsheet';
import * as entry from '../src/index';
import { CastMember, submitsPlan } from './cast';
import { DemoOffice } from './office';

/** What one reporting period of the demo produced (the summary and the demo's test read it). */
export interface PeriodFacts {
  readonly period: string;
  /** Units whose file got the period's progress sheet from the template push. */
  readonly sheets: number;
  readonly reported: number;
  readonly drafting: number;
  readonly missing: number;
  readonly entries: number;
  readonly completedRate: string;
  readonly onTimeRate: string;
  readonly overdue: number;
  /** The office's report and each unit's, as Google Docs. */
  readonly reports: number;
}

/** The unit roles of a reporting period, handed out among the units that submitted a plan. */
export interface PeriodCast {
  /** Fill in and send before the units' due date. */
  readonly onTime: readonly CastMember[];
  /** Fill in, and send the day after the due date. */
  readonly late: readonly CastMember[];
  /** Fill in but never send: counted as drafting. */
  readonly unsent: readonly CastMember[];
  /** Never open the sheet (sample/progress.ts's NEVER_REPORTS when it submitted a plan). */
  readonly silent: readonly CastMember[];
}

export function periodCast(cast: readonly CastMember[]): PeriodCast {
  const planned = cast.filter(submitsPlan);
  const silent = planned.filter((m) => m.unit.code === NEVER_REPORTS);
  const rest = planned.filter((m) => m.unit.code !== NEVER_REPORTS);
  // One late, one that forgets to send; the rest on time (a smaller cast still gets each role).
  const late = rest.slice(1, 2);
  const unsent = rest.slice(3, 4);
  const onTime = rest.filter((m) => !late.includes(m) && !unsent.includes(m));
  return { onTime, late, unsent, silent };
}

/** The step function of the scenario: moves the clock to `hour`:00 of `day`, runs and reports. */
export type Step = (day: DateOnly, hour: number, title: string, body: () => string) => void;

/**
 * The year after the plan: the first two reporting periods of "Kỳ báo cáo tiến độ" (quarter I and
 * six months, by default), each through the product's own menu: the template push makes every
 * planned unit's progress sheet (carrying the earlier period's words), units fill and send it,
 * the refresh tracks the period round, reminders go on its due day, then the office consolidates
 * the period and makes the report documents.
 */
export function playReportingPeriods(
  office: DemoOffice,
  config: OfficeConfig,
  cast: readonly CastMember[],
  step: Step,
  remind: (day: DateOnly, what: string) => void,
): PeriodFacts[] {
  const roles = periodCast(cast);
  const refresh = () => office.run('Cập nhật trạng thái', entry.menuRefreshStatus);
  return config.reportingPeriods.slice(0, 2).map((period) => {
    let sheets = 0;
    step(addDays(period.cutOff, -14), 9, `Cập nhật mẫu cho các đơn vị (${period.name})`, () => {
      office.run('Cập nhật mẫu cho các đơn vị', entry.menuPushTemplate);
      sheets = cast.filter((m) => hasSheet(office, m, period)).length;
      return `"${progressSheetName(period)}" in ${sheets} unit files (units whose plan was submitted), the plan's sheets untouched`;
    });

    step(period.cutOff, 9, `Units report their progress (${period.name}) + Cập nhật trạng thái`, () => {
      const filling = [...roles.onTime, ...roles.late, ...roles.unsent];
      for (const m of filling) fill(office, m, period, config.planYear);
      for (const m of roles.onTime) send(office, m, config, period);
      refresh();
      return `${filling.length} units filled "${progressSheetName(period)}", ${roles.onTime.length} sent it (archived copy, sheet locked)`;
    });

    remind(period.unitDue, `${period.name} progress due day`);

    step(
      addDays(period.unitDue, 1),
      9,
      `A late progress report (${period.name}) + Cập nhật trạng thái`,
      () => {
        for (const m of roles.late) send(office, m, config, period);
        refresh();
        return `${roles.late.map((m) => m.unit.code).join(', ')} sent after ${fmt(period.unitDue)}`;
      },
    );

    let facts: Omit<PeriodFacts, 'reports'> | null = null;
    step(addDays(period.unitDue, 2), 9, `Tổng hợp tiến độ kỳ báo cáo (${period.name})`, () => {
      office.run('Tổng hợp tiến độ kỳ báo cáo', entry.menuConsolidateProgress);
      facts = periodFacts(office, config, period, sheets);
      const f = facts;
      return `${f.entries} tasks of ${f.reported} units that sent, ${f.drafting} drafting, ${f.missing} missing; completed ${f.completedRate} (on time ${f.onTimeRate}), ${f.overdue} overdue; "${PROGRESS_DASHBOARD_SHEET}" with ${progressCharts(office)} charts`;
    });

    let reports = 0;
    step(addDays(period.unitDue, 2), 10, `Tạo báo cáo tiến độ kỳ… (${period.name})`, () => {
      const before = documentCount(office);
      office.run('Tạo báo cáo tiến độ kỳ…', entry.menuGenerateProgressReports, [period.name]);
      reports = documentCount(office) - before;
      return `${reports} reports (the office's and each reporting unit's) as Google Docs + PDF`;
    });
    if (!facts) throw new Error(`no consolidation of ${period.name}`);
    return { ...(facts as Omit<PeriodFacts, 'reports'>), reports };
  });
}

const fmt = (d: DateOnly) => `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}`;

function hasSheet(office: DemoOffice, m: CastMember, period: ReportingPeriod): boolean {
  const model = spreadsheetModelOf(office.emu.ctx, office.fileId(m.unit.code));
  return !!model?.sheetByName(progressSheetName(period));
}

function fill(office: DemoOffice, m: CastMember, period: ReportingPeriod, planYear: number): void {
  fillProgressSheet(office.emu, focalEmail(m.unit), office.fileId(m.unit.code), m.unit, period, planYear);
}

/** The focal point sets its period's row of "Nộp kế hoạch" to sent (found by the round's label). */
function send(office: DemoOffice, m: CastMember, config: OfficeConfig, period: ReportingPeriod): void {
  const label = periodRound(config, period).label;
  const fileId = office.fileId(m.unit.code);
  office.emu.as(focalEmail(m.unit), () => {
    const sheet = office.emu.SpreadsheetApp.openById(fileId).getSheetByName(UNIT_SHEETS.submission);
    const rows = sheet?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[0] === label);
    if (!sheet || row < 0)
      throw new Error(`${m.unit.code}: no row "${label}" in "${UNIT_SHEETS.submission}"`);
    sheet.getRange(row + 1, 3).setValue(UNIT_STATE_SUBMITTED);
  });
}

function periodFacts(
  office: DemoOffice,
  config: OfficeConfig,
  period: ReportingPeriod,
  sheets: number,
): Omit<PeriodFacts, 'reports'> {
  const progress = loadPeriodProgress(new MasterWorkbook(office.master), config, period);
  if (!progress) throw new Error(`${period.name}: nothing consolidated`);
  const rates = progressRates(progress.entries, period, config.planYear).overall;
  const state = (s: string) => progress.units.filter((u) => u.state === s).length;
  return {
    period: period.name,
    sheets,
    reported: state('reported'),
    drafting: state('drafting'),
    missing: state('missing'),
    entries: progress.entries.length,
    completedRate: formatRate(rates.completedRate),
    onTimeRate: formatRate(rates.onTimeRate),
    overdue: rates.figures.overdue,
  };
}

function progressCharts(office: DemoOffice): number {
  const model = spreadsheetModelOf(office.emu.ctx, office.master.getId());
  return model?.sheetByName(PROGRESS_DASHBOARD_SHEET)?.charts.length ?? 0;
}

function documentCount(office: DemoOffice): number {
  const { ctx } = office.emu;
  return ctx.drive
    .all()
    .filter(
      (it) =>
        !it.deleted && !ctx.drive.isTrashed(it) && it.mimeType === 'application/vnd.google-apps.document',
    ).length;
}
