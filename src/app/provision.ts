import { CellValue } from '../domain/cell';
import { SCOPE } from '../domain/scopes';
import { OfficeConfig } from '../domain/config/fields';
import { describeProblem } from '../domain/problem';
import { registryColumn } from '../domain/registry/columns';
import { parseRegistry } from '../domain/registry/parse-registry';
import { proposesTasks, Unit } from '../domain/registry/unit';
import { unitPersonalCells, WorkbookVariant } from '../domain/unit-file/layout';
import { FILE_STATE_TEXT, spreadsheetUrl, unitFileName, unitFolderName } from '../domain/unit-file/naming';
import { addFileEditor, copyFile, fileState, findFileInFolder } from '../gas/drive';
import { refreshFileStates } from './file-states';
import { addEditorsAll, copyAll, folderFileIds } from '../gas/drive-api';
import { MasterWorkbook } from '../gas/master';
import { effectiveUserEmail } from '../gas/session';
import { openSpreadsheet, writeCells } from '../gas/spreadsheets';
import { formatTimestamp } from '../gas/values';
import { chunkStepMs } from '../domain/jobs/time-budget';
import { ActionContext } from './action';
import { Job } from './jobs/job';
import { memo } from './jobs/memo';
import { loadConfig, requireAdmin } from './config';
import { SheetIdBook } from './sheet-ids';
import { TemplateCache } from './templates';
import { shareFoldersWithAdmins } from './admin-sharing';
import { ensureFolder } from './folders';

type Folder = GoogleAppsScript.Drive.Folder;

export function variantOf(unit: Unit): WorkbookVariant {
  return proposesTasks(unit) ? 'agency' : 'other';
}

