/**
 * Apps Script surfaces service failures as `Exception: <message>` (name "Exception").
 * The emulator throws the same shape so code and tests can match Google's message text.
 */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function gasError(message: string): never {
  throw new GasException(message);
}
