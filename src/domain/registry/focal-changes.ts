/**
 * What the template push tells about a unit file's sharing. The registry keeps no edit history
 * (and Drive says when a file changed, not who changed it), so the push compares the registry's
 * focal points with those it recorded at the last push: a difference means someone edited the
 * registry since then, and the office is asked to confirm it was one of theirs.
 */
export interface FocalRecord {
  /** The focal points the file was shared with, lower-cased. */
  readonly emails: readonly string[];
  /** When (epoch ms). */
  readonly atMs: number;
}

export const FOCAL_RECORD_PREFIX = 'cchc.focal.';

/** Lines of this module report what the push did, not what went wrong. */
const NOTICE_MARK = ' [chia sẻ]';

export function isSharingNotice(line: string): boolean {
  return line.endsWith(NOTICE_MARK);
}

function listOf(emails: readonly string[]): string {
  return emails.join(', ');
}

export function focalChangeLines(
  unitName: string,
  recorded: { readonly record: FocalRecord; readonly when: string } | null,
  focalNow: readonly string[],
  sharing: { readonly added: readonly string[]; readonly removed: readonly string[] },
): string[] {
  const lines: string[] = [];
  if (recorded) {
    const now = focalNow.map((e) => e.toLowerCase());
    const added = now.filter((e) => !recorded.record.emails.includes(e));
    const removed = recorded.record.emails.filter((e) => !now.includes(e));
    if (added.length + removed.length > 0) {
      const parts = [
        added.length > 0 ? `thêm ${listOf(added)}` : '',
        removed.length > 0 ? `bỏ ${listOf(removed)}` : '',
      ].filter(Boolean);
      lines.push(
        `${unitName}: đầu mối trong trang "Đơn vị" đã bị sửa từ sau lần cập nhật ${recorded.when} (${parts.join('; ')}). ` +
          'Bảng tính không ghi lại ai đã sửa: hãy xác nhận đây là thay đổi của văn phòng.',
      );
    }
  }
  if (sharing.added.length > 0) {
    lines.push(`${unitName}: đã cấp quyền sửa tệp cho ${listOf(sharing.added)} (theo danh sách đầu mối).`);
  }
  if (sharing.removed.length > 0) {
    lines.push(
      `${unitName}: đã gỡ quyền sửa tệp của ${listOf(sharing.removed)} (không có trong danh sách đầu mối).`,
    );
  }
  return lines.map((l) => l + NOTICE_MARK);
}
