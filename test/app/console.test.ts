import { mailOutbox, runExecution } from '../../emulator';
import { MAIL_LOG_SHEET } from '../../src/domain/tracking/mail-log';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  lastLog,
  Office,
  provisionedOffice,
  runContinuations,
  sheetValues,
  unitFileId,
} from '../fixtures/office';

const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);
const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'YT', 'HX', 'VO'].map(pick);
const STRANGER = 'ai.do@example.com';

describe("the sidebar's server functions", () => {
  let office: Office;
  beforeAll(() => {
    office = provisionedOffice(UNITS);
    office.emu.ctx.clock.set(at(2, 14));
    const hx = pick('HX');
    fillTaskTable(
      office.emu,
      focalEmail(hx),
      unitFileId(office.master, 'HX'),
      'Nhiệm vụ',
      sampleTasks(hx, UNITS),
    );
    setUnitState(
      office.emu,
      focalEmail(hx),
      unitFileId(office.master, 'HX'),
      'Đã hoàn thành, đề nghị tiếp nhận',
      0,
    );
    entry.menuRefreshStatus();
    runContinuations(office);
  });
  afterAll(() => office.close());

  it('answer only an admin, in Vietnamese, changing nothing for anyone else', () => {
    // A colleague the master is shared with, not listed as an admin.
    office.master.addEditor(STRANGER);
    const asStranger = (fn: () => unknown) => () => runExecution(office.emu.ctx, fn, { user: STRANGER });
    const refusal = `Tài khoản ${STRANGER} không có quyền quản trị.`;
    expect(asStranger(() => entry.consoleSnapshot())).toThrow(refusal);
    expect(asStranger(() => entry.consoleProgress())).toThrow(refusal);
    expect(asStranger(() => entry.consoleReturnPreview('HX', 'Bổ sung'))).toThrow(refusal);
    const accepted = runExecution(office.emu.ctx, () => entry.consoleAccept('HX'), { user: STRANGER });
    expect(accepted).toMatchObject({ ok: false, summary: expect.stringContaining(refusal) });
    expect(entry.consoleSnapshot().units.find((u) => u.code === 'HX')?.plan.status).toBe('submitted');
    // The menu item shows the refusal instead of the sidebar.
    runExecution(office.emu.ctx, () => entry.menuOpenConsole(), { user: STRANGER });
    expect(office.emu.ui.sidebars()).toEqual([]);
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain(refusal);
  });

  it('opens the sidebar for an admin and offers it when the master opens', () => {
    office.emu.projectFiles.add('console', '<p>Bảng điều khiển</p>');
    entry.menuOpenConsole();
    expect(office.emu.ui.sidebars().at(-1)?.title).toBe('Bảng điều khiển');
    entry.onOpen();
    expect(office.emu.ui.toasts().some((t) => t.message.includes('Bảng điều khiển'))).toBe(true);
  });

  it('describe every unit: status, flags, deadline, links', () => {
    const snap = entry.consoleSnapshot();
    expect(snap.units.map((u) => u.code)).toEqual(['TP', 'YT', 'HX', 'VO']);
    const hx = snap.units.find((u) => u.code === 'HX');
    expect(hx?.plan).toMatchObject({ target: 'HX', status: 'submitted', deadline: '15/02/2025', flags: [] });
    expect(hx?.fileUrl).toContain(unitFileId(office.master, 'HX'));
    expect(hx?.submittedUrl).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    const yt = snap.units.find((u) => u.code === 'YT');
    expect(yt?.proposals).toMatchObject({ target: 'YT/DX', status: 'not-started', flags: ['overdue'] });
    expect(snap.today).toBe('14/02/2025');
  });

  it('send a reminder now to the selected units only, after showing what would go', () => {
    const outbox = mailOutbox(office.emu.ctx);
    const before = outbox.messages().length;
    const preview = entry.consoleRemindPreview(['YT']);
    expect(preview.summary).toContain('Chỉ xem trước');
    expect(preview.problems.length).toBeGreaterThan(0);
    expect(preview.problems.every((p) => p.startsWith('Phòng Y tế'))).toBe(true);
    expect(outbox.messages()).toHaveLength(before);
    const sent = entry.consoleRemind(['YT']);
    expect(sent.ok).toBe(true);
    const news = outbox.messages().slice(before);
    expect(news.length).toBe(preview.problems.length);
    expect(news.every((m) => m.to.includes(focalEmail(pick('YT'))))).toBe(true);
    expect(sheetValues(office.master, MAIL_LOG_SHEET).filter((r) => r[1] === 'YT').length).toBe(news.length);
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Gửi nhắc nhở cho đơn vị đã chọn', 'Thành công']);
    // Sent once: the same tier is not sent again today.
    entry.consoleRemind(['YT']);
    expect(outbox.messages().length).toBe(before + news.length);
  });

  it('show a unit\'s problems from "Lỗi dữ liệu", and say when there was no consolidation', () => {
    expect(entry.consoleShowProblems('HX')).toMatchObject({
      ok: false,
      summary: expect.stringContaining('Chưa tổng hợp'),
    });
    entry.menuConsolidate();
    runContinuations(office);
    const shown = entry.consoleShowProblems('HX');
    expect(shown.ok).toBe(true);
    expect(shown.summary).toContain('HX');
    expect(() => entry.consoleShowProblems('KHONGCO')).toThrow(
      'Không có đơn vị mã "KHONGCO" trong trang "Đơn vị".',
    );
  });
});
