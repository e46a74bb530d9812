/**
 * The Blob Document.getAs / getBlob return. Self-contained on purpose (the Utilities Blob is
 * another module's); it keeps Apps Script's Blob behaviour for what a document export needs:
 * bytes as Java byte[] (signed numbers), text decoding, name and content type.
 * https://developers.google.com/apps-script/reference/base/blob
 */
import { EmulatorContext } from '../../core/context';
import { GAS_CLASS, signatureError } from '../support/args';
import { decodeText, toSignedBytes } from '../support/bytes';
import { asGas } from '../support/gas';

type Blob = GoogleAppsScript.Base.Blob;
type BlobKeys =
  | 'copyBlob'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setName';

const DATA = new WeakMap<DocBlob, { bytes: Buffer; contentType: string; name: string }>();

export class DocBlob implements Pick<Blob, BlobKeys> {
  readonly [GAS_CLASS] = 'Blob';

  constructor(
    private readonly ctx: EmulatorContext,
    bytes: Uint8Array,
    contentType: string,
    name: string,
  ) {
    DATA.set(this, { bytes: Buffer.from(bytes), contentType, name });
  }

  /** The raw bytes, for other emulated services and tests (not an Apps Script method). */
  static bytesOf(blob: unknown): Buffer | undefined {
    return blob instanceof DocBlob ? Buffer.from(DATA.get(blob)!.bytes) : undefined;
  }

  private get data() {
    return DATA.get(this)!;
  }

  private charge(method: string): void {
    this.ctx.ledger.charge(`Blob.${method}`);
  }

  getBytes(): number[] {
    this.charge('getBytes');
    return toSignedBytes(this.data.bytes);
  }

  getDataAsString(charset?: string): string {
    this.charge('getDataAsString');
    if (charset !== undefined && typeof charset !== 'string')
      signatureError('Blob.getDataAsString', [charset]);
    return decodeText(this.data.bytes, charset);
  }

  getContentType(): string {
    this.charge('getContentType');
    return this.data.contentType;
  }

  getName(): string {
    this.charge('getName');
    return this.data.name;
  }

  setName(name: string): Blob {
    this.charge('setName');
    if (typeof name !== 'string') signatureError('Blob.setName', [name]);
    this.data.name = name;
    return asGas<Blob>(this);
  }

  getBlob(): Blob {
    this.charge('getBlob');
    return asGas<Blob>(this);
  }

  copyBlob(): Blob {
    this.charge('copyBlob');
    const { bytes, contentType, name } = this.data;
    return asGas<Blob>(new DocBlob(this.ctx, bytes, contentType, name));
  }

  isGoogleType(): boolean {
    this.charge('isGoogleType');
    return this.data.contentType.startsWith('application/vnd.google-apps.');
  }

  toString(): string {
    return 'Blob';
  }
}
