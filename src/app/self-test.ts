import { CONFIG_SHEET } from '../domain/config/parse-config';
import { CellValue } from '../domain/cell';
import { SpecValue } from '../domain/sheet-spec';
import { CONSOLIDATED_SHEET, PROBLEMS_SHEET } from '../domain/consolidate/master-sheets';
import { defaultPlanYear } from '../domain/dates';
import { planFields } from '../domain/plan/plan-fields';
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
import {
  createSpreadsheetIn,
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
import { runJob } from './jobs/runner';
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

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  readonly label: string;
  readonly status: StepStatus;
  /** What was checked, or the error. */
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

/** The unit whose plan becomes a document. */
const DOCUMENT_UNIT = UNITS[1];

function taskRows(unit: TestUnit, year: number): SpecValue[][] {
  return [
    [
      '1.',
      'Xây dựng, ban hành Kế hoạch CCHC (kiểm tra hệ thống)',
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
      'Tuyên truyền về cải cách hành chính (kiểm tra hệ thống)',
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

/**
 * Runs the steps in order. After a failure the rest are skipped (they build on it), and so are
 * those that would start too late to leave time for cleanup; `always` runs regardless.
 */
class Steps {
  readonly results: StepResult[] = [];
  private skipWhy = '';

  constructor(private readonly deadlineMs: number) {}

  run(label: string, fn: () => string): void {
    if (!this.skipWhy && new Date().getTime() > this.deadlineMs)
      this.skipWhy = 'bỏ qua để kịp dọn dẹp trước giới hạn 6 phút của Apps Script';
    if (this.skipWhy) {
      this.results.push({ label, status: 'skipped', detail: this.skipWhy });
      return;
    }
    this.attempt(label, fn);
    if (this.results[this.results.length - 1].status === 'failed')
      this.skipWhy = 'bỏ qua vì bước trước không đạt';
  }

  always(label: string, fn: () => string): void {
    this.attempt(label, fn);
  }

  private attempt(label: string, fn: () => string): void {
    try {
      this.results.push({ label, status: 'passed', detail: fn() });
    } catch (e) {
      this.results.push({ label, status: 'failed', detail: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** A use case on the scratch master, under the script lock like the menu's, with no dialogs. */
function onScratch(
  master: MasterWorkbook,
  startedMs: number,
  label: string,
  fn: (ctx: ActionContext) => ActionOutcome,
): string {
  // The execution's start, not the step's: each long step sees the time already spent.
  const outcome = runLockedAction(label, fn, { master, interactive: false, startedMs });
  if (!outcome.ok) throw new Error([outcome.summary, ...outcome.problems].join(' '));
  return outcome.summary;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The rows of a scratch master's sheet whose `codeColumn` holds one of the test units' codes. */
function rowsOfTestUnits(master: MasterWorkbook, sheet: string, codeColumn: number): CellValue[][] {
  const codes = UNITS.map((u) => u.code);
  return master.readSheet(sheet).filter((r) => codes.includes(valueText(r[codeColumn])));
}

/** The whole self-test for `user` (who becomes the scratch office's admin and both focal points). */
export function runSelfTest(user: string): SelfTestResult {
  return withIsolation(() => runIsolated(user));
}

function runIsolated(user: string): SelfTestResult {
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
    UNITS.forEach((u, i) =>
      scratch().writeRegistryCells(REGISTRY_HEADER_ROW + 1 + i, 1, [
        u.code,
        u.name,
        UNIT_KIND_LABELS[u.kind],
        user,
        '',
      ]),
    );
    return `thư mục "${folder.getName()}"`;
  });

  steps.run(`Tạo bảng tính cho ${UNITS.length} đơn vị`, () => {
    onScratch(scratch(), started, provisionJob.label, (ctx) => runJob(ctx, provisionJob, ctx.startedMs));
    const registry = scratch().readRegistry();
    for (const [i, unit] of UNITS.entries()) {
      const id = valueText(registry[i]?.[registryColumn('fileId') - 1]);
      check(id !== '', `${unit.name}: chưa có tệp trong trang "Đơn vị".`);
      check(
        readSheetValues(openSpreadsheet(id), UNIT_SHEETS.tasks) !== null,
        `${unit.name}: tệp không có trang "${UNIT_SHEETS.tasks}".`,
      );
      fileIds.set(unit.code, id);
    }
    return `${fileIds.size} tệp, chia sẻ cho ${user}`;
  });

  steps.run('Đơn vị nhập nhiệm vụ và nội dung kế hoạch', () => {
    let typed = 0;
    for (const unit of UNITS)
      typed += typeUnitInput(openSpreadsheet(fileIds.get(unit.code) as string), unit, year);
    return `${typed} nhiệm vụ`;
  });

  steps.run('Tổng hợp dữ liệu', () => {
    onScratch(scratch(), started, consolidateJob.label, (ctx) => runJob(ctx, consolidateJob, ctx.startedMs));
    const rows = rowsOfTestUnits(scratch(), CONSOLIDATED_SHEET, 1);
    const expected = UNITS.length * taskRows(UNITS[0], year).length;
    check(rows.length === expected, `trang "${CONSOLIDATED_SHEET}" có ${rows.length}/${expected} nhiệm vụ.`);
    const errors = rowsOfTestUnits(scratch(), PROBLEMS_SHEET, 0).filter((r) => r[7] === 'Lỗi');
    check(
      errors.length === 0,
      `trang "${PROBLEMS_SHEET}" báo lỗi: ${errors.map((r) => `${valueText(r[3])}: ${valueText(r[6])}`).join('; ')}`,
    );
    return `${rows.length} nhiệm vụ, không có lỗi`;
  });

  steps.run('Đơn vị nộp kế hoạch', () => {
    for (const unit of UNITS)
      writeUnitState(openSpreadsheet(fileIds.get(unit.code) as string), 0, UNIT_STATE_SUBMITTED);
    return `"${UNIT_STATE_SUBMITTED}"`;
  });

  steps.run('Cập nhật trạng thái', () => {
    onScratch(scratch(), started, 'Cập nhật trạng thái', refreshStatus);
    const records = readTrackRecords(scratch().readSheet(TRACK_SHEET));
    const submitted = UNITS.filter(
      (u) => records.get(trackKey(u.code, 'plan'))?.status === 'submitted',
    ).length;
    check(
      submitted === UNITS.length,
      `${submitted}/${UNITS.length} đơn vị ở trạng thái "${STATUS_LABELS.submitted}".`,
    );
    return `${submitted} đơn vị "${STATUS_LABELS.submitted}"`;
  });

  steps.run('Tạo văn bản kế hoạch', () => {
    onScratch(scratch(), started, 'Tạo văn bản kế hoạch', (ctx) =>
      generateUnitPlans(ctx, DOCUMENT_UNIT.code),
    );
    const row = scratch().readRegistry()[UNITS.indexOf(DOCUMENT_UNIT)];
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

/** Admins only, once the office has named them (before setup, whoever deploys may check). */
function requireOfficeAdmin(master: MasterWorkbook, user: string): void {
  if (!master.sheet(CONFIG_SHEET)) return;
  const row = master.readConfigRows().find((r) => r.key === 'admins');
  const admins = row ? splitEmails(valueText(row.value)) : [];
  if (admins.length > 0 && !admins.includes(user)) {
    throw new Error(
      `Tài khoản ${user || '(không xác định)'} không có quyền quản trị. Chỉ những email trong mục "Email quản trị" của trang Cấu hình mới được chạy kiểm tra hệ thống.`,
    );
  }
}

const MARK: Record<StepStatus, string> = { passed: '✓', failed: '✗', skipped: '–' };

/** The use case behind the menu item: the office's master only gets the log row. */
export function selfTest(ctx: ActionContext): ActionOutcome {
  requireOfficeAdmin(ctx.master, ctx.user);
  const result = runSelfTest(ctx.user || effectiveUserEmail());
  const passed = result.steps.filter((s) => s.status === 'passed').length;
  const cleaned = result.steps[result.steps.length - 1].status === 'passed';
  return {
    ok: result.passed,
    summary: result.passed
      ? `Hệ thống hoạt động bình thường: đạt ${passed}/${result.steps.length} bước. Các tệp tạm đã được chuyển vào thùng rác.`
      : `Kiểm tra hệ thống không đạt (${passed}/${result.steps.length} bước đạt).${
          cleaned
            ? ' Các tệp tạm đã được chuyển vào thùng rác.'
            : ' Hãy xóa thư mục "Kiểm tra hệ thống CCHC …" trong Drive.'
        }`,
    counts: `đạt ${passed}/${result.steps.length}`,
    // Every step is listed, passed or not: the person sees what was checked (✓/✗/–).
    problems: result.steps.map((s) => `${MARK[s.status]} ${s.label}: ${s.detail}`),
  };
}

/** Menu: runs it and shows the ✓/✗ list. Not under the script lock: each step takes it in turn. */
export function selfTestFromMenu(): void {
  runAction(SELF_TEST_LABEL, selfTest);
}
