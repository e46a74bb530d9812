/**
 * "Bảng điều khiển" clicked through in headless Chromium: the page the product serves, its
 * google.script.run bridged to the built bundle on the emulator. Every assertion on an action
 * reads what the emulator's master and mail outbox hold afterwards — a button that stops reaching
 * the server fails here.
 */
import { Browser, Page } from 'playwright-core';
import { mailOutbox } from '../../emulator';
import { TRACK_SHEET } from '../../src/domain/tracking/track-sheet';
import { REGISTRY_SHEET } from '../../src/domain/registry/columns';
import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  fillUnitTaskTable,
  lastLog,
  Office,
  provisionedOffice,
  runContinuations,
  sheetValues,
  unitFileId,
} from '../fixtures/office';
import { launchChromium, openSidebar, OpenSidebar } from './sidebar';

jest.setTimeout(180_000);

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
/** 09:00 in Vĩnh Linh (UTC+7) on a day of 2025. */
const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);
const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'YT', 'BQLDA', 'HX', 'VHO', 'VO'].map(pick);

function trackStatus(office: Office, code: string): string {
  const row = sheetValues(office.master, TRACK_SHEET).find(
    (r) => r[0] === code && r[2] === 'Kế hoạch CCHC năm 2025',
  );
  return String(row?.[3]);
}

function submit(office: Office, unit: SampleUnit): void {
  fillUnitTaskTable(office, unit, UNITS);
  setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT, 0);
}

/** The unit's entry in the list. */
const unitItem = (page: Page, code: string) => page.locator(`li.unit[data-code="${code}"]`);

