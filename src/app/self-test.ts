import { CONFIG_SHEET } from '../domain/config/parse-config';
import { CellValue } from '../domain/cell';
import { SpecValue } from '../domain/sheet-spec';
import { CONSOLIDATED_SHEET, PROBLEMS_SHEET } from '../domain/consolidate/master-sheets';
import { defaultPlanYear } from '../domain/dates';
import { planFields } from '../domain/plan/plan-fields';
import { columnIndex, DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { REFORM_AREAS } from '../domain/plan/areas';
import { valueText } from '../domain/problem';
import { REGISTRY_HEADER_ROW, registryColumn } from '../domain/registry/columns';
import { splitEmails } from '../domain/registry/emails';
import { UNIT_KIND_LABELS, UnitKind } from '../domain/registry/unit';
import { STATUS_LABELS } from '../domain/tracking/status';
import { readTrackRecords, TRACK_SHEET, trackKey } from '../domain/tracking/track-sheet';
import {
  PLAN_HEADER_ROW,
  PLAN_VALUE_COLUMN,
  TASK_FIRST_SECTION_ROW,
  UNIT_SHEETS,
} from '../domain/unit-file/sheets';
import { UNIT_STATE_SUBMITTED } from '../domain/unit-file/submission';
import { templateText } from '../gas/documents';
import { createFolder } from '../gas/drive';
import { MasterWorkbook } from '../gas/master';
import { withIsolation } from '../gas/isolation';
import { describePaths, takePathEvents } from '../gas/paths';
import {
  createSpreadsheetIn,
  editorEmails,
  isInTrash,
  readSheetValues,
  trashFile,
  trashFolderTree,
  typeRow,
} from '../gas/scratch';
import { effectiveUserEmail, scriptTimeZone } from '../gas/session';
import { openSpreadsheet } from '../gas/spreadsheets';
import { writeUnitState } from '../gas/unit-locks';
import { formatTimestamp } from '../gas/values';
import { ActionContext, ActionOutcome, runAction, runLockedAction } from './action';
import { consolidateJob } from './consolidate';
import { generateUnitPlans } from './generate';
import { Job } from './jobs/job';
import { forgetJob, pendingJobNames, runJob } from './jobs/runner';
import { missingPermissions } from './permissions';
import { provisionJob } from './provision';
import { setupWorkspace } from './setup';
import { todayInScriptZone } from './today';
import { refreshStatus } from './tracking';

/**
 * "Kiểm tra hệ thống": a small year run against the real Google services — two units (an agency
 * and a commune) whose focal point is the person running it; provision, type a few tasks,
 * consolidate, submit, refresh the status, generate one document — each step passed or failed
 * with its error, and everything it made moved to the trash at the end, failure or not.
 *
 * It never touches the office's registry, settings or consolidation: it sets up a scratch master
 * of its own in a scratch folder and runs the use cases on that (ActionOptions.master) — through
 * the same job runner as the menu — with what the script remembers (document properties) and its
 * triggers kept apart (gas/isolation.ts). The office's master only gets the log row. The same
 * code runs in the jest test on the emulator.
 */

export const SELF_TEST_LABEL = 'Kiểm tra hệ thống';

type Folder = GoogleAppsScript.Drive.Folder;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type StepStatus = 'passed' | 'failed' | 'deferred' | 'skipped';

export interface StepResult {
  readonly label: string;
  readonly status: StepStatus;
  /** What was checked (and which paths served it), or the error. */
  readonly detail: string;
}

export interface SelfTestResult {
  readonly steps: readonly StepResult[];
  readonly passed: boolean;
}

/** Apps Script stops an execution at 6 minutes; past this, the remaining steps give way to cleanup. */
const TIME_FOR_STEPS_MS = 4 * 60 * 1000;

interface TestUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

/** Codes and names no office uses, so nothing can be mistaken for a real unit. */
const UNITS: readonly TestUnit[] = [
  { code: 'KTHT-CQ', name: 'Cơ quan thử nghiệm (kiểm tra hệ thống)', kind: 'agency' },
  { code: 'KTHT-XA', name: 'UBND xã thử nghiệm (kiểm tra hệ thống)', kind: 'commune' },
];

/** The unit registered after the first provisioning (a new template, new sheet ids on Google). */
const LATE_UNIT: TestUnit = {
  code: 'KTHT-SN',
  name: 'Đơn vị sự nghiệp thử nghiệm (kiểm tra hệ thống)',
  kind: 'service',
};

const ALL_UNITS: readonly TestUnit[] = [...UNITS, LATE_UNIT];

/** The unit whose plan becomes a document. */
const DOCUMENT_UNIT = UNITS[1];

function taskRows(unit: TestUnit, year: number): SpecValue[][] {
  return [
    [
      '1.',
      `Xây dựng, ban hành Kế hoạch CCHC (kiểm tra hệ thống ${unit.code})`,
      'Kế hoạch được ban hành',
      unit.name,
      '',
      `Quý I/${year}`,
      10000000,
      'Ngân sách huyện',
      '',
    ],
    [
      '2.',
      `Tuyên truyền về cải cách hành chính (kiểm tra hệ thống ${unit.code})`,
      'Tin, bài tuyên truyền',
      unit.name,
      '',
      'Thường xuyên',
      'Kinh phí thường xuyên',
      '',
      '',
    ],
  ];
}

/** A step whose long job paused at its time budget: not a failure, it simply did not finish here. */
class Deferred extends Error {}

/**
 * Runs the steps in order. After a failure the rest are skipped (they build on it); after a
 * deferral, and once too little time is left for cleanup, the rest are deferred; `always` runs
 * regardless.
 */
class Steps {
  readonly results: StepResult[] = [];
  private stop: { status: StepStatus; why: string } | null = null;

  constructor(private readonly deadlineMs: number) {}

  run(label: string, fn: () => string): void {
    if (!this.stop && new Date().getTime() > this.deadlineMs)
      this.stop = {
        status: 'deferred',
        why: 'chưa chạy để kịp dọn dẹp trước giới hạn 6 phút của Apps Script; chạy lại kiểm tra',
      };
    if (this.stop) {
      this.results.push({ label, status: this.stop.status, detail: this.stop.why });
      return;
    }
    const result = this.attempt(label, fn);
    if (result.status === 'failed') this.stop = { status: 'skipped', why: 'bỏ qua vì bước trước không đạt' };
    if (result.status === 'deferred')
      this.stop = { status: 'deferred', why: 'chưa chạy vì bước trước chưa xong trong lần chạy này' };
  }

  always(label: string, fn: () => string): void {
    this.attempt(label, fn);
  }

  private attempt(label: string, fn: () => string): StepResult {
    takePathEvents(); // each step reports the paths its own calls took
    const startMs = new Date().getTime();
    // How long each step took on Google: where the 6-minute budget goes.
    const took = () => ` (${Math.round((new Date().getTime() - startMs) / 1000)} giây)`;
    let result: StepResult;
    try {
      result = { label, status: 'passed', detail: fn() + took() };
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)) + took();
      result = { label, status: e instanceof Deferred ? 'deferred' : 'failed', detail };
    }
    this.results.push(result);
    return result;
  }
}

