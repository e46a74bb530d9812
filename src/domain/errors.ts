import { scopeName } from './scopes';

/**
 * Messages Apps Script raises in English, said in Vietnamese for the office — with the original
 * kept in brackets for whoever has to look it up. Our own errors are already Vietnamese.
 */
const KNOWN: readonly [RegExp, string][] = [
  [
    /You are trying to edit a protected cell/i,
    'Vùng này đang được bảo vệ, tài khoản của bạn không được sửa.',
  ],
  [
    /You do not have permission|Access denied|do not have permission to access/i,
    'Tài khoản của bạn không có quyền truy cập tệp hoặc thư mục này.',
  ],
  [
    /No item with the given ID could be found/i,
    'Không tìm thấy tệp hoặc thư mục (đã bị xóa hoặc chưa được chia sẻ).',
  ],
  [
    /Exceeded maximum execution time/i,
    'Lần chạy vượt quá 6 phút mà Google cho phép; thao tác sẽ được chạy tiếp.',
  ],
  [
    /Service invoked too many times for one day/i,
    'Đã hết hạn mức Google cho phép trong ngày; chạy lại vào ngày mai.',
  ],
  [
    /Service (error|unavailable)|Server error|Internal error|try again later/i,
    'Dịch vụ của Google đang tạm lỗi; chạy lại sau ít phút.',
  ],
  [/Lock timeout/i, 'Một thao tác khác đang chạy; chạy lại sau ít phút.'],
];

/**
 * A permission the person did not grant (granular consent) or the manifest lacks: "You do not
 * have permission to call X. Required permissions: S" / "Specified permissions are not sufficient
 * to call X. Required permissions: S" — named in Vietnamese, not taken for a file's sharing.
 */
const MISSING_SCOPE =
  /(?:do not have permission|permissions are not sufficient) to call .*Required permissions: (\S+)/i;

export function explainError(message: string): string {
  const scope = MISSING_SCOPE.exec(message);
  if (scope) {
    const name = scopeName(scope[1].replace(/[().]+$/, ''));
    return `Tài khoản chạy thao tác chưa cho phép hệ thống "${name}": chạy lại thao tác từ menu "Kế hoạch CCHC", chọn "Xem lại quyền" và đánh dấu ô đó. (${message})`;
  }
  for (const [pattern, vietnamese] of KNOWN) if (pattern.test(message)) return `${vietnamese} (${message})`;
  return message;
}
