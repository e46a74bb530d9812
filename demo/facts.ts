import type { SentMail } from '../emulator/services/mail';
import { MIME } from '../emulator/core/drive-store';
import { LAYOUT_TEMPLATE_NAME } from '../src/gas/docs-api';
import { CONSOLIDATED_SHEET, PROBLEMS_SHEET, PROPOSALS_SHEET } from '../src/domain/consolidate/master-sheets';
import { DASHBOARD_SHEET } from '../src/domain/tracking/dashboard';
import { FLAG_LABELS, STATUS_LABELS } from '../src/domain/tracking/status';
import { TRACK_SHEET } from '../src/domain/tracking/track-sheet';
import { spreadsheetModelOf } from '../emulator/services/spreadsheet';
import { CastMember } from './cast';
import { DemoOffice } from './office';

/** What the year produced, as the summary table shows it. */
export interface ScenarioFacts {
  readonly units: number;
  readonly unitsByKind: ReadonlyMap<string, number>;
  /** Rows in the master after the last consolidation. */
  readonly taskRows: number;
  readonly proposalRows: number;
  readonly problems: { readonly errors: number; readonly warnings: number };
  /** Plan round, by status label (every label present, zero or not). */
  readonly planStatus: ReadonlyMap<string, number>;
  readonly planFlags: ReadonlyMap<string, number>;
  readonly dashboardCharts: number;
  readonly documents: number;
  readonly pdfs: number;
  readonly emails: { readonly reminders: number; readonly returns: number; readonly copiedToHead: number };
  readonly calls: number;
  readonly modeledMs: number;
  /** Apps Script executions: menu actions and continuations. */
  readonly executions: number;
  readonly longestExecution: { readonly label: string; readonly modeledMs: number } | null;
}

export function collectFacts(
  office: DemoOffice,
  cast: readonly CastMember[],
  mails: readonly SentMail[],
): ScenarioFacts {
  const byKind = new Map<string, number>();
  for (const m of cast) byKind.set(m.unit.kind, (byKind.get(m.unit.kind) ?? 0) + 1);

  const problems = office.grid(PROBLEMS_SHEET).slice(1);
  const errors = problems.filter((r) => r[7] === 'Lỗi').length;

  // "Theo dõi nộp": code, name, round label, status, deadline, submitted, flags…
  const planLabel = String(office.grid(TRACK_SHEET)[1]?.[2] ?? '');
  const planRows = office
    .grid(TRACK_SHEET)
    .slice(1)
    .filter((r) => r[2] === planLabel);
  const planStatus = new Map(Object.values(STATUS_LABELS).map((l) => [l, 0]));
  for (const r of planRows) planStatus.set(String(r[3]), (planStatus.get(String(r[3])) ?? 0) + 1);
  const planFlags = new Map(Object.values(FLAG_LABELS).map((l) => [l as string, 0]));
  for (const r of planRows) {
    for (const flag of String(r[6]).split(', ').filter(Boolean))
      planFlags.set(flag, (planFlags.get(flag) ?? 0) + 1);
  }

  const { ctx } = office.emu;
  const live = ctx.drive.all().filter((it) => !it.deleted && !ctx.drive.isTrashed(it));
  const dashboard = spreadsheetModelOf(ctx, office.master.getId())?.sheetByName(DASHBOARD_SHEET);
  const returns = mails.filter((m) => m.subject.startsWith('[Cần bổ sung]')).length;
  const totals = office.totals();
  return {
    units: cast.length,
    unitsByKind: byKind,
    taskRows: office.grid(CONSOLIDATED_SHEET).length - 1,
    proposalRows: office.grid(PROPOSALS_SHEET).length - 1,
    problems: { errors, warnings: problems.length - errors },
    planStatus,
    planFlags,
    dashboardCharts: dashboard?.charts.length ?? 0,
    // The layout template the product keeps to copy documents from is not one of them.
    documents: live.filter((it) => it.mimeType === MIME.document && it.name !== LAYOUT_TEMPLATE_NAME).length,
    pdfs: live.filter((it) => it.mimeType === MIME.pdf).length,
    emails: {
      reminders: mails.length - returns,
      returns,
      copiedToHead: mails.filter((m) => m.cc.length > 0).length,
    },
    calls: totals.calls,
    modeledMs: totals.modeledMs,
    executions: office.executions.length,
    longestExecution: totals.longest,
  };
}
