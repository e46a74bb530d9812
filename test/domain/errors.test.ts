import { explainError } from '../../src/domain/errors';

describe('explainError', () => {
  it('says known Apps Script errors in Vietnamese, keeping the original', () => {
    const text =
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    expect(explainError(text)).toBe(`Vùng này đang được bảo vệ, tài khoản của bạn không được sửa. (${text})`);
    expect(explainError('Service invoked too many times for one day: email.')).toContain('hạn mức');
  });

  it('leaves our own Vietnamese messages as they are', () => {
    expect(explainError('Cấu hình chưa hợp lệ')).toBe('Cấu hình chưa hợp lệ');
  });
});
