import { mailOutbox } from '../../../emulator';
import { TRACK_SHEET } from '../../../src/domain/tracking/track-sheet';
import { Office, runContinuations, sheetValues } from '../../fixtures/office';
import {
  ACCEPTED,
  after,
  attempt,
  callsOf,
  CONSOLIDATE,
  consolidation,
  endState,
  FaultPoint,
  Operation,
  REMIND,
  RETURN,
  RETURNED,
  runWithFault,
  sample,
  smallOffice,
} from './fault-office';

/**
 * Issue 12, items 1, 4, 6 and 7: each broke at particular calls; each test injects a fault at
 * those calls (found in an uninterrupted run's call sequence) and checks what the issue saw.
 */
function each(
  op: Operation,
  points: readonly FaultPoint[],
  check: (office: Office, point: FaultPoint) => void,
): void {
  expect(points.length).toBeGreaterThan(0);
  for (const point of points) {
    const office = smallOffice();
    try {
      op.prepare?.(office);
      office.emu.ctx.ledger.failOn(point.key, point.nth);
      attempt(() => op.run(office));
      office.emu.ctx.ledger.clearFaults();
      op.rerun(office);
      check(office, point);
    } finally {
      office.close();
    }
  }
}

const renames = (points: readonly FaultPoint[]) =>
  points.filter((p) => p.key === 'Sheet.setName' || p.key === 'Spreadsheet.deleteSheet');

function trackRow(office: Office, code: string): unknown[] {
  return (
    sheetValues(office.master, TRACK_SHEET).find((r) => r[0] === code && r[2] === 'Kế hoạch CCHC năm 2025') ??
    []
  );
}

describe('item 1: the tracking state survives a failed rename', () => {
  it('at the end of sending reminders: the retry keeps every status and acceptance', () => {
    const reference = runWithFault(REMIND, null);
    each(REMIND, renames(callsOf(REMIND)), (office, point) => {
      expect([point, trackRow(office, ACCEPTED.code)[3]]).toEqual([point, 'Đã tiếp nhận']);
      expect([point, trackRow(office, RETURNED.code)[3]]).toEqual([point, 'Đã nộp']);
      expect([point, endState(office).tracking]).toEqual([point, reference.tracking]);
    });
  });

  it('during "Trả lại": the return can be completed and the next refresh sees no new submission', () => {
    const reference = runWithFault(RETURN, null);
    each(RETURN, renames(callsOf(RETURN)), (office, point) => {
      const end = endState(office);
      expect([point, trackRow(office, RETURNED.code)[3]]).toEqual([point, 'Cần bổ sung']);
      expect([point, end.archived]).toEqual([point, reference.archived]);
      expect([point, end.outbox]).toEqual([point, reference.outbox]);
    });
  });
});

describe('item 4: a consolidation that fails at a call of its finish completes on its retry', () => {
  it('never gives up on complete work, never leaves new and old sheets mixed', () => {
    const office = smallOffice();
    CONSOLIDATE.run(office);
    const reference = consolidation(office);
    office.close();
    const all = callsOf(CONSOLIDATE);
    // Every rename and delete (the swap), every call that closes the job, and a sample of the rest.
    const closing = all.filter((p) => /^(Properties\.deleteProperty|ScriptApp\.deleteTrigger)$/.test(p.key));
    const points = [...new Set([...renames(all), ...closing, ...sample(all, 20)])];
    each(CONSOLIDATE, points, (o, point) => {
      const log = sheetValues(o.master, 'Nhật ký').map((r) => String(r[5]));
      expect([point, log.filter((t) => t.includes('dừng hẳn'))]).toEqual([point, []]);
      expect([point, consolidation(o)]).toEqual([point, reference]);
    });
  });
});

describe('item 6: a failure while logging a sent reminder never sends it again', () => {
  it('at each call after a send, and while "Thư đã gửi" is being created', () => {
    const points = callsOf(REMIND);
    const creating = points
      .slice(
        0,
        points.findIndex((p) => p.key === 'MailApp.sendEmail'),
      )
      .filter(
        (p) => p.key.startsWith('Sheet.') || p.key.startsWith('Spreadsheet.') || p.key.startsWith('Range.'),
      );
    const reference = runWithFault(REMIND, null);
    const subjects = (reference.outbox as unknown[][]).map((m) => m[2]);
    expect(subjects.length).toBeGreaterThan(1);
    each(REMIND, [...after(points, 'MailApp.sendEmail', 4), ...sample(creating, 12)], (office, point) => {
      const sent = mailOutbox(office.emu.ctx)
        .messages()
        .map((m) => m.subject);
      expect([point, sent.sort()]).toEqual([point, [...subjects].sort()]);
      expect([point, endState(office).uncertainReported]).toEqual([point, true]);
    });
  });
});

describe('item 7: "Trả lại" never leaves a unit unlocked and untold', () => {
  it('at every call after the unit file is opened, a rerun tells the unit exactly once', () => {
    const points = callsOf(RETURN);
    const opened = points.findIndex((p) => p.key === 'SpreadsheetApp.openById');
    expect(opened).toBeGreaterThan(0);
    const reference = runWithFault(RETURN, null);
    each(RETURN, sample(points.slice(opened), 20), (office, point) => {
      const end = endState(office);
      expect([point, end.unitCells]).toEqual([point, reference.unitCells]);
      expect([point, end.outbox]).toEqual([point, reference.outbox]);
      expect([point, end.uncertainReported]).toEqual([point, true]);
    });
  });
});

it('the small office starts with nothing pending', () => {
  const office = smallOffice();
  runContinuations(office);
  expect(mailOutbox(office.emu.ctx).messages()).toHaveLength(0);
  office.close();
});
