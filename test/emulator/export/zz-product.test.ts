import * as entry from '../../../src/index';
import { fillTaskTable } from '../../../sample/fill';
import { sampleTasks, MESSY_ROWS } from '../../../sample/tasks';
import { focalEmail, SAMPLE_UNITS } from '../../../sample/vinh-linh';
import { provisionedOffice, unitFileId } from '../../fixtures/office';
import { exportAll, xlsxProblems, docxProblems, readXlsx } from '../../../emulator/export';
import { readFileSync } from 'node:fs';
test('product files', async () => {
  const office = provisionedOffice(SAMPLE_UNITS);
  for (const unit of SAMPLE_UNITS) {
    const rows = sampleTasks(unit, SAMPLE_UNITS).map((r) => [...r]);
    rows[1].push(MESSY_ROWS.badBudget);
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', rows);
  }
  entry.menuConsolidate();
  const files = await exportAll(office.emu.ctx, '/tmp/cchc-out');
  for (const f of files) {
    const b = readFileSync(f.path);
    const p = f.kind === 'spreadsheet' ? await xlsxProblems(b) : await docxProblems(b);
    require('fs').appendFileSync('/tmp/cchc-report.txt', JSON.stringify([f.path, f.kind, JSON.stringify(f.sheetNames), f.warnings.slice(0, 5), p]) + '\n');
  }
  const wb = await readXlsx(readFileSync(files[1].path));
  console.log(wb.worksheets.map(w => [w.name, w.state, w.rowCount]));
  office.close();
}, 120000);
