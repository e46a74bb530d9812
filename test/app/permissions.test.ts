import { consentControls, mailOutbox, SCOPES } from '../../emulator';
import { AUTHORIZATION_REQUIRED } from '../../emulator/services/script-app';
import { CONSOLIDATED_SHEET } from '../../src/domain/consolidate/master-sheets';
import { MAIL_LOG_SHEET } from '../../src/domain/tracking/mail-log';
import { LAYOUT_TEMPLATE_NAME } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { missingPermissions } from '../../src/app/permissions';
import { SAMPLE_ADMIN, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  lastLog,
  Office,
  openOffice,
  provisionedOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { consolidateJob } from '../../src/app/consolidate';
import { generateJob } from '../../src/app/generate';
import { provisionJob } from '../../src/app/provision';
import { pushTemplateJob } from '../../src/app/push-template';
import { remindJob } from '../../src/app/reminders';
import { refreshJob } from '../../src/app/tracking';
import manifest from '../../appsscript.json';

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';

const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'YT', 'HX', 'VHO'].map(pick);
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);

function jobRecord(office: Office, name: string): string | null {
  return office.emu.PropertiesService.getDocumentProperties().getProperty(`cchc.job.${name}`);
}

function handlers(office: Office): string[] {
  return office.emu.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
}

describe('an action the person has not granted every permission for (granular consent)', () => {
  let office: Office;
  afterEach(() => office.close());

  it('consolidation without "external service" is refused up front, naming it, then Google asks', () => {
    office = provisionedOffice(UNITS);
    const consent = consentControls(office.emu.ctx);
    consent.decline([SCOPES.externalRequest]);
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');

    expect(() => entry.menuConsolidate()).toThrow(AUTHORIZATION_REQUIRED);

    const shown = office.emu.ui.dialogs().at(-1)?.prompt ?? '';
    expect(shown).toContain('"Tổng hợp dữ liệu" chưa được thực hiện');
    expect(shown).toContain('"kết nối với dịch vụ bên ngoài"');
    expect(shown).toContain('"Xem lại quyền"');
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Tổng hợp dữ liệu', 'Không thành công']);
    expect(lastLog(office.master)[5]).toContain('kết nối với dịch vụ bên ngoài');
    expect(consent.prompts()).toEqual([{ user: SAMPLE_ADMIN, scopes: [SCOPES.externalRequest] }]);
    // Nothing half-done: no unit file read (not even slowly), no sheet written, no job left.
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById')).toBe(opened);
    expect(sheetValues(office.master, CONSOLIDATED_SHEET)).toEqual([]);
    expect(jobRecord(office, 'consolidate')).toBeNull();
    expect(consent.refusals()).toEqual([]); // no service was even tried

    consent.grant([SCOPES.externalRequest]);
    entry.menuConsolidate();
    runContinuations(office);
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Tổng hợp dữ liệu', 'Thành công']);
    expect(sheetValues(office.master, CONSOLIDATED_SHEET).length).toBeGreaterThan(0);
    expect(office.emu.ctx.ledger.count('UrlFetchApp.fetchAll')).toBeGreaterThan(0); // the fast reads
  });

  it('reminders without "send email" are refused before anything is sent or scheduled', () => {
    office = provisionedOffice(UNITS);
    office.emu.ctx.clock.set(at(2, 16)); // after the deadline: reminders are due
    entry.menuRefreshStatus();
    const consent = consentControls(office.emu.ctx);
    consent.decline([SCOPES.sendMail]);
    const mailLog = sheetValues(office.master, MAIL_LOG_SHEET).length;
    const triggers = handlers(office);

    entry.autoSendReminders(); // the daily trigger: no dialog, no consent screen

    expect(lastLog(office.master).slice(2, 4)).toEqual(['Gửi nhắc nhở (tự động)', 'Không thành công']);
    expect(lastLog(office.master)[5]).toContain('"gửi email thay bạn"');
    expect(lastLog(office.master)[5]).toContain('Mở bảng tính tổng hợp');
    expect(consent.prompts()).toHaveLength(0);
    expect(mailOutbox(office.emu.ctx).messages()).toHaveLength(0);
    expect(sheetValues(office.master, MAIL_LOG_SHEET)).toHaveLength(mailLog);
    expect(jobRecord(office, 'remind')).toBeNull();
    expect(handlers(office)).toEqual(triggers); // no continuation to retry a doomed step
    expect(consent.refusals()).toEqual([]);

    // From the menu: said in a dialog, then Google's consent screen for that permission.
    expect(() => entry.menuSendReminders()).toThrow(AUTHORIZATION_REQUIRED);
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('"gửi email thay bạn"');
    expect(consent.prompts()).toEqual([{ user: SAMPLE_ADMIN, scopes: [SCOPES.sendMail] }]);
    expect(mailOutbox(office.emu.ctx).messages()).toHaveLength(0);
  });

  it('a long job without "run when you are not present" is refused before it starts', () => {
    office = provisionedOffice(UNITS, false);
    const consent = consentControls(office.emu.ctx);
    consent.decline([SCOPES.scriptApp]);

    expect(() => entry.menuProvisionUnits()).toThrow(AUTHORIZATION_REQUIRED);

    const shown = office.emu.ui.dialogs().at(-1)?.prompt ?? '';
    expect(shown).toContain('"chạy khi bạn vắng mặt (trình kích hoạt)"');
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Tạo bảng tính cho đơn vị', 'Không thành công']);
    expect(consent.prompts()).toEqual([{ user: SAMPLE_ADMIN, scopes: [SCOPES.scriptApp] }]);
    expect(UNITS.map((u) => unitFileId(office.master, u.code))).toEqual(UNITS.map(() => ''));
    expect(jobRecord(office, 'provision')).toBeNull();
    expect(sheetValues(office.master, 'Tiến độ')).toEqual([]);
    expect(consent.refusals()).toEqual([]);
  });

  it('lists the permissions not granted, by their Vietnamese names, for a system check', () => {
    office = provisionedOffice(UNITS, false);
    expect(missingPermissions()).toEqual([]);
    consentControls(office.emu.ctx).decline([SCOPES.sendMail, SCOPES.documents]);
    expect(missingPermissions()).toEqual([
      { scope: SCOPES.documents, name: 'xem, chỉnh sửa, tạo và xóa tài liệu Google Tài liệu' },
      { scope: SCOPES.sendMail, name: 'gửi email thay bạn' },
    ]);
  });
});

