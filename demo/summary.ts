import { ExportReport } from './export';
import { ScenarioFacts } from './facts';
import { PeriodFacts } from './progress-year';
import { StepReport } from './scenario';

/** "1m 05s", "12.3s": modeled durations for people. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** One progress line: the day, what happened, and what it cost the product. */
export function stepLine(step: StepReport): string {
  const runs = step.executions > 1 ? `, ${step.executions} executions` : '';
  const cost =
    step.calls > 0 ? `  [${duration(step.modeledMs)} modeled, ${count(step.calls)} calls${runs}]` : '';
  return `  ${step.day}  ${step.title}: ${step.detail}${cost}`;
}

const list = (entries: Iterable<[string, number]>) => [...entries].map(([k, n]) => `${k} ${n}`).join(', ');

/** The summary as label/value rows. */
export function summaryRows(
  facts: ScenarioFacts,
  files: ExportReport,
  outDir: string,
  wallMs: number,
  periods: readonly PeriodFacts[] = [],
): [string, string][] {
  const sheets = files.files.filter((f) => f.kind === 'spreadsheet').length;
  const docs = files.files.length - sheets;
  const { emails } = facts;
  return [
    ['units', `${facts.units} (${list(facts.unitsByKind)})`],
    ['task rows in the master', `${count(facts.taskRows)} tasks, ${facts.proposalRows} proposals`],
    [
      'problems found',
      `${facts.problems.errors} errors, ${facts.problems.warnings} warnings ("Lỗi dữ liệu")`,
    ],
    ['plan status', list(facts.planStatus)],
    ['flags', list(facts.planFlags)],
    ['dashboard', `"Tổng quan" with ${facts.dashboardCharts} charts`],
    ...periods.map((p): [string, string] => [
      `progress ${p.period}`,
      `${p.sheets} sheets; ${p.reported} sent, ${p.drafting} drafting, ${p.missing} missing; completed ${p.completedRate} (on time ${p.onTimeRate}), ${p.overdue} overdue; ${p.reports} reports`,
    ]),
    ['documents', `${facts.documents} Google Docs, ${facts.pdfs} PDFs`],
    [
      'emails',
      `${emails.reminders} reminders (${emails.copiedToHead} with the unit head in copy), ${emails.returns} return notices`,
    ],
    ['files written', `${sheets} .xlsx + ${docs} .docx in ${outDir}/, ${files.problems.length} problems`],
    [
      'modeled Apps Script time',
      `${duration(facts.modeledMs)} in ${facts.executions} executions${
        facts.longestExecution
          ? ` (longest: ${facts.longestExecution.label}, ${duration(facts.longestExecution.modeledMs)}; limit 6m)`
          : ''
      }`,
    ],
    ['service calls', count(facts.calls)],
    ['wall time', duration(wallMs)],
  ];
}

/** A plain two-column table that survives any terminal. */
export function table(rows: readonly [string, string][]): string {
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  const rule = `+-${'-'.repeat(left)}-+-${'-'.repeat(right)}-+`;
  return [rule, ...rows.map(([k, v]) => `| ${k.padEnd(left)} | ${v.padEnd(right)} |`), rule].join('\n');
}
