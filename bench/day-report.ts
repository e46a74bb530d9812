/**
 * The day benchmark's tables (bench/day.ts): per province size and account type, the hourly
 * refreshes, the reminders, the consolidation, and each daily quota's use against its limit.
 * A configuration the targets say must fit (`mustFit`) fails the bench when any of its executions
 * met a daily quota's error.
 */
import { performance } from 'node:perf_hooks';
import { AccountType } from '../emulator/core/quotas';
import { benchDay, DayResult } from './day';

export interface DayConfig {
  readonly units: number;
  readonly account: AccountType;
  /** A target: a day at this size must fit this account's quotas. */
  readonly mustFit: boolean;
}

export const DAY_CONFIGS: readonly DayConfig[] = [
  { units: 100, account: 'consumer', mustFit: true },
  { units: 100, account: 'workspace', mustFit: true },
  { units: 300, account: 'consumer', mustFit: true },
  { units: 1000, account: 'consumer', mustFit: false },
  { units: 1000, account: 'workspace', mustFit: true },
];

const ACCOUNT = { consumer: 'cá nhân (gmail.com)', workspace: 'Workspace' } as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

function quotaCell(used: number, limit: number, unit: string): string {
  const shown =
    unit === 'ms'
      ? `${(used / 60_000).toFixed(0)}/${(limit / 60_000).toFixed(0)} phút`
      : `${Math.round(used)}/${limit}`;
  return `${shown} (${((used / limit) * 100).toFixed(0)}%)`;
}

/** The day's document generation: documents made of those submitted, modeled time, trigger to done. */
function generationCell(day: DayResult): string {
  const g = day.generation;
  if (!g) return '—';
  const waiting = g.unitDocs < g.submitted ? `, ${g.submitted - g.unitDocs} chờ hôm sau` : '';
  return (
    `${g.unitDocs}/${g.submitted} đơn vị + 1 chung (${g.docsCreated} Google Docs tạo mới${waiting}): ` +
    `${g.modeledS.toFixed(0)} s, ${g.elapsedS.toFixed(0)} s (${g.executions} lần chạy), ${g.requests} UrlFetch`
  );
}

export function dayReport(configs: readonly DayConfig[]): { lines: string[]; exceeded: string[] } {
  const results: { config: DayConfig; day: DayResult }[] = [];
  for (const config of configs) {
    const started = performance.now();
    results.push({ config, day: benchDay(config.units, config.account) });
    process.stderr.write(
      `(day of ${config.units} units, ${config.account}: ${((performance.now() - started) / 1000).toFixed(1)} s real time)\n`,
    );
  }
  const lines: string[] = [];
  lines.push('Một ngày (ngày hạn nộp 15/02, tính theo ngày hạn mức của Google: 15:00 hôm trước đến 15:00):');
  lines.push('');
  lines.push(
    '| đơn vị | tài khoản | cập nhật thường: thời gian mô hình (trung vị / lớn nhất), yêu cầu UrlFetch (trung vị / lớn nhất) | giờ cao điểm: nộp, thời gian mô hình, từ lúc chạy đến xong | nhắc 8 giờ (cùng cập nhật) | tổng hợp | văn bản |',
  );
  lines.push('| ---: | --- | --- | --- | --- | ---: | --- |');
  for (const { config, day } of results) {
    const routine = day.hours.filter((h) => h.kind === 'routine');
    const burst = day.hours.find((h) => h.kind === 'burst');
    const remind = day.hours.find((h) => h.kind === 'reminders');
    lines.push(
      `| ${config.units} | ${ACCOUNT[config.account]} | ${median(routine.map((h) => h.modeledS)).toFixed(1)} s / ${Math.max(...routine.map((h) => h.modeledS)).toFixed(1)} s, ${median(routine.map((h) => h.requests))} / ${Math.max(...routine.map((h) => h.requests))} | ` +
        `${burst ? `${Math.floor(config.units / 2)} nộp: ${burst.modeledS.toFixed(0)} s, ${burst.elapsedS.toFixed(0)} s (${burst.executions} lần chạy)` : '—'} | ` +
        `${remind ? `${remind.modeledS.toFixed(0)} s, ${remind.elapsedS.toFixed(0)} s` : '—'} | ${day.consolidationS.toFixed(0)} s | ${generationCell(day)} |`,
    );
  }
  lines.push('');
  lines.push('Hạn mức trong ngày của tài khoản quản trị (đã dùng / hạn mức):');
  lines.push('');
  const names = results[0]?.day.quotas.map((q) => q.name) ?? [];
  lines.push(`| đơn vị | tài khoản | ${names.join(' | ')} | vượt hạn mức |`);
  lines.push(`| ---: | --- | ${names.map(() => '---:').join(' | ')} | --- |`);
  const exceeded: string[] = [];
  for (const { config, day } of results) {
    // A quota's error met, or its use past its limit (a count the product did not stop at).
    const over = [
      ...new Set([
        ...day.quotaErrors,
        ...day.quotas
          .filter((q) => q.used > q.limit)
          .map((q) => `${q.name}: ${Math.round(q.used)} > ${q.limit}`),
      ]),
    ];
    if (config.mustFit && over.length > 0)
      exceeded.push(`${config.units} ${config.account}: ${over.join(', ')}`);
    lines.push(
      `| ${config.units} | ${ACCOUNT[config.account]} | ${day.quotas.map((q) => quotaCell(q.used, q.limit, q.unit)).join(' | ')} | ${over.length > 0 ? over.join('; ') : 'không'}${config.mustFit ? '' : ' (không phải mục tiêu)'} |`,
    );
    if (day.failures.length > 0) lines.push(`|  |  | lỗi khác: ${[...new Set(day.failures)].join('; ')} |`);
  }
  return { lines, exceeded };
}
