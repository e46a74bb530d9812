import { DocSpec } from '../domain/document/doc-spec';
import { fingerprint } from '../domain/util/hash';
import { lastUpdatedMs, moveFile, savePdf, trashFile } from '../gas/documents';
import { filesNamed, myDriveRoot } from '../gas/drive';
import { folderFilesByName, NamedFile } from '../gas/drive-api';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { ActionContext } from './action';
import { memo } from './jobs/memo';
import { loadRecord } from './jobs/runner';

/**
 * The document path every generated document takes (the plans of generate.ts, the periodic
 * reports of progress-report.ts): a record per document key that lets a rerun keep, adopt or
 * archive what it finds; the content's fingerprint, so unchanged data keeps its Doc and PDF; a
 * refusal to overwrite a Doc edited by hand; earlier versions moved to an archive folder, never
 * deleted.
 */
type Folder = GoogleAppsScript.Drive.Folder;

/** What we remember of a generated document, per document key, to re-run safely. */
interface GeneratedRecord {
  readonly docId: string;
  readonly pdfId: string;
  /** The Doc's last update right after generation: later than that means edited by hand. */
  readonly generatedMs: number;
  /** What it was made from (`contentPrint`); absent in records written before it existed. */
  readonly print?: string;
}

export interface Output {
  readonly docId: string;
  readonly pdfId: string;
}

/** The output folder's files by name, listed once for a step's planning (drive-api.ts). */
export type OutputListing = ReadonlyMap<string, readonly NamedFile[]>;

export interface OutputFolders {
  readonly output: Folder;
  /** Made on first use: most runs archive nothing. */
  readonly archive: () => Folder;
}

/**
 * The output folder listed once, when a step's first document to make needs it (none when every
 * document is kept), instead of two searches by name a document for its strays: each document's
 * planning touches only files of its own names, so the listing stays right for the others.
 * Undefined when the listing fails (each document then searches by name).
 */
export function outputLister(output: Folder): () => OutputListing | undefined {
  let listing: OutputListing | undefined | null = null;
  return () => (listing === null ? (listing = listOutput(output)) : listing);
}

function listOutput(output: Folder): OutputListing | undefined {
  try {
    return folderFilesByName(output.getId());
  } catch (e) {
    // The day's UrlFetch calls spent (or Drive not answering): DriveApp searches instead.
    if (/Exceeded maximum execution time/i.test(e instanceof Error ? e.message : String(e))) throw e;
    return undefined;
  }
}

/**
 * Faults that are not one document's: the execution's time is up, or a daily quota is spent. They
 * stop the step (the job continues later) instead of being reported against a unit.
 */
export const RUN_WIDE =
  /Exceeded maximum execution time|Service invoked too many times|too many times for one day/i;

/**
 * The start of a document job's run, kept across its continuations (its record's start): a
 * document made since then is this run's, kept by a step repeated after a fault (never made twice).
 */
export function runStartOf(ctx: ActionContext, jobName: string): number {
  return memo(ctx, `${jobName}.run`, () => loadRecord(jobName)?.startedMs ?? ctx.startedMs);
}

/**
 * One document the one-at-a-time way: `write` tried twice at once (a passing fault of Google
 * heals). A fault that is the run's (RUN_WIDE) or that `stops` names is thrown on; any other, met
 * on both tries, is the document's: its message, for the caller to report against it.
 */
export function writeTwice<T>(
  write: () => T,
  stops: (e: unknown) => boolean = () => false,
): T | { fault: string } {
  let message = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return write();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
      if (RUN_WIDE.test(message) || stops(e)) throw e;
    }
  }
  return { fault: message };
}

/** Drive may stamp a Doc a little after our save; a hand edit comes later than this. */
const EDIT_TOLERANCE_MS = 60 * 1000;
const recordKey = (key: string) => `cchc.doc.${key}`;

/**
 * What a document is made from: its spec (the data, settings, layout) and the office's template
 * (empty id: the built-in layout) with its last update. Equal prints make equal documents, so a
 * rerun with nothing changed keeps the one it has (a run reported as failed after its documents
 * were made, then run again by a person, ends as one uninterrupted run: no second copy, nothing
 * archived).
 */
