import { mailOutbox } from '../../emulator';
import {
  diffJson,
  faultPoints,
  release,
  report,
  snapshot,
  sweep,
  SweepOperation,
  uninterrupted,
  withoutTrashedHalves,
} from './harness';
import { OPERATIONS } from './operations';
import { openOffice } from '../fixtures/office';

/**
 * The harness tells the truth: a deliberately non-idempotent operation (appends a row and sends a
 * mail on every run, so a rerun after its append repeats it) is caught exactly at the points after
 * its first effect; an idempotent one passes at every point.
 */
function fake(name: string, idempotent: boolean): SweepOperation {
  return {
    name,
    prepare: () => {
      const office = openOffice();
      office.master.insertSheet('Đếm');
      return office;
    },
    start: (office) => {
      const { emu } = office;
      const sheet = emu.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Đếm');
      if (!sheet) throw new Error('no sheet');
      if (idempotent) {
        sheet.getRange(1, 1).setValue('một lần');
        sheet.getRange(1, 2).setValue('vẫn một lần');
      } else {
        sheet.appendRow(['thêm một dòng']);
        emu.MailApp.sendEmail('a@example.gov.vn', 'Chào', 'Mỗi lần chạy');
      }
    },
    // No log: the person reruns whenever the run was stopped.
    personReruns: () => true,
  };
}

