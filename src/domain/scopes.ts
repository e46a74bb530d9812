/**
 * The OAuth scopes of appsscript.json and how the office is told about them. Since January 2025 a
 * person may tick only some of them on Google's consent screen (granular consent,
 * https://developers.google.com/apps-script/concepts/scopes); an action then checks the ones it
 * needs before doing anything, and names the missing ones in Vietnamese — in the words of the
 * consent screen, so the person finds the box to tick.
 */
const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  documents: `${AUTH}documents`,
  drive: `${AUTH}drive`,
  ui: `${AUTH}script.container.ui`,
  externalRequest: `${AUTH}script.external_request`,
  scriptApp: `${AUTH}script.scriptapp`,
  sendMail: `${AUTH}script.send_mail`,
  email: `${AUTH}userinfo.email`,
} as const;

export type Scope = (typeof SCOPE)[keyof typeof SCOPE];

/** What each permission lets the script do, as Google's Vietnamese consent screen puts it. */
const NAMES: Readonly<Record<Scope, string>> = {
  [SCOPE.spreadsheets]: 'xem, chỉnh sửa, tạo và xóa bảng tính Google Trang tính',
  [SCOPE.documents]: 'xem, chỉnh sửa, tạo và xóa tài liệu Google Tài liệu',
  [SCOPE.drive]: 'xem, chỉnh sửa, tạo và xóa tệp trên Google Drive',
  [SCOPE.ui]: 'hiển thị hộp thoại và thanh bên trong ứng dụng Google',
  [SCOPE.externalRequest]: 'kết nối với dịch vụ bên ngoài',
  [SCOPE.scriptApp]: 'chạy khi bạn vắng mặt (trình kích hoạt)',
  [SCOPE.sendMail]: 'gửi email thay bạn',
  [SCOPE.email]: 'xem địa chỉ email chính của bạn',
};

/** Every action needs the master (its log) and who runs it; one with dialogs, the UI too. */
export function actionScopes(own: readonly Scope[], interactive: boolean): Scope[] {
  const base: Scope[] = [SCOPE.spreadsheets, SCOPE.email, ...(interactive ? [SCOPE.ui] : [])];
  return [...new Set([...base, ...own])];
}

export function scopeName(scope: string): string {
  return (NAMES as Readonly<Record<string, string>>)[scope] ?? scope;
}

/**
 * Why the action did nothing, and how to grant what is missing. From the menu, Google's consent
 * screen follows this message; a trigger can show no screen, so the person is sent to the menu.
 */
export function missingScopesMessage(
  label: string,
  missing: readonly string[],
  interactive: boolean,
): string {
  const names = missing.map((s) => `"${scopeName(s)}"`).join(', ');
  const how = interactive
    ? 'Bấm OK: Google sẽ hiện hộp thoại cấp quyền (nếu không thấy, chạy lại mục này trên menu "Kế hoạch CCHC"); chọn "Xem lại quyền" (Review permissions), chọn tài khoản của bạn, đánh dấu ô'
    : 'Mở bảng tính tổng hợp, chạy mục này trên menu "Kế hoạch CCHC"; trong hộp thoại cấp quyền của Google chọn "Xem lại quyền" (Review permissions), đánh dấu ô';
  return (
    `"${label}" chưa được thực hiện (chưa làm gì): tài khoản của bạn chưa cho phép hệ thống ${names}. ` +
    `${how} ${names} rồi bấm "Tiếp tục", sau đó chạy lại "${label}".`
  );
}
