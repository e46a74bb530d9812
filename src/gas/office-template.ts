import { bodySpots, TemplateBody } from '../domain/document/template-requests';
import {
  apiUnusable,
  DOCS_API_SWITCH_KEY,
  DOCS_API_URL,
  DocsApiMemory,
  passingFault,
  rememberRefusal,
} from './docs-api';
import { DEFAULT_BATCH, describeFailure, fetchAllDetailed } from './fetch-batch';
import { readDocumentJson } from './properties';

/**
 * What filling the office's own template through the Docs API needs to know of it, read once per
 * execution: its body as documents.get gives it (the indexes every copy shares), the placeholders
 * written in its header and footer (read with DocumentApp: the emulator's documents.get serves the
 * body only, and one read of the template per execution costs little), and every name used.
 */
interface OfficeTemplateLayout {
  readonly body: TemplateBody;
  /** Placeholders as written in the header or footer ("{{ nam }}"), once per occurrence. */
  readonly elsewhere: readonly string[];
  readonly names: readonly string[];
}

const ANY_PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** The layouts read in this execution, per DocsApiMemory (one per execution), by template id. */
const layouts = new WeakMap<DocsApiMemory, Map<string, OfficeTemplateLayout>>();

/**
 * The office template's layout, or `fallback` when the API is switched off or unusable here (then
 * remembered for the execution, as a refused copy is). A read that may pass throws, for the
 * caller's retry. documents.get is a read: retried on 429 and 5xx like every read.
 * https://developers.google.com/docs/api/reference/rest/v1/documents/get
 */
export function officeTemplateLayout(
  templateId: string,
  memory: DocsApiMemory,
): OfficeTemplateLayout | { readonly fallback: string } {
  if (readDocumentJson<boolean>(DOCS_API_SWITCH_KEY) === false) return { fallback: 'tắt trong cấu hình' };
  if (memory.refusal !== null) return { fallback: memory.refusal };
  const known = layouts.get(memory)?.get(templateId);
  if (known) return known;
  const {
    responses: [response],
    thrown: [thrown],
  } = fetchAllDetailed([{ url: `${DOCS_API_URL}/${templateId}?fields=body(content)` }], DEFAULT_BATCH);
  const code = response ? response.getResponseCode() : 0;
  if (!response || code < 200 || code >= 300) {
    const why = `không đọc được mẫu văn bản qua Docs API: ${thrown ?? describeFailure(response)}`;
    if (!apiUnusable(response, thrown)) throw passingFault('đọc mẫu văn bản', why);
    rememberRefusal(memory, why);
    return { fallback: why };
  }
  const body = ((JSON.parse(response.getContentText()) as { body?: TemplateBody }).body ?? {
    content: [],
  }) as TemplateBody;
  const doc = DocumentApp.openById(templateId);
  const outside = [doc.getHeader()?.getText() ?? '', doc.getFooter()?.getText() ?? ''].join('\n');
  const elsewhere = outside.match(ANY_PLACEHOLDER) ?? [];
  const names = unique(
    [...bodySpots(body).map((s) => s.literal), ...elsewhere].map((l) => l.slice(2, -2).trim()),
  );
  const layout = { body, elsewhere, names };
  if (!layouts.has(memory)) layouts.set(memory, new Map());
  layouts.get(memory)!.set(templateId, layout);
  return layout;
}

function unique(xs: readonly string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
