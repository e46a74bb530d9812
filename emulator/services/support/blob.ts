import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import { GAS_CLASS, signatureError } from './args';
import { decodeText, encodeText, fromBytes, isByteArray as isBytes, toSignedBytes } from './bytes';
import { asGas } from './gas';

type Blob = GoogleAppsScript.Base.Blob;
type BlobMethods =
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setDataFromString'
  | 'setName';

export interface BlobData {
  readonly bytes: Buffer;
  readonly contentType: string | null;
  readonly name: string | null;
}

const DATA = new WeakMap<EmuBlob, BlobData>();

/**
 * Utilities.newBlob's Blob, also what DriveApp files give in getBlob(). Bytes are kept as a Node
 * Buffer and handed out as Java byte[] (signed numbers).
 * https://developers.google.com/apps-script/reference/base/blob
 */
export class EmuBlob implements Pick<Blob, BlobMethods> {
  readonly [GAS_CLASS] = 'Blob';

  constructor(
    private readonly ctx: EmulatorContext,
    bytes: Uint8Array,
    contentType: string | null = null,
    name: string | null = null,
  ) {
    DATA.set(this, { bytes: Buffer.from(bytes), contentType, name });
  }

  /** The blob's content for other emulated services (not an Apps Script method). */
  static dataOf(value: unknown): BlobData | undefined {
    return value instanceof EmuBlob ? DATA.get(value) : undefined;
  }

  private get data(): BlobData {
    return DATA.get(this)!;
  }

  private update(patch: Partial<BlobData>): Blob {
    DATA.set(this, { ...this.data, ...patch });
    return asGas<Blob>(this);
  }

  private charge(method: string): void {
    this.ctx.ledger.charge(`Blob.${method}`);
  }

  copyBlob(): Blob {
    this.charge('copyBlob');
    const { bytes, contentType, name } = this.data;
    return asGas<Blob>(new EmuBlob(this.ctx, bytes, contentType, name));
  }

  /**
   * Only a conversion to the blob's own type is modeled (it renames the extension, as the
   * reference says: "assumes that the part of the filename that follows the last period … is an
   * existing extension that should be replaced"). Real Apps Script also converts images between
   * formats and HTML/Google files to PDF; those fail loudly here instead of faking output.
   */
  getAs(contentType: string): Blob {
    this.charge('getAs');
    if (typeof contentType !== 'string') signatureError('Blob.getAs', [contentType]);
    return convertBlob(this.ctx, this.data, contentType);
  }

  getBlob(): Blob {
    this.charge('getBlob');
    return asGas<Blob>(this);
  }

  getBytes(): number[] {
    this.charge('getBytes');
    return toSignedBytes(this.data.bytes);
  }

  getContentType(): string | null {
    this.charge('getContentType');
    return this.data.contentType;
  }

  getDataAsString(charset?: string): string {
    this.charge('getDataAsString');
    if (charset !== undefined && typeof charset !== 'string')
      signatureError('Blob.getDataAsString', [charset]);
    return decodeText(this.data.bytes, charset);
  }

  getName(): string | null {
    this.charge('getName');
    return this.data.name;
  }

  isGoogleType(): boolean {
    this.charge('isGoogleType');
    return (this.data.contentType ?? '').startsWith('application/vnd.google-apps.');
  }

  setBytes(data: number[]): Blob {
    this.charge('setBytes');
    if (!isBytes(data)) signatureError('Blob.setBytes', [data]);
    return this.update({ bytes: fromBytes(data) });
  }

  setContentType(contentType: string | null): Blob {
    this.charge('setContentType');
    if (contentType !== null && typeof contentType !== 'string')
      signatureError('Blob.setContentType', [contentType]);
    return this.update({ contentType });
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.charge('setDataFromString');
    if (typeof text !== 'string') signatureError('Blob.setDataFromString', [text, charset]);
    return this.update({ bytes: encodeText(text, charset) });
  }

  setName(name: string): Blob {
    this.charge('setName');
    if (typeof name !== 'string') signatureError('Blob.setName', [name]);
    return this.update({ name });
  }
}

/**
 * Blob.getAs without the ledger charge (File.getAs uses it too). Only a conversion to the blob's
 * own type is modeled: it renames the extension, as the reference says getAs "assumes that the
 * part of the filename that follows the last period (if any) is an existing extension that should
 * be replaced". Real Apps Script also converts images between formats and HTML to PDF; those fail
 * loudly here instead of faking output. Anything else fails with Apps Script's message.
 */
export function convertBlob(ctx: EmulatorContext, data: BlobData, contentType: string): Blob {
  const { bytes, contentType: from, name } = data;
  const to = contentType.toLowerCase();
  if (from !== null && from.toLowerCase() === to) {
    return asGas<Blob>(new EmuBlob(ctx, bytes, from, renameExtension(name, to)));
  }
  const realConverts =
    from !== null &&
    ((to === 'application/pdf' && /^(text\/html|application\/vnd\.google-apps\.)/.test(from)) ||
      (to.startsWith('image/') && from.startsWith('image/')));
  if (realConverts) throw new Error(`Emulator: converting ${from} to ${contentType} is not modeled`);
  return gasError(`Converting from ${from ?? 'null'} to ${contentType} is not supported.`);
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'application/json': 'json',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/**
 * The name getAs gives: the text after the last period is taken for an extension and replaced
 * ("ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf"); with no period the extension is
 * appended. https://developers.google.com/apps-script/reference/base/blob#getAs(String) — the same
 * words on BlobSource.getAs, which File and Document implement.
 */
export function renameExtension(name: string | null, contentType: string): string | null {
  const ext = EXTENSIONS[contentType.toLowerCase()];
  if (name === null || !ext) return name;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}
