import { urlFetchControls } from '../../emulator';
import { consume, remaining } from '../../emulator/core/quotas';
import {
  elementAttributes,
  elementBodies,
  exportDocument,
  readDocxParts,
  wordText,
} from '../../emulator/export';
import { documentModelOf } from '../../emulator/services/document';
import { amountWidth, LANDSCAPE_TEXT_WIDTH } from '../../src/domain/document/docs-requests';
import { LAYOUT_TEMPLATE_NAME } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { lastLog, Office } from '../fixtures/office';
import { commune, DOC_REQUESTS, docIdOf, refuseDocsApi, submittedOffice, UNITS } from '../fixtures/generate';

function generate(office: Office, codes = ''): void {
  office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, codes);
  entry.menuGenerateUnitPlans();
}

/**
 * An office whose documents were made once (the layout template with them), then each Doc deleted
 * by hand, so the next run makes every document anew (a rerun with the documents in place and the
 * data unchanged keeps them: no request at all); its call counts and requests cleared.
 */
function officeToRemake(): Office {
  const office = submittedOffice();
  generate(office); // makes the layout template once
  for (const unit of UNITS) office.emu.ctx.drive.deletePermanently(docIdOf(office, unit));
  office.emu.ctx.ledger.reset();
  urlFetchControls(office.emu.ctx).clearRequests();
  return office;
}

