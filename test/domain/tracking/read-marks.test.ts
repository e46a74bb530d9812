import { emptyRecord, TrackRecord } from '../../../src/domain/tracking/status';
import {
  readMarks,
  SKIP_MARGIN_MS,
  unchangedSinceRead,
  withoutReadMarks,
} from '../../../src/domain/tracking/read-marks';

const LISTED = Date.UTC(2025, 1, 16, 3);
const MODIFIED = LISTED - 2 * SKIP_MARGIN_MS;

function read(modifiedAtMs = MODIFIED, fileId = 'F1', listedAtMs = LISTED): TrackRecord {
  return { ...emptyRecord('TP', 'plan'), ...readMarks(fileId, modifiedAtMs, listedAtMs) };
}

describe('unchangedSinceRead: which files a refresh may leave unread', () => {
  test('a file read fully, unchanged since, last modified well before its read: skipped', () => {
    expect(unchangedSinceRead([read(), { ...read(), round: 'proposals' }], 'F1', MODIFIED)).toBe(true);
  });

  test('never read, or the marks cleared by a failed read: read', () => {
    expect(unchangedSinceRead([emptyRecord('TP', 'plan')], 'F1', MODIFIED)).toBe(false);
    expect(unchangedSinceRead([withoutReadMarks(read())], 'F1', MODIFIED)).toBe(false);
    expect(unchangedSinceRead([read(), emptyRecord('TP', 'proposals')], 'F1', MODIFIED)).toBe(false);
  });

  test('another file (re-provisioned), or a modified time not listed: read', () => {
    expect(unchangedSinceRead([read()], 'F2', MODIFIED)).toBe(false);
    expect(unchangedSinceRead([read()], 'F1', undefined)).toBe(false);
    expect(unchangedSinceRead([], 'F1', MODIFIED)).toBe(false);
  });

  test('any other modified time, later or earlier (a restored version): read', () => {
    expect(unchangedSinceRead([read()], 'F1', MODIFIED + 1)).toBe(false);
    expect(unchangedSinceRead([read()], 'F1', MODIFIED - 1)).toBe(false);
  });

  test('modified within the margin before the listing that preceded the read: read again', () => {
    const close = LISTED - SKIP_MARGIN_MS + 1;
    expect(unchangedSinceRead([read(close)], 'F1', close)).toBe(false);
    const settled = LISTED - SKIP_MARGIN_MS;
    expect(unchangedSinceRead([read(settled)], 'F1', settled)).toBe(true);
  });
});
