/**
 * Hands an emulated object to code typed against @types/google-apps-script. Each emulated class
 * implements a Pick<> of the Apps Script interface (so the methods it has keep Google's
 * signatures); code under test only calls those methods, so the rest of the interface is never
 * reached. Kept in one place so the cast is easy to find.
 */
export function asGas<T>(emulated: object): T {
  return emulated as unknown as T;
}