function contentPrint(spec: DocSpec, templateId: string, templateUpdatedMs: number | null): string {
  return fingerprint(JSON.stringify([spec, templateId, templateUpdatedMs]));
}

/** A document to make: what planWrite found, for finishWrite once it is made. */
export interface ToMake {
  readonly print: string;
  readonly previous: GeneratedRecord | null;
  /** Strays of an older run, moved to the archive once the new document is made. */
  readonly older: readonly string[];
}

/**
 * Writes one document: refuses to overwrite a Doc edited by hand since it was generated; keeps
 * one made since `madeSinceMs` (earlier in this run: never made twice) or made from the same
 * content (`contentPrint`); `create` builds the new Doc (returning its id), its PDF is saved
 * beside it; only then is the previous version (Doc and PDF) moved to the archive subfolder,
 * never deleted — so a document that fails keeps its last one.
 */
export function writeDocument(
  folders: OutputFolders,
  key: string,
  spec: DocSpec,
  templateId: string,
  create: () => string,
  madeSinceMs?: number,
  createWithPdf?: () => Output | null,
): Output | { skipped: string } {
  const plan = planWrite(folders, key, spec, templateId, madeSinceMs);
  if (!('make' in plan)) return plan;
  // A way that makes the Doc and its PDF together (the Docs API's copy, fill and export) goes
  // first; null: it cannot make this one, `create` does.
  const whole = createWithPdf?.();
  if (whole) return finishMade(folders, key, plan.make, whole);
  return finishWrite(folders, plan.make, makeDocument(folders.output, key, spec, plan.make.print, create));
}

/**
 * writeDocument's first half: the document kept (`docId`), refused (`skipped`), or what making it
 * needs (`make`), with this run's halves already in the trash.
 */
export function planWrite(
  folders: OutputFolders,
  key: string,
  spec: DocSpec,
  templateId: string,
  madeSinceMs?: number,
  listed?: () => OutputListing | undefined,
): Output | { skipped: string } | { make: ToMake } {
  const previous = readDocumentJson<GeneratedRecord>(recordKey(key));
  const templateUpdatedMs = templateId ? lastUpdatedMs(templateId) : null;
  const print = contentPrint(spec, templateId, templateUpdatedMs);
  if (previous) {
    const updated = lastUpdatedMs(previous.docId);
    if (updated !== null && updated > previous.generatedMs + EDIT_TOLERANCE_MS) {
      return {
        skipped: `"${spec.name}" đã được sửa tay sau khi tạo nên không ghi đè. Đổi tên hoặc chuyển tệp đó đi nếu muốn tạo lại.`,
      };
    }
    const madeThisRun = madeSinceMs !== undefined && previous.generatedMs >= madeSinceMs;
    const unchanged = previous.print === print;
    if ((madeThisRun || unchanged) && updated !== null && lastUpdatedMs(previous.pdfId) !== null) {
      return { docId: previous.docId, pdfId: previous.pdfId };
    }
  }
  const strays = findStrays(folders.output, spec.name, previous, madeSinceMs, listed);
  if (strays.adopt) {
    // This run made both and died before recording them: they are the document, kept as made.
    writeDocumentJson(recordKey(key), { ...strays.adopt, generatedMs: strays.adoptedMs, print });
    if (previous) archive(previous, folders);
    return strays.adopt;
  }
  // A half this run left (a Doc never finished: no PDF beside it) goes to the trash, as a failed
  // try's half does; an older stray (a run that died before saving its record, long ago) goes to
  // the archive, so the output folder never holds two of one document.
  for (const half of strays.halves) trashFile(half);
  return { make: { print, previous: previous ?? null, older: strays.older } };
}

/**
 * writeDocument's last part for a document made whole (its Doc and PDF, as a batch makes them):
 * recorded, then older versions archived.
 */
