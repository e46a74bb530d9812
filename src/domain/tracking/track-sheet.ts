import { CellValue } from '../cell';
import { formatDateVn } from '../dates';
import { area, SheetSpec, SpecValue } from '../sheet-spec';
import { Round, RoundKey } from '../unit-file/submission';
import { emptyRecord, Flags, flagText, STATUS_LABELS, TrackRecord } from './status';

/**
 * "Theo dõi nộp": one row per unit and round. The person reads the columns; the script reads its
 * own record back from the last column (JSON), so the sheet is the tracking state's one home and
 * survives between runs without Properties' 500 KB limit. Rebuilt by every refresh; protected.
 */
export const TRACK_SHEET = 'Theo dõi nộp';
export const TRACK_HEADERS = [
  'Mã đơn vị',
  'Đơn vị',
  'Nội dung',
  'Trạng thái',
  'Hạn',
  'Nộp lúc',
  'Cờ',
  'Đã nhắc',
  'Người xem xét',
  'Xem xét lúc',
  'Ý kiến của cơ quan tổng hợp',
  'Bản lưu khi nộp',
  'Dữ liệu (hệ thống, không sửa)',
] as const;

export interface TrackLine {
  readonly record: TrackRecord;
  readonly unitName: string;
  readonly round: Round;
  readonly flags: Flags;
  /** Times already formatted in the office's zone by the adapter. */
  readonly submittedText: string;
  readonly decidedText: string;
  readonly snapshotLinks: string;
}

export function trackSheetSpec(lines: readonly TrackLine[]): SheetSpec {
  const values: SpecValue[][] = [
    [...TRACK_HEADERS],
    ...lines.map((l) => [
      l.record.unitCode,
      l.unitName,
      l.round.label,
      STATUS_LABELS[l.record.status],
      formatDateVn(l.round.deadline),
      l.submittedText,
      flagText(l.flags),
      l.record.remindersSent.join(', '),
      l.record.decidedBy,
      l.decidedText,
      l.record.comment,
      l.snapshotLinks,
      JSON.stringify(l.record),
    ]),
  ];
  return {
    name: TRACK_SHEET,
    values,
    columnWidths: [80, 220, 200, 120, 90, 130, 160, 160, 180, 130, 260, 200, 120],
    frozenRows: 1,
    styles: [{ area: area(1, 1, 1, TRACK_HEADERS.length), bold: true, background: '#d9e2f3', wrap: true }],
    // A real protection (admins only): the refresh reads its records back as the submission state.
    protections: [{ description: 'Theo dõi nộp (do hệ thống ghi)' }],
  };
}

/** The records stored in the sheet, by "code|round"; rows that do not parse are ignored. */
export function readTrackRecords(grid: readonly (readonly CellValue[])[]): Map<string, TrackRecord> {
  const records = new Map<string, TrackRecord>();
  for (const row of grid.slice(1)) {
    const raw = row[TRACK_HEADERS.length - 1];
    if (typeof raw !== 'string' || raw === '') continue;
    try {
      const parsed = JSON.parse(raw) as TrackRecord;
      if (parsed && typeof parsed.unitCode === 'string' && typeof parsed.round === 'string') {
        records.set(trackKey(parsed.unitCode, parsed.round), {
          ...emptyRecord(parsed.unitCode, parsed.round),
          ...parsed,
        });
      }
    } catch {
      // a row someone typed over: the next refresh rebuilds it from the unit's file
    }
  }
  return records;
}

export function trackKey(unitCode: string, round: RoundKey): string {
  return `${unitCode}|${round}`;
}