describe('the fault sweep harness', () => {
  it('catches a non-idempotent operation at every point after its first effect, and only there', () => {
    const result = sweep(fake('không lặp lại được', false));
    expect(result.calls).toBeGreaterThan(2);
    const failingAt = result.failing.map((p) => p.nth);
    // The points at or before appendRow stop the run before any effect: the rerun does it once.
    const appendAt = result.points.find((p) => p.key === 'Sheet.appendRow')?.nth as number;
    expect(appendAt).toBeGreaterThan(0);
    expect(failingAt).toEqual(result.points.filter((p) => p.nth > appendAt).map((p) => p.nth));
    expect(failingAt.length).toBeGreaterThan(0);
    expect(report(result)).toContain('/Đếm/values[1]: (không có) → ["thêm một dòng"]');
  });

  it('passes an idempotent operation at every point', () => {
    const result = sweep(fake('lặp lại được', true));
    expect(result.points.length).toBe(result.calls);
    expect(result.failing).toEqual([]);
  });

  it('catches a mail sent before it is recorded, repeated by the rerun after a fault at the record', () => {
    const result = sweep({
      ...fake('gửi rồi mới ghi', true),
      start: (office) => {
        const sheet = office.emu.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Đếm');
        if (!sheet || sheet.getRange(1, 1).getValue() === 'đã gửi') return;
        office.emu.MailApp.sendEmail('a@example.gov.vn', 'Chào', 'Một lần');
        sheet.getRange(1, 1).setValue('đã gửi');
      },
    });
    const sentAt = result.points.find((p) => p.key === 'MailApp.sendEmail')?.nth as number;
    // Stopped between the send and its record (getRange, setValue): the rerun sends it again.
    expect(result.failing.map((p) => [p.nth, p.key])).toEqual([
      [sentAt + 1, 'Sheet.getRange'],
      [sentAt + 2, 'Range.setValue'],
    ]);
    expect(result.failing[0].diffs[0]).toMatch(/^\/mails: thừa .*"subject":"Chào"/);
  });

  it('sees two uninterrupted runs of a real operation as equal, and a file trashed or a mail repeated as not', () => {
    const runs = [uninterrupted(OPERATIONS.returnSubmission), uninterrupted(OPERATIONS.returnSubmission)];
    try {
      const [a, b] = runs.map((r) => snapshot(r.office));
      expect(runs[0].calls).toBe(runs[1].calls);
      expect(diffJson(a, b)).toEqual([]);
      const { emu } = runs[1].office;
      const mail = mailOutbox(emu.ctx).messages()[0];
      emu.MailApp.sendEmail(mail.to.join(','), mail.subject, mail.body);
      const archived = emu.ctx.drive.all().find((it) => it.name.includes('bản nộp'));
      if (!archived) throw new Error('no archived copy');
      archived.trashed = true;
      const diffs = diffJson(a, snapshot(runs[1].office), 20);
      expect(diffs.some((d) => d.startsWith('/mails: thừa'))).toBe(true);
      expect(diffs.some((d) => d.startsWith('/files: thiếu') && d.includes('bản nộp'))).toBe(true);
    } finally {
      for (const r of runs) release(r.office);
    }
  });

  it('counts an uncertain mail row as sent only in an interrupted run, and only when the mail went once', () => {
    const runs = [uninterrupted(OPERATIONS.returnSubmission), uninterrupted(OPERATIONS.returnSubmission)];
    try {
      const expected = snapshot(runs[0].office);
      const { emu, master } = runs[1].office;
      const log = master.getSheetByName('Thư đã gửi');
      if (!log) throw new Error('no mail log');
      const state = log.getRange(2, 10);
      expect(state.getValue()).toBe('Đã gửi');
      state.setValue('Chưa rõ đã gửi (lỗi giữa chừng)');
      // As a stopped run's retry leaves it: the row uncertain, the run's last log row saying so.
      master
        .getSheetByName('Nhật ký')
        ?.appendRow(['', '', 'Trả lại để bổ sung', 'Không thành công', '', 'Chưa rõ thư đã gửi hay chưa']);
      expect(diffJson(expected, snapshot(runs[1].office, { interrupted: true }))).toEqual([]);
      // Not for the uninterrupted run, nor for another state, nor when the email went twice.
      expect(diffJson(expected, snapshot(runs[1].office)).length).toBeGreaterThan(0);
      state.setValue('Lỗi, chưa gửi');
      expect(diffJson(expected, snapshot(runs[1].office, { interrupted: true })).length).toBeGreaterThan(0);
      state.setValue('Chưa rõ đã gửi (lỗi giữa chừng)');
      const mail = mailOutbox(emu.ctx).messages()[0];
      emu.MailApp.sendEmail(mail.to.join(','), mail.subject, mail.body);
      const twice = diffJson(expected, snapshot(runs[1].office, { interrupted: true }));
      expect(twice.some((d) => d.startsWith('/mails: thừa'))).toBe(true);
    } finally {
      for (const r of runs) release(r.office);
    }
  });

  it('leaves out a trashed half beside its whole file, and nothing else', () => {
    const file = (path: string, trashed: boolean, editors = '') =>
      JSON.stringify({
        path,
        mime: 'doc',
        trashed,
        owner: 'a',
        editors,
        viewers: '',
        sharing: 'PRIVATE/NONE',
      });
    const whole = file('Văn bản/KH - Hồ Xá', false);
    const expected = { files: [whole, file('Cũ', true)] };
    const kept = (files: string[]) =>
      (withoutTrashedHalves(expected, { files }) as { files: string[] }).files;
    // A half in the trash (in My Drive's root or beside the whole one) is left out…
    expect(kept([whole, file('Cũ', true), file('KH - Hồ Xá', true)])).toEqual([whole, file('Cũ', true)]);
    expect(kept([whole, file('Cũ', true), file('Văn bản/KH - Hồ Xá', true)])).toEqual([
      whole,
      file('Cũ', true),
    ]);
    // …but not a live extra, a shared half, a trashed file of another name, nor a missing whole one.
    for (const extra of [
      file('KH - Hồ Xá', false),
      file('KH - Hồ Xá', true, 'b@x.vn'),
      file('KH - Vĩnh Ô', true),
    ])
      expect(kept([whole, file('Cũ', true), extra])).toContain(extra);
    expect(kept([file('Cũ', true), file('KH - Hồ Xá', true)])).toEqual([
      file('Cũ', true),
      file('KH - Hồ Xá', true),
    ]);
  });

  it('samples the first and last calls, evenly between, and the calls that commit, or all with SWEEP=full', () => {
    const saved = process.env.SWEEP;
    delete process.env.SWEEP;
    try {
      expect(faultPoints(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const keys = Array.from({ length: 1000 }, (_, i) => (i === 499 ? 'Sheet.setName' : 'Range.getValues'));
      const points = faultPoints(1000, keys, { edge: 5, middle: 10 });
      expect(points.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
      expect(points.slice(-5)).toEqual([996, 997, 998, 999, 1000]);
      expect(points).toEqual(expect.arrayContaining([500, 501])); // the rename and the call after
      expect(points.length).toBeLessThanOrEqual(5 + 5 + 10 + 2);
      process.env.SWEEP = 'full';
      expect(faultPoints(1000)).toHaveLength(1000);
    } finally {
      if (saved === undefined) delete process.env.SWEEP;
      else process.env.SWEEP = saved;
    }
  });
});
