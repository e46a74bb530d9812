import { EmulatorContext } from '../../core/context';
import { DriveItem, FileContent } from '../../core/drive-store';
import { EmuBlob } from '../support/blob';

/** The bytes of an ordinary (non-Google) Drive file: what createFile stores and getBlob returns. */
export class BlobContent implements FileContent {
  readonly kind = 'blob' as const;

  constructor(readonly bytes: Buffer) {}

  clone(): BlobContent {
    return new BlobContent(Buffer.from(this.bytes));
  }
}

/**
 * Exports a Google-type file (spreadsheet, document) as a Blob of the asked content type — what
 * File.getBlob() (PDF) and File.getAs(type) do in Apps Script. The services that own those
 * contents register one (e.g. a document → PDF converter); until then getBlob fails loudly.
 */
export type ContentExporter = (item: DriveItem, contentType: string, ctx: EmulatorContext) => EmuBlob;

const EXPORTERS = new WeakMap<EmulatorContext, Map<FileContent['kind'], ContentExporter>>();

/** Extension point: teach DriveApp how to export files whose content is of `kind`. */
export function registerContentExporter(
  ctx: EmulatorContext,
  kind: Exclude<FileContent['kind'], 'blob'>,
  exporter: ContentExporter,
): void {
  let byKind = EXPORTERS.get(ctx);
  if (!byKind) EXPORTERS.set(ctx, (byKind = new Map()));
  byKind.set(kind, exporter);
}

export function exporterFor(ctx: EmulatorContext, kind: FileContent['kind']): ContentExporter | undefined {
  return EXPORTERS.get(ctx)?.get(kind);
}
