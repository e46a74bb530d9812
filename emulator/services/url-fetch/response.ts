import { EmulatorContext } from '../../core/context';
import { GAS_CLASS, signatureError } from '../support/args';
import { convertBlob, EmuBlob } from '../support/blob';
import { decodeText, toSignedBytes } from '../support/bytes';
import { asGas } from '../support/gas';
import { ServerResponse } from './http';

type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type Blob = GoogleAppsScript.Base.Blob;

/**
 * UrlFetchApp's HTTPResponse. The answer is already in memory when the script holds it, so its
 * methods are counted on the ledger ("HTTPResponse.getContentText") at no modeled time.
 * https://developers.google.com/apps-script/reference/url-fetch/http-response
 */
export class EmuHTTPResponse implements Pick<
  HTTPResponse,
  'getResponseCode' | 'getContentText' | 'getContent' | 'getHeaders' | 'getAllHeaders' | 'getBlob' | 'getAs'
> {
  readonly [GAS_CLASS] = 'HTTPResponse';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly response: ServerResponse,
  ) {}

  private charge(method: string): void {
    this.ctx.ledger.chargeFixed(`HTTPResponse.${method}`, 0);
  }

  getResponseCode(): number {
    this.charge('getResponseCode');
    return this.response.status;
  }

  /**
   * The body decoded with `charset`, else with the charset the Content-Type names, else UTF-8.
   * An unknown charset fails as Blob.getDataAsString does.
   */
  getContentText(charset?: string): string {
    this.charge('getContentText');
    if (charset !== undefined && typeof charset !== 'string')
      signatureError('HTTPResponse.getContentText', [charset]);
    return decodeText(this.response.body, charset ?? this.declaredCharset() ?? 'UTF-8');
  }

  getContent(): number[] {
    this.charge('getContent');
    return toSignedBytes(this.response.body);
  }

  /** Header name → value, as the server sent them. */
  getHeaders(): object {
    this.charge('getHeaders');
    return { ...this.response.headers };
  }

  /** As getHeaders; a header sent several times would be an array (the emulator sends each once). */
  getAllHeaders(): object {
    this.charge('getAllHeaders');
    return { ...this.response.headers };
  }

  getBlob(): Blob {
    this.charge('getBlob');
    return asGas<Blob>(new EmuBlob(this.ctx, this.response.body, this.contentType(), this.fileName()));
  }

  getAs(contentType: string): Blob {
    this.charge('getAs');
    if (typeof contentType !== 'string') signatureError('HTTPResponse.getAs', [contentType]);
    return convertBlob(
      this.ctx,
      { bytes: this.response.body, contentType: this.contentType(), name: this.fileName() },
      contentType,
    );
  }

  private headerValue(name: string): string | undefined {
    const key = Object.keys(this.response.headers).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : this.response.headers[key];
  }

  private contentType(): string | null {
    return this.headerValue('content-type')?.split(';')[0].trim() ?? null;
  }

  private declaredCharset(): string | undefined {
    return /;\s*charset=([^;\s]+)/i.exec(this.headerValue('content-type') ?? '')?.[1];
  }

  private fileName(): string | null {
    return /filename="([^"]*)"/.exec(this.headerValue('content-disposition') ?? '')?.[1] ?? null;
  }
}

export function httpResponse(ctx: EmulatorContext, response: ServerResponse): HTTPResponse {
  return asGas<HTTPResponse>(new EmuHTTPResponse(ctx, response));
}
