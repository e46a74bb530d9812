import { explainError } from '../../src/domain/errors';

describe('explainError', () => {
  it('says known Apps Script errors in Vietnamese, keeping the original', () => {
    const text =
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    expect(explainError(text)).toBe(`Vùng này đang được bảo vệ, tài khoản của bạn không được sửa. (${text})`);
    expect(explainError('Service invoked too many times for one day: email.')).toContain('hạn mức');
  });

  it('names a permission that was not granted instead of blaming a file', () => {
    const text =
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request';
    expect(explainError(text)).toBe(
      `Tài khoản chạy thao tác chưa cho phép hệ thống "kết nối với dịch vụ bên ngoài": chạy lại thao tác từ menu "Kế hoạch CCHC", chọn "Xem lại quyền" và đánh dấu ô đó. (${text})`,
    );
    expect(
      explainError(
        'Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      ),
    ).toContain('"gửi email thay bạn"');
    // A file's sharing is still said as such.
    expect(explainError('You do not have permission to access the requested document.')).toContain(
      'không có quyền truy cập tệp',
    );
  });

  it('leaves our own Vietnamese messages as they are', () => {
    expect(explainError('Cấu hình chưa hợp lệ')).toBe('Cấu hình chưa hợp lệ');
  });
});
