/**
 * Who is running the script. `active` is the person at the keyboard (Session.getActiveUser);
 * `effective` is whose authority the script runs with (Session.getEffectiveUser): the same person
 * for menu items, the trigger's owner for installable triggers.
 */
export class SessionState {
  constructor(
    public active: string,
    public effective: string = active,
    public timeZone = 'Asia/Ho_Chi_Minh',
    public locale = 'vi',
  ) {}

  /** Run `fn` as another person (active and effective), then restore. */
  as<T>(email: string, fn: () => T): T {
    const saved = [this.active, this.effective];
    this.active = email;
    this.effective = email;
    try {
      return fn();
    } finally {
      [this.active, this.effective] = saved;
    }
  }
}
