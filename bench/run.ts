/**
 * `npm run bench`: modeled Apps Script time, executions and service calls of each operation for
 * 30, 100 and 1,000 units of 50 task rows, beside the naive baseline on the same emulator; and the
 * pure Node time of parsing and validating 100,000 rows. Prints markdown (docs/benchmarks.md
 * keeps a copy with the latency sources). `npm run bench -- 30 100` picks sizes.
 */
import { performance } from 'node:perf_hooks';
import { AgencyDirectory, readTaskTable } from '../src/domain/consolidate/read-task-table';
import { DEFAULT_TASK_COLUMNS } from '../src/domain/plan/columns';
import { REFORM_AREAS } from '../src/domain/plan/areas';
import * as entry from '../src/index';
import { setUnitState } from '../sample/fill';
import { sampleTasks } from '../sample/tasks';
import { focalEmail } from '../sample/vinh-linh';
import { measure, Measurement } from './measure';
import { naiveConsolidation } from './naive';
import { fillAll, openBenchOffice, provinceUnits } from './office';
import { dayReport, DAY_CONFIGS } from './day-report';

const ROWS = 50;
const say = (line: string) => process.stdout.write(line + '\n');

function sizes(): number[] {
  const args = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  return args.length > 0 ? args : [30, 100, 1000];
}

function benchSize(n: number): Measurement[] {
  const office = openBenchOffice(n);
  try {
    const out: Measurement[] = [];
    out.push(
      measure(
        office,
        'Tạo bảng tính cho đơn vị',
        () => entry.menuProvisionUnits(),
        'Tạo bảng tính cho đơn vị',
      ),
    );
    fillAll(office, ROWS);
    out.push(measure(office, 'Tổng hợp dữ liệu', () => entry.menuConsolidate(), 'Tổng hợp dữ liệu'));
    out.push(
      measure(office, 'Tổng hợp kiểu thủ công (baseline)', () => naiveConsolidation(office), null, false),
    );
    const ids = new Map(
      (office.master.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).map((r) => [
        String(r[0]),
        String(r[6]),
      ]),
    );
    office.units.forEach((u, i) => {
      if (i % 2 === 0)
        setUnitState(office.emu, focalEmail(u), ids.get(u.code) ?? '', 'Đã hoàn thành, đề nghị tiếp nhận');
    });
    office.emu.ctx.clock.set(Date.UTC(2025, 1, 16, 2));
    out.push(measure(office, 'Cập nhật trạng thái', () => entry.menuRefreshStatus(), 'Cập nhật trạng thái'));
    out.push(measure(office, 'Gửi nhắc nhở', () => entry.menuSendReminders(), 'Gửi nhắc nhở'));
    out.push(
      measure(
        office,
        'Cập nhật mẫu cho các đơn vị',
        () => entry.menuPushTemplate(),
        'Cập nhật mẫu cho các đơn vị',
      ),
    );
    return out;
  } finally {
    office.close();
  }
}

function parseBench(rows: number): number {
  const units = provinceUnits(36);
  const perTable = 50;
  const tables = Math.ceil(rows / perTable);
  const grids = Array.from({ length: tables }, (_, t) => {
    const unit = units[t % units.length];
    const sample = sampleTasks(unit, units).flat();
    const grid: (string | number)[][] = [
      ['PHỤ LỤC II'],
      [''],
      [''],
      DEFAULT_TASK_COLUMNS.map((c) => c.header),
    ];
    REFORM_AREAS.forEach((area, a) => {
      grid.push([area.roman, area.tableTitle]);
      for (let i = a; i < perTable; i += 8) grid.push([...sample[i % sample.length]]);
    });
    return { unit, grid };
  });
  const ctx = {
    planYear: 2025,
    columns: DEFAULT_TASK_COLUMNS,
    agencies: new AgencyDirectory(units.map((u) => u.name)),
  };
  const start = performance.now();
  let read = 0;
  for (const { unit, grid } of grids)
    read += readTaskTable({ code: unit.code, name: unit.name }, 'Nhiệm vụ', grid, ctx).rows.length;
  const ms = performance.now() - start;
  if (read !== tables * perTable) throw new Error(`read ${read} rows, expected ${tables * perTable}`);
  return ms;
}

function main(): void {
  if (process.argv.includes('--day')) return dayOnly();
  say(
    `| thao tác | đơn vị | thời gian Apps Script (mô hình) | từ lúc bấm đến xong | số lần chạy | lệnh gọi dịch vụ |`,
  );
  say(`| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const n of sizes()) {
    const started = performance.now();
    for (const m of benchSize(n)) {
      say(
        `| ${m.operation} | ${m.units} | ${m.modeledS.toFixed(1)} s | ${m.elapsedS.toFixed(0)} s | ${m.executions} | ${m.calls} |`,
      );
    }
    process.stderr.write(
      `(${n} units benchmarked in ${((performance.now() - started) / 1000).toFixed(1)} s of real time)\n`,
    );
  }
  const ms = parseBench(100_000);
  say('');
  say(`Parsing and validating 100,000 task rows in Node: ${ms.toFixed(0)} ms (target < 2,000 ms).`);
  say('');
  dayOnly();
}

/** `npm run bench -- --day`: only the day against the daily quotas (bench/day.ts). */
function dayOnly(): void {
  const { lines, exceeded } = dayReport(DAY_CONFIGS);
  lines.forEach(say);
  if (exceeded.length > 0) {
    process.stderr.write(`A documented daily quota was exceeded: ${exceeded.join('; ')}\n`);
    process.exitCode = 1;
  }
}

main();