export function finishMade(
  folders: { archive: () => Folder },
  key: string,
  plan: ToMake,
  made: Output,
): Output {
  return finishWrite(folders, plan, recordMade(key, made, plan.print));
}

/** Once the new document is made and recorded: older versions archived. */
function finishWrite(folders: { archive: () => Folder }, plan: ToMake, made: Output): Output {
  if (plan.previous) archive(plan.previous, folders);
  for (const stray of plan.older) moveFile(stray, folders.archive());
  return made;
}

function archive(previous: GeneratedRecord, folders: { archive: () => Folder }): void {
  moveFile(previous.docId, folders.archive());
  moveFile(previous.pdfId, folders.archive());
}

/**
 * Files of the document's name that no record knows: what a run killed before saving its record
 * left. Made in this run (since `madeSinceMs`): a Doc with its PDF beside it is whole (the PDF is
 * made from the finished Doc) and adopted; a Doc without one is a half — in the output folder, or
 * still in My Drive's root where DocumentApp.create puts it. Older ones are for the archive.
 */
function findStrays(
  output: Folder,
  name: string,
  previous: GeneratedRecord | null,
  madeSinceMs: number | undefined,
  listed?: () => OutputListing | undefined,
): { adopt: Output | null; adoptedMs: number; halves: string[]; older: string[] } {
  const known = (id: string) => id === previous?.docId || id === previous?.pdfId;
  // The step's one listing of the output folder when there is one (each document touches only
  // files of its own names, so it stays right for the others); else a search by name.
  const times = new Map<string, number>();
  const listing = listed?.();
  const named = (n: string) => {
    if (!listing) return filesNamed(output, n);
    const files = listing.get(n) ?? [];
    for (const f of files) times.set(f.id, f.updatedMs);
    return files.map((f) => f.id);
  };
  const lastUpdated = (id: string) => times.get(id) ?? lastUpdatedMs(id);
  const docs = named(name).filter((id) => !known(id));
  const pdfs = named(`${name}.pdf`).filter((id) => !known(id));
  const thisRun = (id: string) => {
    const at = lastUpdated(id);
    return madeSinceMs !== undefined && at !== null && at >= madeSinceMs;
  };
  const recentDocs = docs.filter(thisRun);
  const recentPdfs = pdfs.filter(thisRun);
  const older = [...docs, ...pdfs].filter((id) => !recentDocs.includes(id) && !recentPdfs.includes(id));
  const rootHalves = madeSinceMs === undefined ? [] : filesNamed(myDriveRoot(), name).filter(thisRun);
  if (recentDocs.length === 1 && recentPdfs.length === 1) {
    const adopt = { docId: recentDocs[0], pdfId: recentPdfs[0] };
    return { adopt, adoptedMs: lastUpdated(adopt.docId) ?? 0, halves: rootHalves, older };
  }
  return { adopt: null, adoptedMs: 0, halves: [...recentDocs, ...recentPdfs, ...rootHalves], older };
}

/**
 * The Doc and its PDF, then their record. A failure while making them sends what was made to the
 * trash; a failure saving the record leaves both whole: the next try finds them by name and
 * archives them, as it does what a killed run left.
 */
function makeDocument(
  output: Folder,
  key: string,
  spec: DocSpec,
  print: string,
  create: () => string,
): Output {
  let docId: string | null = null;
  let pdfId: string;
  try {
    docId = create();
    pdfId = savePdf(docId, `${spec.name}.pdf`, output);
  } catch (e) {
    if (docId) trashFile(docId);
    throw e;
  }
  return recordMade(key, { docId, pdfId }, print);
}

/** The record that lets a rerun keep, adopt or archive the document (issue 12). */
function recordMade(key: string, made: Output, print: string): Output {
  writeDocumentJson(recordKey(key), {
    docId: made.docId,
    pdfId: made.pdfId,
    generatedMs: lastUpdatedMs(made.docId) ?? new Date().getTime(),
    print,
  });
  return made;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function fileUrl(id: string): string {
  return `https://drive.google.com/file/d/${id}/view`;
}
