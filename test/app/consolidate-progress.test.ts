import * as entry from '../../src/index';
import { loadPeriodProgress } from '../../src/app/period-progress';
import { loadConfig } from '../../src/app/config';
import { MasterWorkbook } from '../../src/gas/master';
import { periodSheetNames } from '../../src/domain/progress/master-sheets';
import { progressRates } from '../../src/domain/progress/rates';
import { NEVER_REPORTS } from '../../sample/progress';
import { SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { fillEveryTaskTable, lastLog, Office, provisionedOffice, sheetValues } from '../fixtures/office';
import { addProgressSheets, fillSampleProgress, SAMPLE_PERIODS } from '../fixtures/progress';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'BQLDA', 'HX', NEVER_REPORTS].map(pick);
const [quarterI] = SAMPLE_PERIODS;
/** 09:00 in Vĩnh Linh on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);

function reportedOffice(): Office {
  const office = provisionedOffice(UNITS);
  fillEveryTaskTable(office, UNITS);
  addProgressSheets(office, UNITS, quarterI);
  office.emu.ctx.clock.set(at(3, 16));
  fillSampleProgress(office, UNITS, quarterI);
  return office;
}

describe('Tổng hợp tiến độ kỳ báo cáo', () => {
  let office: Office;
  afterEach(() => office.close());

  it('smoke', () => {
    office = reportedOffice();
    office.emu.ctx.clock.set(at(3, 17));
    entry.menuConsolidateProgress();
    process.stdout.write(JSON.stringify(lastLog(office.master)) + '\n');
    const names = periodSheetNames(quarterI);
    for (const n of [names.rates, names.overdue])
      process.stdout.write(
        n +
          '\n' +
          sheetValues(office.master, n)
            .map((r) => r.join(' | '))
            .join('\n') +
          '\n',
      );
    process.stdout.write(
      sheetValues(office.master, names.problems)
        .slice(0, 20)
        .map((r) => r.join(' | '))
        .join('\n') + '\n',
    );
    process.stdout.write(
      sheetValues(office.master, names.entries)
        .slice(0, 5)
        .map((r) => r.join(' | '))
        .join('\n') + '\n',
    );
    const master = new MasterWorkbook(office.master);
    const loaded = loadPeriodProgress(master, loadConfig(master), quarterI);
    expect(loaded).not.toBeNull();
    const rates = progressRates(loaded!.entries, quarterI, 2025);
    process.stdout.write(JSON.stringify(rates.overall) + '\n');
  });
});
