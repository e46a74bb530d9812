import { emptyRecord, flagsOf, flagText, observe, Observation } from '../../../src/domain/tracking/status';

const SUBMITTED = 'Đã hoàn thành, đề nghị tiếp nhận';
const obs = (o: Partial<Observation>): Observation => ({
  unitState: 'Đang soạn',
  hasContent: false,
  fingerprint: 'a',
  lastUpdatedMs: 1000,
  ...o,
});

describe('observe', () => {
  it('moves from not started to drafting to submitted, stamping the file’s last update', () => {
    let r = emptyRecord('TP', 'plan');
    r = observe(r, obs({}), SUBMITTED).record;
    expect(r.status).toBe('not-started');
    r = observe(r, obs({ hasContent: true }), SUBMITTED).record;
    expect(r.status).toBe('drafting');
    const step = observe(
      r,
      obs({ hasContent: true, unitState: SUBMITTED, fingerprint: 'f1', lastUpdatedMs: 5000 }),
      SUBMITTED,
    );
    expect(step.events).toEqual(['submitted']);
    expect(step.record).toMatchObject({
      status: 'submitted',
      submittedAtMs: 5000,
      submittedFingerprint: 'f1',
    });
  });

  it('notices a change after submission once, and keeps the first submission time', () => {
    const submitted = observe(
      emptyRecord('TP', 'plan'),
      obs({ unitState: SUBMITTED, fingerprint: 'f1', lastUpdatedMs: 5000 }),
      SUBMITTED,
    ).record;
    const changed = observe(
      submitted,
      obs({ unitState: SUBMITTED, fingerprint: 'f2', lastUpdatedMs: 9000 }),
      SUBMITTED,
    );
    expect(changed.events).toEqual(['changed-after-submission']);
    expect(changed.record).toMatchObject({
      status: 'submitted',
      submittedAtMs: 5000,
      changedAfterSubmission: true,
    });
    expect(
      observe(changed.record, obs({ unitState: SUBMITTED, fingerprint: 'f3' }), SUBMITTED).events,
    ).toEqual([]);
  });

  it('takes a returned unit back as submitted when it submits again', () => {
    const returned = { ...emptyRecord('TP', 'plan'), status: 'returned' as const, submittedAtMs: 5000 };
    expect(observe(returned, obs({ hasContent: true }), SUBMITTED).record.status).toBe('returned');
    const again = observe(returned, obs({ unitState: SUBMITTED, lastUpdatedMs: 7000 }), SUBMITTED);
    expect(again.record).toMatchObject({ status: 'submitted', submittedAtMs: 7000 });
  });
});

describe('flagsOf', () => {
  const deadline = { y: 2025, m: 2, d: 15 };
  it('is overdue only after the deadline’s day, and late when submitted after it', () => {
    const drafting = { ...emptyRecord('TP', 'plan'), status: 'drafting' as const };
    expect(flagsOf(drafting, deadline, { y: 2025, m: 2, d: 15 }, null).overdue).toBe(false);
    expect(flagsOf(drafting, deadline, { y: 2025, m: 2, d: 16 }, null).overdue).toBe(true);
    const submitted = { ...drafting, status: 'submitted' as const, changedAfterSubmission: true };
    const flags = flagsOf(submitted, deadline, { y: 2025, m: 3, d: 1 }, { y: 2025, m: 2, d: 16 });
    expect(flags).toEqual({ overdue: false, late: true, changed: true });
    expect(flagText(flags)).toBe('Nộp trễ, Sửa sau khi nộp');
  });
});
