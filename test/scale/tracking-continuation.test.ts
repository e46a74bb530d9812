import { mailOutbox, urlFetchControls } from '../../emulator';
import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  Office,
  openOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const N = 1000;
const units = manyUnits(N);

/** An office of N units, every third one submitted, on 16 February (after the deadline). */
function office(): Office {
  const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), {
    dailyMailQuota: 1500,
    urlFetchLatencyMs: { csvExport: 15_000 },
  });
  entry.menuSetup();
  typeRegistry(o.master, registryRows(units));
  entry.menuProvisionUnits();
  runContinuations(o);
  units.forEach((unit, i) => {
    if (i % 3 === 0)
      setUnitState(
        o.emu,
        focalEmail(unit),
        unitFileId(o.master, unit.code),
        'Đã hoàn thành, đề nghị tiếp nhận',
      );
  });
  o.emu.ctx.clock.set(Date.UTC(2025, 1, 16, 2));
  return o;
}

/** Sheet values with file ids and times taken out (they differ between two offices). */
function comparable(o: Office, name: string): unknown[][] {
  return sheetValues(o.master, name).map((row) =>
    row.map((v) =>
      String(v)
        .replace(/\/d\/[\w-]+/g, '/d/ID')
        .replace(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g, 'TIME')
        .replace(/"(submittedAtMs|decidedAtMs|readModifiedAtMs|readListedAtMs)":\d+/g, '"$1":T')
        .replace(/"snapshotIds":\["[^\]]*"\]/g, '"snapshotIds":[S]'),
    ),
  );
}

interface Outcome {
  readonly tracking: unknown[][];
  readonly dashboard: unknown[][];
  readonly archives: number;
  readonly sent: string[];
  readonly logged: number;
  readonly failedSends: number;
  /** Drive API copies that got no answer. */
  readonly copyTimeouts: number;
}

function archives(o: Office): number {
  const files = o.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
  let n = 0;
  while (files.hasNext()) if (files.next().getName().includes(' - bản nộp ')) n++;
  return n;
}

/** A refresh then the reminders, uninterrupted or with faults injected mid-step. */
function scenario(faults: boolean): Outcome {
  const o = office();
  try {
    // Refresh: a batch of archive copies times out (the copies are looked for, then made one by
    // one), and the run dies once after writing a step's records (before saving its state).
    if (faults) {
      // (Archive copies go through the Drive API: one batch of them gets no answer.)
      urlFetchControls(o.emu.ctx).timeoutNext('/copy');
      o.emu.ctx.ledger.failOn(
        'Properties.setProperty',
        6,
        () => new Error('Exceeded maximum execution time'),
      );
    }
    entry.menuRefreshStatus();
    runContinuations(o);
    // Reminders: dies after the 250th email.
    if (faults)
      o.emu.ctx.ledger.failOn('MailApp.sendEmail', 250, () => new Error('Exceeded maximum execution time'));
    entry.menuSendReminders();
    runContinuations(o);
    const sent = mailOutbox(o.emu.ctx)
      .messages()
      .map((m) => `${m.to.join()}|${m.cc.join()}|${m.subject}`)
      .sort();
    return {
      tracking: comparable(o, 'Theo dõi nộp'),
      dashboard: comparable(o, 'Tổng quan'),
      archives: archives(o),
      sent,
      // Rows of emails that went; a send that failed is marked "Lỗi, chưa gửi" until it is resent
      // in the same row.
      logged: sheetValues(o.master, 'Thư đã gửi')
        .slice(1)
        .filter((r) => r[9] !== 'Lỗi, chưa gửi').length,
      failedSends: sheetValues(o.master, 'Thư đã gửi').filter((r) => r[9] === 'Lỗi, chưa gửi').length,
      copyTimeouts: urlFetchControls(o.emu.ctx)
        .requests()
        .filter((r) => r.url.includes('/copy') && r.failure === 'timeout').length,
    };
  } finally {
    o.close();
  }
}

describe(`status refresh and reminders for ${N} units`, () => {
  it('continue past the time limit, survive faults, and end exactly like uninterrupted runs', () => {
    const clean = scenario(false);
    const faulty = scenario(true);
    expect(faulty.tracking).toEqual(clean.tracking);
    expect(faulty.dashboard).toEqual(clean.dashboard);
    expect(clean.archives).toBe(Math.ceil(N / 3));
    expect(faulty.archives).toBe(clean.archives); // one snapshot per submission, none twice
    expect(faulty.sent).toEqual(clean.sent);
    expect(new Set(faulty.sent).size).toBe(faulty.sent.length); // nobody got the same tier twice
    expect(faulty.logged).toBe(faulty.sent.length);
    // The one injected failure was resent in its own row: no "Lỗi, chưa gửi" row is left.
    expect([clean.failedSends, faulty.failedSends]).toEqual([0, 0]);
    expect([clean.copyTimeouts, faulty.copyTimeouts]).toEqual([0, 1]); // the archive fault happened
  });
});
