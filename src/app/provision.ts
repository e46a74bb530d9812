import { OfficeConfig } from '../domain/config/fields';
import { describeProblem } from '../domain/problem';
import { registryColumn } from '../domain/registry/columns';
import { parseRegistry } from '../domain/registry/parse-registry';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { unitPersonalCells, WorkbookVariant } from '../domain/unit-file/layout';
import { FILE_STATE_TEXT, unitFileName, unitFolderName } from '../domain/unit-file/naming';
import { copyFile, fileState, findFileInFolder } from '../gas/drive';
import { MasterWorkbook } from '../gas/master';
import { effectiveUserEmail } from '../gas/session';
import { openSpreadsheet, writeCells } from '../gas/spreadsheets';
import { formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';
import { TemplateCache } from './templates';
import { ensureFolder } from './folders';

type Folder = GoogleAppsScript.Drive.Folder;

export function variantOf(unit: Unit): WorkbookVariant {
  return proposesTasks(unit) ? 'agency' : 'other';
}

/** The registry, validated; any error stops the action before anything is created. */
export function loadUnits(master: MasterWorkbook): Unit[] {
  const { units, problems } = parseRegistry(master.readRegistry());
  if (problems.length > 0) {
    const error = new Error(
      [
        'Danh sách đơn vị có lỗi nên chưa thực hiện. Sửa các ô sau rồi chạy lại:',
        ...problems.map((p) => `• ${describeProblem(p)}`),
      ].join('\n'),
    );
    throw error;
  }
  if (units.length === 0) throw new Error('Trang "Đơn vị" chưa có đơn vị nào.');
  return units;
}

export function protectionEditors(config: OfficeConfig): string[] {
  return [...new Set([...config.admins, effectiveUserEmail()])];
}

/**
 * "Tạo bảng tính cho đơn vị": one spreadsheet per unit without a file, copied from the template,
 * named by year and unit, shared as editor with the unit's focal emails only (no link sharing;
 * the office keeps ownership). Units that have a file are skipped; a file gone to the trash or
 * out of reach is reported, never recreated or overwritten. A copy left by an interrupted run is
 * found by its name and adopted, so re-runs never duplicate.
 */
export function provisionUnits(ctx: ActionContext): ActionOutcome {
  const { master } = ctx;
  const config = loadConfig(master);
  requireAdmin(config, ctx.user);
  const units = loadUnits(master);
  const folder = ensureFolder(config, master, 'unitFolderId', unitFolderName(config));
  const templates = new TemplateCache(
    config,
    units.map((u) => u.name),
    folder,
    protectionEditors(config),
  );
  const problems: string[] = [];
  let created = 0;
  let skipped = 0;
  const stateColumn = registryColumn('fileState');

  for (const unit of units) {
    if (unit.fileId) {
      const { state } = fileState(unit.fileId);
      if (state === 'ok') skipped++;
      else {
        problems.push(
          `${unit.name}: ${FILE_STATE_TEXT[state]}. Không tạo lại tự động; kiểm tra tệp hoặc xóa ID tệp ở trang Đơn vị để tạo mới.`,
        );
        master.writeRegistryCells(unit.row, stateColumn, [FILE_STATE_TEXT[state]]);
      }
      continue;
    }
    provisionOne(config, master, unit, folder, templates);
    created++;
  }

  const summary =
    created > 0
      ? `Đã tạo ${created} bảng tính cho đơn vị${skipped > 0 ? `, ${skipped} đơn vị đã có tệp` : ''}.`
      : `Không có đơn vị nào cần tạo tệp (${skipped} đơn vị đã có tệp).`;
  return {
    ok: problems.length === 0,
    summary,
    counts: `tạo ${created}, đã có ${skipped}, lỗi ${problems.length}`,
    problems,
  };
}

function provisionOne(
  config: OfficeConfig,
  master: MasterWorkbook,
  unit: Unit,
  folder: Folder,
  templates: TemplateCache,
): void {
  const variant = variantOf(unit);
  const name = unitFileName(config, unit);
  const file = findFileInFolder(folder, name) ?? copyFile(templates.get(variant), name, folder);
  const id = file.getId();
  writeCells(openSpreadsheet(id), unitPersonalCells({ config, variant }, unit.name));
  file.addEditors([...unit.focalEmails]);
  master.writeRegistryCells(unit.row, registryColumn('fileLink'), [
    file.getUrl(),
    id,
    formatTimestamp(new Date(), master.timeZone()),
    FILE_STATE_TEXT.ok,
  ]);
}
