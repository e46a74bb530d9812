import { exportAll } from '../../emulator/export';
import { readDocxParts, wordText } from '../../emulator/export/readback';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levelEmulator, runLevelScenario } from '../../demo/level-scenario';
import { COMMUNE_SAMPLE, PROVINCE_SAMPLE } from '../../sample/two-level';

const ABOLISHED = /huyện|thị trấn|Huyện ủy|Phòng Nội vụ/;

/** The one unit of each sample that copies last year's habits (demo/level-scenario.ts). */
const HABIT_INDEX = 2;

describe.each([
  ['xa', COMMUNE_SAMPLE],
  ['tinh', PROVINCE_SAMPLE],
])('npm run demo -- --sample %s', (_key, sample) => {
  it('writes documents free of the abolished level, except what a unit typed, which is warned', async () => {
    const emu = levelEmulator(sample);
    const office = runLevelScenario(emu, sample, () => undefined);
    const problems = office.grid('Lỗi dữ liệu').map((r) => r.join(' | '));
    const habit = sample.units[HABIT_INDEX].name;
    expect(problems.some((p) => p.includes(habit) && p.includes('Phòng Nội vụ'))).toBe(true);
    expect(problems.some((p) => p.includes(habit) && p.includes('Ngân sách huyện'))).toBe(true);

    const dir = await mkdtemp(join(tmpdir(), 'level-demo-'));
    try {
      const files = await exportAll(emu.ctx, dir);
      expect(files.filter((f) => f.kind === 'document').length).toBeGreaterThan(1);
      for (const f of files) expect(f.name).not.toMatch(ABOLISHED);
      for (const f of files.filter((d) => d.kind === 'document' && !d.name.includes(habit))) {
        const text = wordText((await readDocxParts(await readFile(f.path))).document);
        expect(text).not.toMatch(ABOLISHED);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
