/**
 * Reading exported files back, for tests and for a demo that wants to check what it wrote:
 * ExcelJS reads an .xlsx as a workbook; any Office file can be opened as its zip parts (JSZip)
 * and searched with the small XML helpers here (attributes of elements by tag name), which is
 * enough to check what Word or Excel will read without a full XML parser.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Every text part of an Office file (XML and .rels), by path inside the zip. */
export async function readZipParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const [path, entry] of Object.entries(zip.files)) {
    if (!entry.dir && /\.(xml|rels|vml)$/.test(path)) out.set(path, await entry.async('string'));
  }
  return out;
}

export interface DocxParts {
  document: string;
  styles: string;
  numbering: string;
  headers: string[];
  footers: string[];
  rels: string;
}

export async function readDocxParts(buffer: Buffer): Promise<DocxParts> {
  const parts = await readZipParts(buffer);
  const matching = (re: RegExp) => [...parts.entries()].filter(([p]) => re.test(p)).map(([, xml]) => xml);
  return {
    document: parts.get('word/document.xml') ?? '',
    styles: parts.get('word/styles.xml') ?? '',
    numbering: parts.get('word/numbering.xml') ?? '',
    headers: matching(/^word\/header\d*\.xml$/),
    footers: matching(/^word\/footer\d*\.xml$/),
    rels: parts.get('word/_rels/document.xml.rels') ?? '',
  };
}

export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The attributes (decoded) of every element named `tag` ("w:pgSz", "mergeCell"), in order. */
export function elementAttributes(xml: string, tag: string): Record<string, string>[] {
  const re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s[^>]*?)?/?>`, 'g');
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = decodeXml(a[2]);
    out.push(attrs);
  }
  return out;
}

/** The inner XML of every `tag` element (non-nested use: <w:p>, <w:tc>, <dataValidation>…). */
export function elementBodies(xml: string, tag: string): string[] {
  const esc = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...xml.matchAll(new RegExp(`<${esc}(?:\\s[^>]*)?>([\\s\\S]*?)</${esc}>`, 'g'))].map((m) => m[1]);
}

/**
 * The text of a WordprocessingML fragment: its <w:t> contents, tabs as "\t", line breaks as "\n",
 * page breaks as "\f".
 */
export function wordText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/g)) {
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else out += m[0].includes('w:type="page"') ? '\f' : '\n';
  }
  return out;
}