describe('Tạo văn bản kế hoạch through the Docs API', () => {
  let office: Office;
  afterEach(() => office.close());

  it('reads back (.docx) with Phụ lục II landscape, its header repeated and the signature kept whole', async () => {
    office = submittedOffice();
    generate(office);
    const id = docIdOf(office, commune);
    const parts = await readDocxParts(await exportDocument(office.emu.ctx, id));
    // Two sections: the plan portrait, the appendix landscape (A4 turned: 16838 × 11906 twips).
    const sizes = elementAttributes(parts.document, 'w:pgSz');
    expect(sizes.map((s) => [s['w:w'], s['w:h'], s['w:orient'] ?? 'portrait'])).toEqual([
      ['11906', '16838', 'portrait'],
      ['16838', '11906', 'landscape'],
    ]);
    // The appendix starts the landscape section: its label comes after the first sectPr.
    const firstSection = parts.document.indexOf('<w:sectPr');
    expect(parts.document.indexOf('>Phụ lục II<')).toBeGreaterThan(firstSection);
    // The task table's header row repeats on every page; no other row does.
    const taskTable = elementBodies(parts.document, 'w:tbl').find((t) => t.includes('>Kinh phí (đồng)<'))!;
    const rows = elementBodies(taskTable, 'w:tr');
    expect(rows[0]).toContain('<w:tblHeader');
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
    // The signature: authority, title and the blank space keep with the next paragraph down to the
    // signer's name, each kept on one page.
    const signature = elementBodies(parts.document, 'w:tbl').find((t) => t.includes('>Nơi nhận:<'))!;
    const signer = elementBodies(elementBodies(signature, 'w:tc')[1], 'w:p');
    expect(signer.length).toBeGreaterThanOrEqual(3);
    expect(signer.slice(0, -1).every((p) => p.includes('<w:keepNext'))).toBe(true);
    expect(signer.every((p) => p.includes('<w:keepLines'))).toBe(true);
    expect(signer[signer.length - 1]).not.toContain('<w:keepNext');
    expect(wordText(signer[signer.length - 1]).trim()).not.toBe('');
  });

  it('gives the amounts column room for its longest amount on one line', () => {
    office = submittedOffice();
    generate(office);
    const model = documentModelOf(office.emu.ctx, docIdOf(office, commune));
    const table = model.body.find((b) => b.type === 'table' && b.numColumns === 9);
    if (!table || table.type !== 'table') throw new Error('no task table');
    const budget = table.rows[0].cells.findIndex((c) => c.text === 'Kinh phí (đồng)');
    const amounts = table.rows
      .slice(1)
      .map((r) => r.cells[budget].text)
      .filter((t) => /^[\d.]+$/.test(t));
    expect(amounts.length).toBeGreaterThan(0);
    const longest = Math.max(...amounts.map((t) => t.length));
    expect(table.columnWidths[budget]).toBeGreaterThanOrEqual(amountWidth(longest));
    // The widths fill the landscape text width.
    const total = table.columnWidths.reduce((s: number, w) => s + (w ?? 0), 0);
    expect(total).toBeCloseTo(LANDSCAPE_TEXT_WIDTH, 0);
  });

  it('costs two Docs/Drive API requests per document, none of DocumentApp', () => {
    office = officeToRemake();
    generate(office);
    const calls = office.emu.ctx.ledger.snapshot();
    const served = urlFetchControls(office.emu.ctx).requests();
    const fills = served.filter((r) => DOC_REQUESTS.fill.test(r.url));
    const copies = served.filter((r) => DOC_REQUESTS.copy.test(r.url));
    expect([fills.length, copies.length]).toEqual([UNITS.length, UNITS.length]);
    expect(fills.every((r) => r.status === 200)).toBe(true);
    expect(calls['DocumentApp.create'] ?? 0).toBe(0);
    expect(calls['Body.appendParagraph'] ?? 0).toBe(0);
    expect(calls['Body.appendTable'] ?? 0).toBe(0);
  });

  it("sends a step's copies, fills and PDF exports each in one fetchAll, not one per unit", () => {
    office = officeToRemake();
    generate(office);
    const served = urlFetchControls(office.emu.ctx).requests();
    for (const pattern of Object.values(DOC_REQUESTS)) {
      const sent = served.filter((r) => pattern.test(r.url));
      expect(sent).toHaveLength(UNITS.length);
      // All of a kind arrive together: one fetchAll for the step's units.
      expect(new Set(sent.map((r) => r.atMs)).size).toBe(1);
      expect(sent.every((r) => r.status === 200)).toBe(true);
    }
    const calls = office.emu.ctx.ledger.snapshot();
    // The PDFs come from the export endpoint, saved with one createFile each; no DriveApp getAs.
    expect(calls['File.getAs'] ?? 0).toBe(0);
    expect(calls['Folder.createFile']).toBe(UNITS.length);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  const namedCommuneDocs = (office: Office) =>
    office.emu.ctx.drive.all().filter((it) => it.name === `Văn bản KH CCHC 2025 - ${commune.name}`);

  it('falls back to DocumentApp when the Docs API is not enabled, trashing the unfilled copy, each document made once', () => {
    office = submittedOffice();
    refuseDocsApi(office, /docs\.googleapis\.com/);
    generate(office);
    const id = docIdOf(office, commune);
    const model = documentModelOf(office.emu.ctx, id);
    expect(model.body.some((b) => b.type === 'paragraph' && b.text === 'Phụ lục II')).toBe(true);
    const named = namedCommuneDocs(office);
    expect(named.map((it) => office.emu.ctx.drive.isTrashed(it)).sort()).toEqual([false, true]);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('remembers a refusal for good: after it no unit spends another copy on the Docs API', () => {
    office = submittedOffice();
    refuseDocsApi(office, /docs\.googleapis\.com/);
    urlFetchControls(office.emu.ctx).clearRequests();
    office.emu.ctx.ledger.reset();
    generate(office);
    const served = urlFetchControls(office.emu.ctx).requests();
    // One copy per unit (the batch's, trashed when its fill was refused); the units' retries then
    // go straight to DocumentApp instead of copying again to hear the same refusal.
    expect(served.filter((r) => DOC_REQUESTS.copy.test(r.url))).toHaveLength(UNITS.length);
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create']).toBe(1 + UNITS.length);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('takes back a layout template a stopped run made but never recorded, instead of making a second', () => {
    office = submittedOffice();
    // Left in My Drive's root by DocumentApp.create, the run stopped before moving or recording it.
    const leftover = office.emu.DocumentApp.create(LAYOUT_TEMPLATE_NAME).getId();
    office.emu.ctx.ledger.reset();
    generate(office);
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create'] ?? 0).toBe(0);
    const templates = office.emu.ctx.drive.all().filter((it) => it.name === LAYOUT_TEMPLATE_NAME);
    expect(templates.map((it) => it.id)).toEqual([leftover]);
    expect(office.emu.DriveApp.getFileById(leftover).getParents().next().getName()).toBe(
      'Kế hoạch CCHC 2025 - Văn bản',
    );
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it("makes the documents with DocumentApp once the day's UrlFetch calls are spent (nothing was sent)", () => {
    office = submittedOffice();
    consume(office.emu.ctx, 'urlfetch', remaining(office.emu.ctx, 'urlfetch'));
    office.emu.ctx.ledger.reset();
    generate(office);
    // The layout template and one DocumentApp document per unit; no copy was made to trash.
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create']).toBe(1 + UNITS.length);
    expect(namedCommuneDocs(office).map((it) => office.emu.ctx.drive.isTrashed(it))).toEqual([false]);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('does not fall back on a passing fault: the copy goes to the trash and the retry fills a new one through the API', () => {
    office = submittedOffice();
    urlFetchControls(office.emu.ctx).failNext(/docs\.googleapis\.com/, 503);
    office.emu.ctx.ledger.reset();
    generate(office);
    // Only the layout template is a DocumentApp document; both plans are the API's (landscape appendix).
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create']).toBe(1);
    const model = documentModelOf(office.emu.ctx, docIdOf(office, commune));
    expect(model.body.some((b) => b.type === 'paragraph' && b.text === 'Phụ lục II')).toBe(true);
    const live = namedCommuneDocs(office).filter((it) => !office.emu.ctx.drive.isTrashed(it));
    expect(live).toHaveLength(1);
    expect(lastLog(office.master)[4]).toBe(`tạo ${UNITS.length}, lỗi 0`);
  });

  it('reports a unit whose fill keeps failing instead of making it another way, and leaves nothing of it live', () => {
    office = submittedOffice();
    urlFetchControls(office.emu.ctx).failNext(/docs\.googleapis\.com/, 503, { times: 100 });
    office.emu.ctx.ledger.reset();
    generate(office);
    expect(office.emu.ctx.ledger.snapshot()['DocumentApp.create']).toBe(1); // the layout template only
    expect(namedCommuneDocs(office).every((it) => office.emu.ctx.drive.isTrashed(it))).toBe(true);
    expect(namedCommuneDocs(office).length).toBeGreaterThan(0);
    expect(lastLog(office.master)[4]).toBe(`tạo 0, lỗi ${UNITS.length}`);
    expect(docIdOf(office, commune)).toBe('');
  });
});