/**
 * The paths this step's calls took. The self-test is the one check against real Google: a slow
 * fallback means one of our assumptions about the services is wrong there, so it fails the step
 * (the office's own runs would still finish, slower) and names the error that caused it.
 */
function requireFastPaths(): string {
  const { text, fallbacks } = describePaths(takePathEvents());
  check(fallbacks.length === 0, fallbacks.join('; '));
  return text;
}

/**
 * A use case on the scratch master, under the script lock like the menu's, with no dialogs. A
 * long one that paused at its time budget is deferred (and forgotten: nothing resumes a scratch
 * run), not failed.
 */
function onScratch(
  master: MasterWorkbook,
  startedMs: number,
  label: string,
  fn: (ctx: ActionContext) => ActionOutcome,
): string {
  // The execution's start, not the step's: each long step sees the time already spent.
  const outcome = runLockedAction(label, fn, { master, interactive: false, startedMs });
  const paused = pendingJobNames();
  paused.forEach(forgetJob);
  if (!outcome.ok) throw new Error([outcome.summary, ...outcome.problems].join(' '));
  if (paused.length > 0) throw new Deferred(`chưa xong trong lần chạy này (${outcome.summary})`);
  return outcome.summary;
}

/** A job on the scratch master, as its menu item runs it. */
function jobOnScratch<S>(master: MasterWorkbook, startedMs: number, job: Job<S>): string {
  return onScratch(master, startedMs, job.label, (ctx) => runJob(ctx, job, ctx.startedMs));
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The rows of a scratch master's sheet whose `codeColumn` holds one of `units`' codes. */
function rowsOf(
  master: MasterWorkbook,
  sheet: string,
  codeColumn: number,
  units: readonly TestUnit[],
): CellValue[][] {
  const codes = units.map((u) => u.code);
  return master.readSheet(sheet).filter((r) => codes.includes(valueText(r[codeColumn])));
}

/** The whole self-test for `user` (the scratch office's admin and every unit's focal point). */
export function runSelfTest(user: string, otherAdmins: readonly string[] = []): SelfTestResult {
  return withIsolation(() => runIsolated(user, otherAdmins));
}

function runIsolated(user: string, otherAdmins: readonly string[]): SelfTestResult {
  const started = new Date().getTime();
  const steps = new Steps(started + TIME_FOR_STEPS_MS);
  const year = defaultPlanYear(todayInScriptZone());
  // What was made, as far as the steps got: the cleanup works from this.
  const made: { folder: Folder | null; ss: Spreadsheet | null; fileIds: Map<string, string>; docId: string } =
    {
      folder: null,
      ss: null,
      fileIds: new Map(),
      docId: '',
    };
  const { fileIds } = made;
  // A fresh view of the scratch master for each action and check, as the menu has: a workbook
  // caches its sheets, and the use cases replace whole sheets.
  const scratch = () => {
    if (!made.ss) throw new Error('Chưa có bảng tính tổng hợp tạm.');
    return new MasterWorkbook(made.ss);
  };
  // The first unit gets a second focal point when the office has another admin: two grants on one
  // file is what Drive must not receive at once (permissions.create reference).
  const focalOf = (unit: TestUnit): string[] =>
    unit === UNITS[0] && otherAdmins.length > 0 ? [user, otherAdmins[0]] : [user];
  const register = (unit: TestUnit) => {
    const row = REGISTRY_HEADER_ROW + 1 + ALL_UNITS.indexOf(unit);
    scratch().writeRegistryCells(row, 1, [
      unit.code,
      unit.name,
      UNIT_KIND_LABELS[unit.kind],
      focalOf(unit).join(', '),
      '',
    ]);
  };
  const consolidateAndCheck = (units: readonly TestUnit[]): string => {
    const summary = jobOnScratch(scratch(), started, consolidateJob);
    const rows = rowsOf(scratch(), CONSOLIDATED_SHEET, 1, units);
    const typed = units.flatMap((u) => taskRows(u, year).map((r) => String(r[1])));
    const taskHeader = DEFAULT_TASK_COLUMNS[columnIndex(DEFAULT_TASK_COLUMNS, 'task')].header;
    const taskColumn = scratch().readSheet(CONSOLIDATED_SHEET)[0].map(valueText).indexOf(taskHeader);
    const read = rows.map((r) => valueText(r[taskColumn]));
    const missing = typed.filter((t) => !read.includes(t));
    check(
      rows.length === typed.length && missing.length === 0,
      `trang "${CONSOLIDATED_SHEET}" có ${rows.length}/${typed.length} nhiệm vụ${
        missing.length > 0 ? `; thiếu: ${missing.join('; ')}` : ''
      } (${summary}).`,
    );
    const errors = rowsOf(scratch(), PROBLEMS_SHEET, 0, units).filter((r) => r[7] === 'Lỗi');
    check(
      errors.length === 0,
      `trang "${PROBLEMS_SHEET}" báo lỗi: ${errors.map((r) => `${valueText(r[3])}: ${valueText(r[6])}`).join('; ')}`,
    );
    return `${rows.length} nhiệm vụ đúng như đã nhập, không có lỗi; ${requireFastPaths()}`;
  };
  const provisionAndCheck = (units: readonly TestUnit[]): string => {
    jobOnScratch(scratch(), started, provisionJob);
    const registry = scratch().readRegistry();
    const shared: string[] = [];
    for (const unit of units) {
      const id = valueText(registry[ALL_UNITS.indexOf(unit)]?.[registryColumn('fileId') - 1]);
      check(id !== '', `${unit.name}: chưa có tệp trong trang "Đơn vị".`);
      check(
        readSheetValues(openSpreadsheet(id), UNIT_SHEETS.tasks) !== null,
        `${unit.name}: tệp không có trang "${UNIT_SHEETS.tasks}".`,
      );
      fileIds.set(unit.code, id);
      // The owner (the person running this) is not granted: only the other focal points are.
      const editors = editorEmails(id);
      const notShared = focalOf(unit).filter((e) => e !== user && !editors.includes(e));
      check(notShared.length === 0, `${unit.name}: tệp chưa được chia sẻ cho ${notShared.join(', ')}.`);
      shared.push(...focalOf(unit).filter((e) => e !== user));
    }
    const sharing =
      shared.length > 0
        ? `chia sẻ cho ${[...new Set(shared)].join(', ')}`
        : 'không có email quản trị thứ hai nên chưa thử chia sẻ một tệp cho nhiều đầu mối';
    return `${units.length} tệp, ${sharing}; ${requireFastPaths() || 'không cần tạo tệp mới'}`;
  };

  steps.run('Quyền của tập lệnh', () => {
    // First: a permission left unticked on Google's consent screen would fail a later step with a
    // less helpful message, or silently send a step down a slow path.
    const missing = missingPermissions();
    check(
      missing.length === 0,
      `tài khoản chưa cho phép hệ thống: ${missing.map((m) => `"${m.name}"`).join(', ')}. Chạy lại mục này, chọn "Xem lại quyền" và đánh dấu các ô đó.`,
    );
    return 'đã được cấp đủ quyền trong appsscript.json';
  });

  steps.run('Tạo bảng tính tổng hợp tạm', () => {
    check(user !== '', 'Không xác định được email của người chạy (Session).');
    const stamp = formatTimestamp(new Date(), scriptTimeZone()).replace(/[/:]/g, '-');
    const folder = createFolder(`Kiểm tra hệ thống CCHC ${stamp} (tạm, sẽ tự xóa)`);
    made.folder = folder;
    made.ss = createSpreadsheetIn('Bảng tính tổng hợp tạm (kiểm tra hệ thống)', folder);
    onScratch(scratch(), started, 'Thiết lập ban đầu', (ctx) => setupWorkspace(ctx, year));
    // Every folder the use cases would create at the top of My Drive goes inside this one.
    scratch().writeConfigValue('unitFolderId', folder.createFolder('Bảng tính đơn vị').getId());
    scratch().writeConfigValue('outputFolderId', folder.createFolder('Văn bản').getId());
    scratch().writeConfigValue('archiveFolderId', folder.createFolder('Bản đã nộp').getId());
    UNITS.forEach(register);
    return `thư mục "${folder.getName()}"`;
  });

  steps.run(`Tạo bảng tính cho ${UNITS.length} đơn vị`, () => provisionAndCheck(UNITS));

  steps.run('Đơn vị nhập nhiệm vụ và nội dung kế hoạch', () => {
    let typed = 0;
    for (const unit of UNITS)
      typed += typeUnitInput(openSpreadsheet(fileIds.get(unit.code) as string), unit, year);
    return `${typed} nhiệm vụ`;
  });

  // Read back at once, in the same execution: the export must see what was just typed (flushed).
  steps.run('Tổng hợp dữ liệu (đọc lại ngay qua xuất CSV)', () => consolidateAndCheck(UNITS));

  // On Google a new template's sheets get new ids: the older units' files must still be read.
  steps.run('Thêm đơn vị sau khi đã tạo tệp, tạo tệp và tổng hợp lại', () => {
    register(LATE_UNIT);
    const provisioned = provisionAndCheck([LATE_UNIT]);
    typeUnitInput(openSpreadsheet(fileIds.get(LATE_UNIT.code) as string), LATE_UNIT, year);
    return `${provisioned}. ${consolidateAndCheck(ALL_UNITS)}`;
  });

  steps.run('Đơn vị nộp kế hoạch', () => {
    for (const unit of ALL_UNITS)
      writeUnitState(openSpreadsheet(fileIds.get(unit.code) as string), 0, UNIT_STATE_SUBMITTED);
    return `"${UNIT_STATE_SUBMITTED}"`;
  });

  steps.run('Cập nhật trạng thái', () => {
    const summary = onScratch(scratch(), started, 'Cập nhật trạng thái', refreshStatus);
    const records = readTrackRecords(scratch().readSheet(TRACK_SHEET));
    const submitted = ALL_UNITS.filter(
      (u) => records.get(trackKey(u.code, 'plan'))?.status === 'submitted',
    ).length;
    check(
      submitted === ALL_UNITS.length,
      `${submitted}/${ALL_UNITS.length} đơn vị ở trạng thái "${STATUS_LABELS.submitted}" (${summary}).`,
    );
    return `${submitted} đơn vị "${STATUS_LABELS.submitted}"`;
  });

  steps.run('Tạo văn bản kế hoạch', () => {
    onScratch(scratch(), started, 'Tạo văn bản kế hoạch', (ctx) =>
      generateUnitPlans(ctx, DOCUMENT_UNIT.code),
    );
    const row = scratch().readRegistry()[ALL_UNITS.indexOf(DOCUMENT_UNIT)];
    const link = valueText(row?.[registryColumn('planDoc') - 1]);
    const match = /\/document\/d\/([^/]+)/.exec(link);
    check(match !== null, `chưa có liên kết văn bản của ${DOCUMENT_UNIT.name} trong trang "Đơn vị".`);
    made.docId = (match as RegExpExecArray)[1];
    check(templateText(made.docId).indexOf('KẾ HOẠCH') >= 0, 'văn bản không có tiêu đề "KẾ HOẠCH".');
    return `Google Docs và PDF của ${DOCUMENT_UNIT.name}`;
  });

  steps.always('Dọn dẹp (chuyển vào thùng rác)', () => {
    const { folder, ss, docId } = made;
    if (!folder) return 'không có gì để dọn';
    const masterId = ss ? ss.getId() : '';
    const { trashed, failures } = trashFolderTree(folder);
    if (masterId && !isInTrash(masterId, 'file')) trashFile(masterId); // if it never reached the folder
    check(failures.length === 0, `không chuyển được vào thùng rác: ${failures.join('; ')}`);
    const left = [masterId, ...fileIds.values(), docId].filter((id) => id !== '' && !isInTrash(id, 'file'));
    check(
      left.length === 0 && isInTrash(folder.getId(), 'folder'),
      `còn ${left.length} tệp chưa vào thùng rác.`,
    );
    return `${trashed} tệp và thư mục`;
  });

  return { steps: steps.results, passed: steps.results.every((s) => s.status === 'passed') };
}

/**
 * What the unit's focal point types: the task rows right below section I (found in the sheet,
 * not assumed), and two texts of the plan. Typed as a person types, so the cells' formats apply.
 */
function typeUnitInput(ss: Spreadsheet, unit: TestUnit, year: number): number {
  const grid = readSheetValues(ss, UNIT_SHEETS.tasks) ?? [];
  const section =
    grid.findIndex((r, i) => i + 1 >= TASK_FIRST_SECTION_ROW && r[0] === REFORM_AREAS[0].roman) + 1;
  check(section > 0, `không thấy mục ${REFORM_AREAS[0].roman} trong trang "${UNIT_SHEETS.tasks}".`);
  const rows = taskRows(unit, year);
  rows.forEach((row, r) => typeRow(ss, UNIT_SHEETS.tasks, section + 1 + r, 1, row));
  const fields = planFields({ planYear: year });
  const texts: Record<string, string> = {
    number: '01/KH-KTHT',
    objectives: `Kiểm tra hệ thống: kế hoạch thử nghiệm của ${unit.name}.`,
  };
  for (const key of Object.keys(texts)) {
    const row = PLAN_HEADER_ROW + 1 + fields.findIndex((f) => f.key === key);
    typeRow(ss, UNIT_SHEETS.plan, row, PLAN_VALUE_COLUMN, [texts[key]]);
  }
  return rows.length;
}

/** The office's admins, once it has named them (none before setup). */
function officeAdmins(master: MasterWorkbook): string[] {
  if (!master.sheet(CONFIG_SHEET)) return [];
  const row = master.readConfigRows().find((r) => r.key === 'admins');
  return row ? splitEmails(valueText(row.value)) : [];
}

/** Admins only, once the office has named them (before setup, whoever deploys may check). */
function requireOfficeAdmin(admins: readonly string[], user: string): void {
  if (admins.length > 0 && !admins.includes(user)) {
    throw new Error(
      `Tài khoản ${user || '(không xác định)'} không có quyền quản trị. Chỉ những email trong mục "Email quản trị" của trang Cấu hình mới được chạy kiểm tra hệ thống.`,
    );
  }
}

const MARK: Record<StepStatus, string> = { passed: '✓', failed: '✗', deferred: '⏸', skipped: '–' };

/** The use case behind the menu item: the office's master only gets the log row. */
export function selfTest(ctx: ActionContext): ActionOutcome {
  const admins = officeAdmins(ctx.master);
  requireOfficeAdmin(admins, ctx.user);
  const user = ctx.user || effectiveUserEmail();
  const result = runSelfTest(
    user,
    admins.filter((a) => a !== user),
  );
  const count = (status: StepStatus) => result.steps.filter((s) => s.status === status).length;
  const passed = count('passed');
  const total = result.steps.length;
  const cleaned = result.steps[total - 1].status === 'passed';
  const cleanup = cleaned
    ? ' Các tệp tạm đã được chuyển vào thùng rác.'
    : ' Hãy xóa thư mục "Kiểm tra hệ thống CCHC …" trong Drive.';
  const summary = result.passed
    ? `Hệ thống hoạt động bình thường: đạt ${passed}/${total} bước.${cleanup}`
    : count('failed') === 0 && count('deferred') > 0
      ? `Kiểm tra hệ thống chưa xong trong một lần chạy: đạt ${passed}/${total} bước, ${count('deferred')} bước tạm hoãn (không phải lỗi); hãy chạy lại lúc Google ít bận hơn.${cleanup}`
      : `Kiểm tra hệ thống không đạt (${passed}/${total} bước đạt).${cleanup}`;
  return {
    ok: result.passed,
    summary,
    counts: `đạt ${passed}/${total}`,
    // Every step is listed, passed or not: the person sees what was checked (✓/✗/⏸/–).
    problems: result.steps.map((s) => `${MARK[s.status]} ${s.label}: ${s.detail}`),
  };
}

/** Menu: runs it and shows the ✓/✗ list. Not under the script lock: each step takes it in turn. */
export function selfTestFromMenu(): void {
  runAction(SELF_TEST_LABEL, selfTest);
}