/** The registry, validated; any error stops the action before anything is created. */
export function loadUnits(
  master: MasterWorkbook,
  config: OfficeConfig,
  rows: CellValue[][] = master.readRegistry(),
): Unit[] {
  const { units, problems } = parseRegistry(rows, {
    kinds: config.unitKinds,
    placeName: config.placeName,
    issuingAuthority: config.issuingAuthority,
  });
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

/** Units per step: each costs a copy, a share and a few writes (about 6 s modeled). */
const PROVISION_CHUNK = 25;
const UNIT_MS = 4000;
/** Rendering both templates (a hundred calls each, protections the dearest). */
const TEMPLATES_MS = 60 * 1000;
/** The first step: one listing of the unit folder. */
const LISTING_MS = 20 * 1000;
/** Problems kept in the job's state (the state lives in a 9 KB property). */
const MAX_KEPT_PROBLEMS = 40;

interface ProvisionState {
  readonly checked: boolean;
  readonly created: number;
  readonly skipped: number;
  readonly problems: readonly string[];
  readonly remaining: number;
}

interface ProvisionSetup {
  readonly config: OfficeConfig;
  readonly units: Unit[];
  readonly folder: Folder;
  readonly templates: TemplateCache;
  /** Read once per execution; each step writes what it added. */
  readonly sheetIds: SheetIdBook;
  /** Who runs this: the copies' owner, never granted. */
  readonly me: string;
}

function setup(ctx: ActionContext): ProvisionSetup {
  return memo(ctx, 'provision', () => {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    const units = loadUnits(ctx.master, config);
    const folder = ensureFolder(config, ctx.master, 'unitFolderId', unitFolderName(config));
    const templates = new TemplateCache(
      config,
      units.map((u) => u.name),
      folder,
      protectionEditors(config),
    );
    const me = effectiveUserEmail().toLowerCase();
    return { config, units, folder, templates, sheetIds: SheetIdBook.load(), me };
  });
}

const keep = (problems: readonly string[], more: readonly string[]) =>
  [...problems, ...more].slice(0, MAX_KEPT_PROBLEMS);

/**
 * "Tạo bảng tính cho đơn vị": one spreadsheet per unit without a file, copied from the template,
 * named by year and unit, shared as editor with the unit's focal emails only (no link sharing;
 * the office keeps ownership). Units that have a file are skipped; a file gone to the trash or
 * out of reach is reported, never recreated or overwritten. The registry is the cursor: a unit
 * is done when its file id is written, and a copy left by a run that died before that is found by
 * its name and adopted, so resuming never duplicates. Works in steps (continues by itself).
 */
export const provisionJob: Job<ProvisionState> = {
  name: 'provision',
  label: 'Tạo bảng tính cho đơn vị',
  scopes: [SCOPE.drive, SCOPE.externalRequest],
  stepMs: PROVISION_CHUNK * UNIT_MS,
  // The first step only lists the folder; a last short chunk needs time for its own units, plus
  // the templates' rendering (they may be rebuilt when the unit list changed).
  nextStepMs: (state) =>
    state.checked
      ? Math.min(
          PROVISION_CHUNK * UNIT_MS,
          chunkStepMs(PROVISION_CHUNK * UNIT_MS, PROVISION_CHUNK, state.remaining, UNIT_MS) + TEMPLATES_MS,
        )
      : LISTING_MS,
  begin(ctx) {
    const { units } = setup(ctx);
    return {
      state: { checked: false, created: 0, skipped: 0, problems: [], remaining: units.length },
      total: units.length,
    };
  },
  step(ctx, state) {
    const { config, units, folder, templates, sheetIds, me } = setup(ctx);
    const { master } = ctx;
    if (!state.checked) {
      // Once a run: every admin can open the unit files, whoever created them (a removed one not).
      shareFoldersWithAdmins({ ...config, unitFolderId: folder.getId() });
      // One listing of the folder vouches for most files; only the others are asked one by one.
      const listed = new Set(
        listFolderSafely(
          folder,
          units.filter((u) => u.fileId).map((u) => unitFileName(config, u)),
        ).values(),
      );
      const problems: string[] = [];
      const fine: Unit[] = [];
      for (const unit of units.filter((u) => u.fileId)) {
        const { state: fileNow } = listed.has(unit.fileId)
          ? { state: 'ok' as const }
          : fileState(unit.fileId);
        if (fileNow === 'ok') fine.push(unit);
        else {
          problems.push(
            `${unit.name}: ${FILE_STATE_TEXT[fileNow]}. Không tạo lại tự động; kiểm tra tệp hoặc xóa ID tệp ở trang Đơn vị để tạo mới.`,
          );
          master.writeRegistryCells(unit.row, registryColumn('fileState'), [FILE_STATE_TEXT[fileNow]]);
        }
      }
      refreshFileStates(ctx, fine); // a file restored from the trash is marked OK again
      const skipped = fine.length;
      const remaining = units.filter((u) => !u.fileId).length;
      return {
        state: { ...state, checked: true, skipped, problems: keep(state.problems, problems), remaining },
        done: units.length - remaining,
      };
    }
    // Units made in an earlier step of this execution are not in the registry read at its start.
    // A failure stops the step: the runner retries it from this state (a copy already made is
    // adopted by its name) and gives up after a few failures in a row.
    const made = memo(ctx, 'provision.made', () => new Set<string>());
    const todo = units.filter((u) => !u.fileId && !made.has(u.code));
    const chunk = todo.slice(0, PROVISION_CHUNK);
    const problems = provisionChunk(config, master, chunk, folder, templates, sheetIds, me);
    for (const unit of chunk) made.add(unit.code);
    const remaining = todo.length - chunk.length;
    return {
      state: {
        ...state,
        created: state.created + chunk.length,
        problems: keep(state.problems, problems),
        remaining,
      },
      done: units.length - remaining,
    };
  },
  isDone: (state) => state.checked && state.remaining === 0,
  finish(_ctx, state) {
    const { created, skipped, problems } = state;
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
  },
};

/** The folder's files among `names` (one Drive API listing, or DriveApp name by name). */
export function listFolderSafely(folder: Folder, names: readonly string[]): Map<string, string> {
  try {
    const all = folderFileIds(folder.getId());
    return new Map(
      names.flatMap((name) => (all.has(name) ? [[name, all.get(name) as string] as const] : [])),
    );
  } catch {
    return new Map(
      names.flatMap((name) => {
        const found = findFileInFolder(folder, name);
        return found ? [[name, found.getId()] as const] : [];
      }),
    );
  }
}

/**
 * A chunk of units: the copies made in parallel (Drive API in fetchAll batches, where the latency
 * table shows it wins: 50 copies cost about one), then each copy personalised (its unit's name in
 * the title rows), shared in parallel, and its registry row written — the row last, so a unit is
 * done only when everything before it is. Copies a dead step left are found by name and adopted;
 * anything the parallel path could not do is done one by one through DriveApp.
 */
function provisionChunk(
  config: OfficeConfig,
  master: MasterWorkbook,
  chunk: readonly Unit[],
  folder: Folder,
  templates: TemplateCache,
  sheetIds: SheetIdBook,
  me: string,
): string[] {
  if (chunk.length === 0) return [];
  const names = chunk.map((u) => unitFileName(config, u));
  const existing = listFolderSafely(folder, names);
  const toCopy = chunk.map((_, i) => i).filter((i) => !existing.has(names[i]));
  const sources = toCopy.map((i) => templates.get(variantOf(chunk[i])).getId());
  if (toCopy.length > 0) templates.readyToCopy();
  const copied = copyAll(
    sources,
    toCopy.map((i) => names[i]),
    folder.getId(),
  ).results;
  // A copy that failed (or whose answer was lost) is looked for once more before DriveApp copies it.
  const lost = toCopy.filter((_, k) => copied[k] === null);
  const found =
    lost.length > 0
      ? listFolderSafely(
          folder,
          lost.map((i) => names[i]),
        )
      : new Map<string, string>();
  const ids = chunk.map((u, i) => {
    const known = existing.get(names[i]) ?? copied[toCopy.indexOf(i)] ?? found.get(names[i]);
    return known ?? copyFile(templates.get(variantOf(u)), names[i], folder).getId();
  });
  chunk.forEach((unit, i) =>
    writeCells(
      openSpreadsheet(ids[i]),
      unitPersonalCells({ config, variant: variantOf(unit) }, unit.name, unit.parentLine),
    ),
  );
  const problems: string[] = [];
  // The person running this owns the copies (or, in a shared drive, already edits them): sharing
  // with them is no grant to make, and Drive refuses it (an admin who is also a focal point).
  const failed = addEditorsAll(
    chunk.flatMap((unit, i) =>
      unit.focalEmails
        .filter((email) => email.toLowerCase() !== me)
        .map((email) => ({ fileId: ids[i], email })),
    ),
  ).results;
  for (const grant of failed) {
    try {
      addFileEditor(grant.fileId, grant.email);
    } catch (e) {
      const unit = chunk[ids.indexOf(grant.fileId)];
      problems.push(
        `${unit.name}: chưa chia sẻ được tệp cho ${grant.email} (${e instanceof Error ? e.message : String(e)}). Kiểm tra email ở trang Đơn vị rồi chia sẻ lại.`,
      );
    }
  }
  // The copies' gids are their template's: recorded so their CSV exports are asked for the
  // right sheets after the template is rebuilt with new ones.
  chunk.forEach((unit, i) => sheetIds.record(ids[i], templates.sheetIds(variantOf(unit))));
  sheetIds.save();
  const zone = master.timeZone();
  chunk.forEach((unit, i) =>
    master.writeRegistryCells(unit.row, registryColumn('fileLink'), [
      spreadsheetUrl(ids[i]),
      ids[i],
      formatTimestamp(new Date(), zone),
      FILE_STATE_TEXT.ok,
    ]),
  );
  return problems;
}
