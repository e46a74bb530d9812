import { createContext } from '../../emulator/core/context';
import { createSession } from '../../emulator/services/session';

describe('Session', () => {
  test('active and effective users come from the session state, blank active user included', () => {
    const ctx = createContext({ user: 'office@so.gov.vn', timeZone: 'Asia/Ho_Chi_Minh' });
    const session = createSession(ctx);
    expect(session.getActiveUser().getEmail()).toBe('office@so.gov.vn');
    ctx.session.active = '';
    ctx.session.effective = 'trigger-owner@so.gov.vn';
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('trigger-owner@so.gov.vn');
    expect(session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(session.getActiveUserLocale()).toBe('vi');
  });

  test('the temporary key is stable for a person, differs between people, and rotates after 30 days', () => {
    const ctx = createContext({ user: 'office@so.gov.vn' });
    const session = createSession(ctx);
    const key = session.getTemporaryActiveUserKey();
    expect(session.getTemporaryActiveUserKey()).toBe(key);
    expect(key).not.toContain('office');
    expect(ctx.session.as('other@so.gov.vn', () => session.getTemporaryActiveUserKey())).not.toBe(key);
    ctx.clock.advance(31 * 24 * 3600 * 1000);
    expect(session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});