/**
 * Each action's declared permissions are all it uses: run with every other permission of the
 * manifest declined, each step of a year still succeeds. (A permission used but not declared
 * would fail mid-way here, as on Google for a person who unticked it.)
 */
describe('each action with only the permissions it declares', () => {
  it('runs a small year with everything else declined', () => {
    const office = openOffice();
    try {
      const consent = consentControls(office.emu.ctx);
      const step = (label: string, own: readonly string[], run: () => void, job = false) => {
        consent.grant();
        const keep = new Set([SCOPES.spreadsheets, SCOPES.email, SCOPES.ui, ...own]);
        consent.decline(manifest.oauthScopes.filter((s: string) => !keep.has(s)));
        run();
        if (job) runContinuations(office);
        // Not even a refused call that the code caught and worked around (a slower fallback).
        expect(consent.refusals()).toEqual([]);
        expect([label, ...lastLog(office.master).slice(2, 4)]).toEqual([label, label, 'Thành công']);
      };
      const withJob = (job: { scopes: readonly string[] }) => [...job.scopes, SCOPES.scriptApp];

      step('Thiết lập ban đầu', [], () => entry.menuSetup());
      typeRegistry(office.master, registryRows(UNITS));
      step('Kiểm tra danh sách đơn vị', [], () => entry.menuCheckRegistry());
      step(provisionJob.label, withJob(provisionJob), () => entry.menuProvisionUnits(), true);
      step(pushTemplateJob.label, withJob(pushTemplateJob), () => entry.menuPushTemplate(), true);
      fillTaskTable(
        office.emu,
        focalEmail(pick('HX')),
        unitFileId(office.master, 'HX'),
        'Nhiệm vụ',
        sampleTasks(pick('HX'), UNITS),
      );
      setUnitState(office.emu, focalEmail(pick('HX')), unitFileId(office.master, 'HX'), SUBMIT, 0);
      step(consolidateJob.label, withJob(consolidateJob), () => entry.menuConsolidate(), true);
      step(refreshJob.label, withJob(refreshJob), () => entry.menuRefreshStatus(), true);
      office.emu.ui.answerNext('OK', 'HX');
      office.emu.ui.answerNext('OK', 'Bổ sung kinh phí.');
      step('Trả lại để bổ sung', [SCOPES.sendMail], () => entry.menuReturn());
      expect(
        mailOutbox(office.emu.ctx)
          .messages()
          .map((m) => m.subject),
      ).toContainEqual(expect.stringContaining('[Cần bổ sung]'));
      setUnitState(office.emu, focalEmail(pick('HX')), unitFileId(office.master, 'HX'), SUBMIT, 0);
      step(refreshJob.label, withJob(refreshJob), () => entry.menuRefreshStatus(), true);
      office.emu.ui.answerNext('OK', 'HX');
      step('Tiếp nhận kế hoạch', [], () => entry.menuAccept());
      step('Xem trước nhắc nhở', [SCOPES.sendMail], () => entry.menuPreviewReminders());
      step(remindJob.label, withJob(remindJob), () => entry.menuSendReminders(), true);
      office.emu.ui.answerNext('OK', 'HX');
      step('Tạo văn bản kế hoạch', withJob(generateJob), () => entry.menuGenerateUnitPlans(), true);
      const docs = () =>
        office.emu.ctx.drive
          .all()
          .filter(
            (f) => f.mimeType === 'application/vnd.google-apps.document' && f.name !== LAYOUT_TEMPLATE_NAME,
          );
      expect(docs()).toHaveLength(1); // HX's plan, generated with only its declared permissions
      step('Tạo dự thảo kế hoạch chung', [SCOPES.documents, SCOPES.drive, SCOPES.externalRequest], () =>
        entry.menuGenerateLocalPlan(),
      );
      step('Bật cập nhật tự động', [SCOPES.scriptApp], () => entry.menuEnableAutomation());
      step('Tắt cập nhật tự động', [SCOPES.scriptApp], () => entry.menuDisableAutomation());
    } finally {
      office.close();
    }
  });
});
