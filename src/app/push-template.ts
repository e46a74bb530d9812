import { SCOPE } from '../domain/scopes';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { SheetSpec } from '../domain/sheet-spec';
import { unitWorkbookSpecs, WorkbookVariant } from '../domain/unit-file/layout';
import { FILE_STATE_TEXT } from '../domain/unit-file/naming';
import { fileState, syncFileEditors } from '../gas/drive';
import { openSpreadsheet } from '../gas/spreadsheets';
import { alignProtectionEditors } from '../gas/protection-editors';
import { pushToUnit } from '../gas/push-unit';
import { shareFoldersWithAdmins } from './admin-sharing';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { formatTimestamp } from '../gas/values';
import {
  FOCAL_RECORD_PREFIX,
  FocalRecord,
  focalChangeLines,
  isSharingNotice,
} from '../domain/registry/focal-changes';
import { ActionContext } from './action';
import { unitLoopJob } from './jobs/unit-loop';
import { loadConfig, requireAdmin } from './config';
import { loadUnits, protectionEditors, variantOf } from './provision';

/**
 * "Cập nhật mẫu cho các đơn vị": brings every existing unit file up to the current template —
 * guidance, dropdown lists (after the unit list changed), column help, validation and protection
 * of the task tables — without writing a single cell a unit fills in. Sections are found where
 * the unit's inserted rows moved them. Every write is a rewrite, so a unit done twice (a step run
 * again after a failure) ends the same. Works in steps.
 */
export const pushTemplateJob = unitLoopJob({
  name: 'push-template',
  label: 'Cập nhật mẫu cho các đơn vị',
  scopes: [SCOPE.drive],
  chunk: 10,
  unitMs: 8000,
  setup(ctx: ActionContext) {
    const config = loadConfig(ctx.master);
    requireAdmin(config, ctx.user);
    // The unit files' folder (and the others) shared with exactly the admins, as provisioning does.
    shareFoldersWithAdmins(config);
    const all = loadUnits(ctx.master, config);
    const specs = new Map<WorkbookVariant, SheetSpec[]>();
    const specsFor = (variant: WorkbookVariant): SheetSpec[] => {
      if (!specs.has(variant)) {
        const unitNames = all.map((u) => u.name);
        specs.set(variant, unitWorkbookSpecs({ config, columns: DEFAULT_TASK_COLUMNS, unitNames, variant }));
      }
      return specs.get(variant) as SheetSpec[];
    };
    return { config, units: all.filter((u) => u.fileId), specsFor, editors: protectionEditors(config) };
  },
  each(ctx, s, unit) {
    const { state } = fileState(unit.fileId);
    if (state !== 'ok')
      return { handled: false, problems: [`${unit.name}: ${FILE_STATE_TEXT[state]}; bỏ qua.`] };
    const ss = openSpreadsheet(unit.fileId);
    const problems = pushToUnit(ss, s.config, unit, s.specsFor(variantOf(unit)), s.editors);
    // An admin added since the file was made may edit the office's areas and lock submissions.
    alignProtectionEditors(ss, s.editors);
    // Sharing follows the registry: exactly the unit's focal points, no link sharing. Every change
    // is named, with a word when the registry itself changed since the last push.
    const key = FOCAL_RECORD_PREFIX + unit.code;
    const record = readDocumentJson<FocalRecord>(key);
    const sharing = syncFileEditors(unit.fileId, unit.focalEmails, s.config.admins);
    const when = record ? formatTimestamp(new Date(record.atMs), ctx.master.timeZone()) : '';
    const lines = focalChangeLines(unit.name, record ? { record, when } : null, unit.focalEmails, sharing);
    const emails = unit.focalEmails.map((e) => e.toLowerCase());
    if (!record || record.emails.join() !== emails.join()) {
      writeDocumentJson(key, { emails, atMs: new Date().getTime() });
    }
    const changed = sharing.added.length + sharing.removed.length > 0;
    return { handled: true, problems: [...problems, ...lines], changed };
  },
  outcome: (state) => ({
    // Sharing brought in line is told, named, but is no failure.
    ok: state.problems.every(isSharingNotice),
    summary: `Đã cập nhật mẫu cho ${state.handled} đơn vị${state.changed ? `; chia sẻ lại theo danh sách đơn vị ở ${state.changed} đơn vị` : ''}.`,
    counts: `cập nhật ${state.handled}, lỗi ${state.problems.filter((p) => !isSharingNotice(p)).length}`,
    problems: [...state.problems],
  }),
});
