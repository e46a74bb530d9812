import { Emulator } from '../emulator';
import { fillTaskTable, setUnitState } from '../sample/fill';
import { LevelSample, sampleRegistryRows, TWO_LEVEL_YEAR } from '../sample/two-level';
import { CONFIG_SHEET } from '../src/domain/config/parse-config';
import { UNIT_SHEETS } from '../src/domain/unit-file/sheets';
import * as entry from '../src/index';
import { DemoOffice } from './office';

/**
 * `npm run demo -- --sample tinh|xa`: a two-level office's 2027 cycle in short, through the
 * product's own menu functions: setup with the level's preset, the office's own names, the
 * registry, one file per unit, a few units typing tasks (one of them last year's habits: "Phòng
 * Nội vụ", "Ngân sách huyện"), consolidation, submissions, the plan draft and the units' plans.
 */
export function levelEmulator(sample: LevelSample): Emulator {
  return new Emulator({ user: sample.admin, start: new Date(Date.UTC(TWO_LEVEL_YEAR - 1, 11, 3, 1)) });
}

const task = (name: string, lead: string, source: string, time: string) => [
  '1.',
  name,
  'Kế hoạch, báo cáo',
  lead,
  '',
  time,
  '20.000.000',
  source,
  '',
];

export function runLevelScenario(
  emu: Emulator,
  sample: LevelSample,
  say: (line: string) => void,
): DemoOffice {
  const uninstall = emu.install(globalThis);
  try {
    const office = new DemoOffice(
      emu,
      `Kế hoạch CCHC ${TWO_LEVEL_YEAR} - ${sample.settings.issuingAuthority}`,
    );
    office.run('Thiết lập ban đầu', entry.menuSetup, [sample.presetAnswer]);
    const config = office.master.getSheetByName(CONFIG_SHEET);
    const keys =
      config
        ?.getDataRange()
        .getValues()
        .map((r) => String(r[0])) ?? [];
    for (const [key, value] of Object.entries(sample.settings)) {
      config?.getRange(keys.indexOf(key) + 1, 3).setValue(value);
    }
    office.typeRegistry(sampleRegistryRows(sample));
    office.run('Tạo bảng tính cho đơn vị', entry.menuProvisionUnits);
    say(`  ${sample.units.length} đơn vị, mỗi đơn vị một bảng tính`);
    emu.ctx.clock.set(Date.UTC(TWO_LEVEL_YEAR, 0, 6, 2));
    const focal = (code: string) => `cchc.${code.toLowerCase()}@${sample.domain}`;
    const own = sample.key === 'tinh' ? 'Ngân sách tỉnh' : 'Ngân sách xã';
    sample.units.forEach((u, i) => {
      const kind = u.kind;
      const proposes = kind === 'Sở, ban, ngành' || kind === 'Phòng chuyên môn' || kind.startsWith('UBND xã');
      const habit = i === 2; // one unit copies last year's file
      fillTaskTable(emu, focal(u.code), office.fileId(u.code), UNIT_SHEETS.tasks, [
        [
          task(
            `Xây dựng, ban hành Kế hoạch CCHC năm ${TWO_LEVEL_YEAR}`,
            habit ? 'Phòng Nội vụ' : u.name,
            habit ? 'Ngân sách huyện' : own,
            `Quý I/${TWO_LEVEL_YEAR}`,
          ),
        ],
        [],
        [
          task(
            'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
            u.name,
            own,
            `Tháng 6/${TWO_LEVEL_YEAR}`,
          ),
        ],
      ]);
      if (proposes && i % 3 === 0) {
        fillTaskTable(emu, focal(u.code), office.fileId(u.code), UNIT_SHEETS.proposals, [
          [],
          [],
          [
            task(
              'Thí điểm tiếp nhận hồ sơ thủ tục hành chính không phụ thuộc địa giới hành chính',
              u.name,
              own,
              `Quý II/${TWO_LEVEL_YEAR}`,
            ),
          ],
        ]);
      }
      if (i % 2 === 0)
        setUnitState(emu, focal(u.code), office.fileId(u.code), 'Đã hoàn thành, đề nghị tiếp nhận');
    });
    office.run('Tổng hợp dữ liệu', entry.menuConsolidate);
    office.run('Cập nhật trạng thái', entry.menuRefreshStatus);
    office.run('Tạo dự thảo kế hoạch chung', entry.menuGenerateLocalPlan);
    office.run('Tạo văn bản kế hoạch của đơn vị', entry.menuGenerateUnitPlans, ['']);
    const warnings = office.grid('Lỗi dữ liệu').length - 1;
    say(
      `  tổng hợp, dự thảo kế hoạch chung, văn bản của các đơn vị đã nộp; ${warnings} dòng ở "Lỗi dữ liệu"`,
    );
    return office;
  } finally {
    uninstall();
  }
}