async function waitForMessage(page: Page): Promise<string> {
  await page.locator('#message:not([hidden]):not(.info)').waitFor();
  return (await page.locator('#message').innerText()).trim();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the sidebar at the plan deadline', () => {
  let office: Office;
  let sidebar: OpenSidebar;

  beforeAll(async () => {
    office = provisionedOffice(UNITS);
    const clock = office.emu.ctx.clock;
    // 14 February, the day before the plan deadline (15/02): HX, BQLDA and VO have submitted.
    clock.set(at(2, 14));
    for (const code of ['HX', 'BQLDA', 'VO']) submit(office, pick(code));
    entry.menuRefreshStatus();
    runContinuations(office);
    sidebar = await openSidebar(browser, office.emu);
    await sidebar.page.locator('li.unit').first().waitFor();
  });
  afterAll(async () => {
    await sidebar?.page.close();
    office?.close();
  });

  it('lists every unit with its status, counts at the top, and loads nothing from outside', async () => {
    const { page } = sidebar;
    expect(await page.locator('li.unit').count()).toBe(UNITS.length);
    expect(await unitItem(page, 'HX').innerText()).toContain('Đã nộp');
    expect(await unitItem(page, 'YT').innerText()).toContain('Chưa thực hiện');
    // YT's proposals were due 10/01: overdue.
    expect(await unitItem(page, 'YT').innerText()).toContain('Quá hạn');
    expect(await page.locator('#counts').innerText()).toMatch(/6\s+đơn vị[\s\S]*3\s+Đã nộp/);
    expect(sidebar.outside).toEqual([]);
    // Fits the 300 px sidebar: nothing wider than the page.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
  });

  it('filters by status and kind, and finds "Vĩnh Hòa" typed without diacritics', async () => {
    const { page } = sidebar;
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('submitted');
    expect(
      (
        await page.locator('li.unit').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
      ).sort(),
    ).toEqual(['BQLDA', 'HX', 'VO']);
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('');
    await page.getByLabel('Loại đơn vị').selectOption('UBND xã, thị trấn');
    expect(await page.locator('li.unit').count()).toBe(3);
    await page.getByLabel('Loại đơn vị').selectOption('');
    await page.getByLabel(/Tìm theo tên/).fill('vinh hoa');
    expect(
      await page.locator('li.unit').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
    ).toEqual(['VHO']);
    await page.getByLabel(/Tìm theo tên/).fill('');
    expect(await page.locator('li.unit').count()).toBe(UNITS.length);
  });

  it('accepts a submitted plan: the master records it, as the menu item would', async () => {
    const { page } = sidebar;
    expect(trackStatus(office, 'HX')).toBe('Đã nộp');
    await unitItem(page, 'HX').getByRole('button', { name: 'Tiếp nhận' }).click();
    expect(await waitForMessage(page)).toContain('Đã tiếp nhận: UBND thị trấn Hồ Xá');
    expect(trackStatus(office, 'HX')).toBe('Đã tiếp nhận');
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Tiếp nhận kế hoạch', 'Thành công']);
    expect(await unitItem(page, 'HX').innerText()).toContain('Đã tiếp nhận');
    // Focus moved to the result, for keyboard and screen-reader users.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('message');
  });

  it('returns a plan with a comment: the email is previewed first, then sent once', async () => {
    const { page } = sidebar;
    const outbox = mailOutbox(office.emu.ctx);
    const sentBefore = outbox.messages().length;
    await unitItem(page, 'VO').getByRole('button', { name: 'Trả lại…' }).click();
    await page.getByLabel(/Ý kiến gửi đơn vị/).fill('Bổ sung kinh phí cho mục VII.');
    await page.getByRole('button', { name: 'Xem thư' }).click();
    await page.locator('#return-preview:not([hidden])').waitFor();
    const preview = await page.locator('#return-preview').innerText();
    expect(preview).toContain(focalEmail(pick('VO')));
    expect(preview).toContain('[Cần bổ sung] Kế hoạch CCHC năm 2025 - UBND xã Vĩnh Ô');
    expect(preview).toContain('Bổ sung kinh phí cho mục VII.');
    expect(outbox.messages()).toHaveLength(sentBefore); // a preview sends nothing
    expect(trackStatus(office, 'VO')).toBe('Đã nộp');

    await page.getByRole('button', { name: 'Gửi và trả lại' }).click();
    expect(await waitForMessage(page)).toContain('Đã trả lại để bổ sung: UBND xã Vĩnh Ô');
    const sent = outbox.messages().slice(sentBefore);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [[focalEmail(pick('VO'))], '[Cần bổ sung] Kế hoạch CCHC năm 2025 - UBND xã Vĩnh Ô'],
    ]);
    expect(sent[0].body).toContain('Bổ sung kinh phí cho mục VII.');
    expect(trackStatus(office, 'VO')).toBe('Cần bổ sung');
    expect(await unitItem(page, 'VO').innerText()).toContain('Cần bổ sung');
  });

  it('refuses on the server what the page must not send (comment too long, unknown unit)', async () => {
    const { page } = sidebar;
    /** What google.script.run answers: the failure's message, or the success value as JSON. */
    const answer = (fn: string, ...args: unknown[]) =>
      page.evaluate(
        `new Promise((resolve) => google.script.run
          .withSuccessHandler((v) => resolve(JSON.stringify(v)))
          .withFailureHandler((e) => resolve(e.message))
          [${JSON.stringify(fn)}](...${JSON.stringify(args)}))`,
      ) as Promise<string>;
    expect(await answer('consoleReturn', 'BQLDA', 'x'.repeat(2001))).toBe(
      'Ý kiến dài 2001 ký tự; tối đa 2000 ký tự.',
    );
    // Past the checks, a refusal is an outcome like the menu's: shown and logged in "Nhật ký".
    expect(JSON.parse(await answer('consoleGenerate', ['KHONGCO']))).toEqual({
      ok: false,
      summary: 'Không có đơn vị mã "KHONGCO" trong trang "Đơn vị".',
      problems: [],
    });
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Tạo văn bản kế hoạch', 'Không thành công']);
    expect(await answer('consoleAccept', 42)).toBe(
      'Mã đơn vị không hợp lệ: hãy chọn lại đơn vị trong danh sách.',
    );
    expect(trackStatus(office, 'BQLDA')).toBe('Đã nộp');
  });

  it('shows the reminders due for the selected units, then sends them now', async () => {
    const { page } = sidebar;
    const outbox = mailOutbox(office.emu.ctx);
    const before = outbox.messages().length;
    await unitItem(page, 'YT').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Nhắc ngay…' }).click();
    const preview = page.locator('#remind-preview:not([hidden])');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Chỉ xem trước');
    expect(await preview.innerText()).toContain(`Phòng Y tế - Đề xuất nhiệm vụ mới, đột phá`);
    expect(outbox.messages()).toHaveLength(before);
    await page.getByRole('button', { name: 'Gửi các thư này' }).click();
    expect(await waitForMessage(page)).toMatch(/Đã gửi \d+ thư nhắc/);
    const sent = outbox.messages().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.to.includes(focalEmail(pick('YT'))))).toBe(true);
    await unitItem(page, 'YT').getByRole('checkbox').uncheck();
  });

  it('generates documents for the selected units and shows the operation in "Tiến độ"', async () => {
    const { page } = sidebar;
    await unitItem(page, 'HX').getByRole('checkbox').check();
    await unitItem(page, 'BQLDA').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Tạo văn bản' }).click();
    expect(await waitForMessage(page)).toContain('Đã tạo 2 văn bản kế hoạch');
    const registry = sheetValues(office.master, REGISTRY_SHEET);
    const docOf = (code: string) => registry.find((r) => r[0] === code)?.join(' ') ?? '';
    expect(docOf('HX')).toContain('https://docs.google.com/document/d/');
    expect(docOf('BQLDA')).toContain('https://docs.google.com/document/d/');
    expect(docOf('VO')).not.toContain('https://docs.google.com/document/d/');
    expect(await page.locator('#jobs').innerText()).toMatch(/Tạo văn bản kế hoạch — Hoàn thành/);
    expect(
      await unitItem(page, 'HX')
        .getByRole('link', { name: /Văn bản/ })
        .getAttribute('href'),
    ).toContain('https://docs.google.com/document/d/');
  });

  it('works from the keyboard: labelled controls in order, Space selects, Enter accepts', async () => {
    const { page } = sidebar;
    await page.getByLabel(/Tìm theo tên/).focus();
    const focused = async () => page.evaluate('document.activeElement && document.activeElement.id');
    const order: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['f-kind', 'f-status', 'f-flag', 'select-all']);
    await page.keyboard.press('Space');
    expect(await page.locator('#shown').innerText()).toContain(`đã chọn ${UNITS.length}`);
    await page.keyboard.press('Space');
    expect(await page.locator('#shown').innerText()).toContain('đã chọn 0');

    expect(trackStatus(office, 'BQLDA')).toBe('Đã nộp');
    await unitItem(page, 'BQLDA')
      .getByRole('button', { name: /Tiếp nhận/ })
      .focus();
    await page.keyboard.press('Enter');
    expect(await waitForMessage(page)).toContain('Đã tiếp nhận: Ban Quản lý dự án');
    expect(trackStatus(office, 'BQLDA')).toBe('Đã tiếp nhận');
  });
});

