import { GAS_CLASS } from '../support/args';
import type { DriveEnv } from './env';

type User = GoogleAppsScript.Drive.User;

/**
 * A person on a Drive item (owner, editor, viewer).
 * https://developers.google.com/apps-script/reference/drive/user
 */
export class DriveUser implements Pick<User, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'> {
  readonly [GAS_CLASS] = 'DriveApp.User';

  constructor(
    private readonly env: DriveEnv,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.env.charge('User.getEmail');
    return this.email;
  }

  /**
   * The emulator knows no display names. The reference allows null ("This method returns null if
   * the user's name is not available"), the stricter answer: code must not count on a name.
   */
  getName(): string {
    this.env.charge('User.getName');
    return null as unknown as string;
  }

  getDomain(): string {
    this.env.charge('User.getDomain');
    return this.email.slice(this.email.lastIndexOf('@') + 1);
  }

  /** "This method returns null if the user's photo is not available." */
  getPhotoUrl(): string {
    this.env.charge('User.getPhotoUrl');
    return null as unknown as string;
  }
}
