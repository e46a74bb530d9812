/** Apps Script's User: what getOwner/getEditors/getViewers return. */
export class EmuUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    private readonly email: string,
    private readonly charge: (key: string) => void,
  ) {}

  getEmail(): string {
    this.charge('User.getEmail');
    return this.email;
  }
}

/** The email of an argument given as an address or as a User. */
export function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

export function asUsers(
  emails: readonly string[],
  charge: (key: string) => void,
): GoogleAppsScript.Base.User[] {
  return emails.map((e) => new EmuUser(e, charge) as unknown as GoogleAppsScript.Base.User);
}