describe('the sidebar during a long operation', () => {
  let office: Office;
  let sidebar: OpenSidebar;

  afterAll(async () => {
    await sidebar?.page.close();
    office?.close();
  });

  it('shows a paused operation, how far it got and when it continues; "Chạy tiếp ngay" resumes it', async () => {
    office = provisionedOffice(manyUnits(120), false);
    entry.menuProvisionUnits();
    // Its continuation trigger was lost: the operation is paused and nothing resumes it.
    for (const t of office.emu.ScriptApp.getProjectTriggers()) office.emu.ScriptApp.deleteTrigger(t);
    const before = Number(
      sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo bảng tính cho đơn vị')?.[2],
    );
    expect(before).toBeLessThan(120);
    sidebar = await openSidebar(browser, office.emu);
    const { page } = sidebar;
    const jobs = page.locator('#jobs');
    await jobs.getByText('Tạo bảng tính cho đơn vị').waitFor();
    expect(await jobs.innerText()).toContain(`${before}/120`);
    expect(await jobs.innerText()).toContain('Tự chạy tiếp khoảng');
    expect(await page.getByRole('progressbar').first().getAttribute('value')).toBe(String(before));

    await page.getByRole('button', { name: 'Chạy tiếp ngay' }).click();
    await waitForMessage(page);
    const after = Number(
      sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo bảng tính cho đơn vị')?.[2],
    );
    expect(after).toBeGreaterThan(before);
    expect(await jobs.innerText()).toContain(`${after}/120`);
    expect(sidebar.calls.filter((c) => c.name === 'consoleContinue')).toHaveLength(1);
  });
});
