import { summarizeBudget } from '../domain/consolidate/budget-totals';
import { DocSpec } from '../domain/document/doc-spec';
import { quoted } from '../domain/document/limits';
import { placeholderValues } from '../domain/document/placeholders';
import { PlanContent, tableWidths, taskTable } from '../domain/document/plan-document';
import { templateRequests, TemplateFill } from '../domain/document/template-requests';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { DocsApiMemory, passingFault } from '../gas/docs-api';
import { apiOff, createCopiesWithPdfs } from '../gas/docs-batch';
import { officeTemplateLayout } from '../gas/office-template';

/**
 * Plan documents from the office's own template (Cấu hình → "Mẫu văn bản riêng") through the Docs
 * API: the template read once per execution, each copy filled by one batchUpdate
 * (domain/document/template-requests.ts). generate.ts batches a step's documents and keeps the
 * DocumentApp way (gas/fill-template.ts) as the fallback.
 */

type Folder = GoogleAppsScript.Drive.Folder;

/** A generated Doc and its PDF. */
interface MadeDocument {
  readonly docId: string;
  readonly pdfId: string;
}

/** A fault of the office's template itself: every unit would fail alike, so it stops the run. */
export class TemplateError extends Error {}

/** The task table an office template's {{BANG_NHIEM_VU}} stands for. */
export function templateTable(content: PlanContent) {
  return {
    rows: taskTable(content.tasks, DEFAULT_TASK_COLUMNS, summarizeBudget(content.tasks)),
    widths: tableWidths(DEFAULT_TASK_COLUMNS),
  };
}

export function templateError(left: readonly string[]): TemplateError {
  return new TemplateError(
    `Mẫu văn bản còn trường chưa thay được: ${left.map((n) => `{{${quoted(n)}}}`).join(', ')}. Sửa mẫu rồi chạy lại.`,
  );
}

/**
 * The batchUpdate that fills a copy of the office's template with this content
 * (domain/document/template-requests.ts), or `fallback` when the Docs API way cannot make it
 * (switched off, refused for good, or a template it cannot fill exactly as DocumentApp does).
 * Throws a passing fault of the template's read.
 */
export function officeTemplateFill(
  templateId: string,
  content: PlanContent,
  memory: DocsApiMemory,
): TemplateFill | { fallback: string } {
  const layout = officeTemplateLayout(templateId, memory);
  if ('fallback' in layout) return layout;
  const fill = templateRequests(
    layout.body,
    layout.elsewhere,
    placeholderValues(layout.names, content),
    templateTable(content),
  );
  return 'decline' in fill ? { fallback: fill.decline } : fill;
}

/**
 * The office's template the Docs API way, one document: its Doc and PDF, or null when it is to be
 * made with DocumentApp (see officeTemplateFill, or the API refused for good). A failure that may
 * pass leaves nothing (the batch trashes its half) and throws, so the retry uses the API again.
 */
export function fromTemplateThroughApi(
  templateId: string,
  output: Folder,
  spec: DocSpec,
  content: PlanContent,
  memory: DocsApiMemory,
): MadeDocument | null {
  if (apiOff(1, memory)) return null;
  const fill = officeTemplateFill(templateId, content, memory);
  if ('left' in fill) throw templateError(fill.left);
  if (!('requests' in fill)) return null;
  const [made] = createCopiesWithPdfs(
    [{ name: spec.name, requests: fill.requests, checks: fill.checks }],
    { id: templateId, label: 'mẫu văn bản' },
    output,
    memory,
  );
  if ('docId' in made) return made;
  if ('retry' in made) throw passingFault('tạo văn bản từ mẫu', made.retry);
  return null;
}
