/**
 * How a batchUpdate request fails. Google's answer is a 400 INVALID_ARGUMENT whose message names
 * the request: "Invalid requests[3].insertText: Index 10 must be less than the end index of the
 * referenced segment, 7." (seen widely in public threads; the wording after the colon is quoted
 * from such threads where known and guessed elsewhere — emulator/README.md lists which).
 */
export class RequestError extends Error {
  constructor(
    readonly index: number,
    readonly kind: string,
    readonly detail: string,
  ) {
    super(kind ? `Invalid requests[${index}].${kind}: ${detail}` : `Invalid requests[${index}]: ${detail}`);
  }
}

export function notModeledHere(what: string): never {
  throw new Error(`Emulator: ${what} is not modeled by the Docs API emulator`);
}
