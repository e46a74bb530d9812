/**
 * Checks on a written file for what makes Excel or Word open it only through a repair prompt
 * ("We found a problem with some content…"), read from the file's own XML rather than from what
 * we meant to write. An empty list means none was found; it is not a full schema validation.
 *
 * .xlsx: sheet names (valid and unique), one visible sheet, the active tab visible, cell and
 * range references inside Excel's grid, merges of two cells or more that do not overlap, data
 * validation ranges that do not overlap, the 255-character limits on their prompts and list sources, number
 * formats without letters Excel does not know.
 * .docx: every table cell ending with a paragraph, table grids as wide as their rows, hyperlinks
 * whose relationship exists, a page size.
 */
import { decodeXml, elementAttributes, elementBodies, readZipParts } from './readback';
import { sheetNameProblem } from './xlsx-sheet-names';

const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function cellOf(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]);
  return r >= 1 && r <= LAST_ROW && c >= 1 && c <= LAST_COL ? { r, c } : null;
}

function boxOf(ref: string): Box | null {
  const [a, b = a] = ref.split(':');
  const p = cellOf(a);
  const q = cellOf(b);
  if (!p || !q || p.r > q.r || p.c > q.c) return null;
  return { r1: p.r, c1: p.c, r2: q.r, c2: q.c };
}

function overlaps(a: Box, b: Box): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** Letters left once quoted text, escapes, brackets and known codes are taken out. */
function numberFormatProblem(code: string): string | null {
  const rest = code
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./gu, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .replace(/E[+-]/g, '');
  const stray = rest.replace(/[dmyhs]/gi, '').match(/\p{L}/u);
  return stray ? `number format "${code}" has a bare "${stray[0]}"` : null;
}

function workbookProblems(workbook: string, problems: string[]): void {
  const sheets = elementAttributes(workbook, 'sheet');
  const seen = new Set<string>();
  for (const s of sheets) {
    const problem = sheetNameProblem(s.name ?? '');
    if (problem) problems.push(`sheet name "${s.name}" ${problem}`);
    if (seen.has((s.name ?? '').toLowerCase())) problems.push(`sheet name "${s.name}" is used twice`);
    seen.add((s.name ?? '').toLowerCase());
  }
  if (!sheets.some((s) => s.state !== 'hidden' && s.state !== 'veryHidden'))
    problems.push('no visible sheet');
  const active = Number(elementAttributes(workbook, 'workbookView')[0]?.activeTab ?? 0);
  if (sheets[active] && sheets[active].state === 'hidden') problems.push('the active tab is a hidden sheet');
}

function worksheetProblems(path: string, xml: string, problems: string[]): void {
  for (const c of elementAttributes(xml, 'c')) {
    if (!cellOf(c.r ?? '')) problems.push(`${path}: bad cell reference ${c.r}`);
  }
  const merges: Box[] = [];
  for (const m of elementAttributes(xml, 'mergeCell')) {
    const box = boxOf(m.ref ?? '');
    if (!box) problems.push(`${path}: bad merge ${m.ref}`);
    else if (box.r1 === box.r2 && box.c1 === box.c2) problems.push(`${path}: one-cell merge ${m.ref}`);
    else if (merges.some((k) => overlaps(k, box))) problems.push(`${path}: merge ${m.ref} overlaps another`);
    if (box) merges.push(box);
  }
  const validated: Box[] = [];
  for (const dv of elementAttributes(xml, 'dataValidation')) {
    for (const ref of (dv.sqref ?? '').split(' ')) {
      const box = boxOf(ref);
      if (!box) problems.push(`${path}: bad validation range ${ref}`);
      else if (validated.some((k) => overlaps(k, box)))
        problems.push(`${path}: validation ${ref} overlaps another`);
      if (box) validated.push(box);
    }
    for (const key of ['prompt', 'error'] as const) {
      if ((dv[key] ?? '').length > 255)
        problems.push(`${path}: validation ${key} longer than 255 characters`);
    }
  }
  for (const f of elementBodies(xml, 'formula1')) {
    const source = decodeXml(f);
    if (source.startsWith('"') && source.length > 257)
      problems.push(`${path}: list source over 255 characters`);
  }
  for (const pane of elementAttributes(xml, 'pane')) {
    if (pane.topLeftCell && !cellOf(pane.topLeftCell)) problems.push(`${path}: bad pane ${pane.topLeftCell}`);
  }
}

export async function xlsxProblems(buffer: Buffer): Promise<string[]> {
  const parts = await readZipParts(buffer);
  const problems: string[] = [];
  workbookProblems(parts.get('xl/workbook.xml') ?? '', problems);
  for (const [path, xml] of parts) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) worksheetProblems(path, xml, problems);
  }
  for (const f of elementAttributes(parts.get('xl/styles.xml') ?? '', 'numFmt')) {
    const problem = numberFormatProblem(f.formatCode ?? '');
    if (problem) problems.push(problem);
  }
  return problems;
}

function tableProblems(part: string, xml: string, problems: string[]): void {
  for (const tc of elementBodies(xml, 'w:tc')) {
    if (!/<\/w:p>\s*$|<w:p\/>\s*$/.test(tc))
      problems.push(`${part}: a table cell does not end with a paragraph`);
  }
  for (const tbl of elementBodies(xml, 'w:tbl')) {
    if (tbl.includes('<w:tbl>') || tbl.includes('<w:tbl ')) continue; // nested: checked on its own
    const grid = elementAttributes(tbl, 'w:gridCol').length;
    for (const tr of elementBodies(tbl, 'w:tr')) {
      const spans = elementAttributes(tr, 'w:tc').length;
      const extra = elementAttributes(tr, 'w:gridSpan').reduce((s, g) => s + Number(g['w:val'] ?? 1) - 1, 0);
      if (spans + extra > grid) problems.push(`${part}: a row is wider than its table grid`);
    }
  }
}

export async function docxProblems(buffer: Buffer): Promise<string[]> {
  const parts = await readZipParts(buffer);
  const problems: string[] = [];
  const document = parts.get('word/document.xml');
  if (!document) return ['no word/document.xml'];
  if (elementAttributes(document, 'w:pgSz').length === 0) problems.push('no page size');
  for (const [path, xml] of parts) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(path)) {
      tableProblems(path, xml, problems);
      const rels = parts.get(path.replace(/^word\//, 'word/_rels/') + '.rels') ?? '';
      const ids = new Set(elementAttributes(rels, 'Relationship').map((r) => r.Id));
      for (const link of elementAttributes(xml, 'w:hyperlink')) {
        if (link['r:id'] && !ids.has(link['r:id']))
          problems.push(`${path}: hyperlink ${link['r:id']} has no target`);
      }
    }
  }
  return problems;
}
