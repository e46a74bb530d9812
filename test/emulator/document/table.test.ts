import { newDoc, thrown } from './helpers';

const HEADER = ['TT', 'Nhiệm vụ', 'Kết quả/Sản phẩm', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];

function table() {
  const env = newDoc();
  const t = env.body.appendTable([HEADER, ['1.', 'Rà soát TTHC', 'Báo cáo', 'Phòng Nội vụ', 'Quý I/2025']]);
  return { ...env, t };
}

describe('Table structure', () => {
  test('rows, cells, text; out-of-range indexes fail', () => {
    const { t } = table();
    expect(String(t)).toBe('Table');
    expect(t.getNumRows()).toBe(2);
    expect(t.getNumChildren()).toBe(2);
    expect(t.getRow(1).getNumCells()).toBe(5);
    expect(t.getCell(1, 4).getText()).toBe('Quý I/2025');
    expect(t.getRow(0).getCell(1).getText()).toBe('Nhiệm vụ');
    expect(t.getText()).toBe(
      [...HEADER, '1.', 'Rà soát TTHC', 'Báo cáo', 'Phòng Nội vụ', 'Quý I/2025'].join('\n'),
    );
    expect(thrown(() => t.getRow(2)).message).toBe(
      'Child index (2) must be less than the number of child elements (2).',
    );
    expect(thrown(() => t.getCell(0, 5)).message).toBe(
      'Child index (5) must be less than the number of child elements (5).',
    );
  });

  test('rows and cells are added, inserted and removed', () => {
    const { t } = table();
    const row = t.appendTableRow();
    expect(row.getNumCells()).toBe(0);
    row.appendTableCell('2.');
    row.appendTableCell('Số hóa hồ sơ');
    row.insertTableCell(1, 'chèn');
    expect(row.getText()).toBe('2.\nchèn\nSố hóa hồ sơ');
    expect(row.removeCell(1).getText()).toBe('chèn');
    expect(row.getParentTable().getNumRows()).toBe(3);
    const removed = t.removeRow(0);
    expect(removed.getCell(0).getText()).toBe('TT');
    expect(removed.getParent()).toBeNull();
    t.insertTableRow(0, removed);
    expect(t.getCell(0, 0).getText()).toBe('TT');
    expect(thrown(() => t.appendTableRow(t.getRow(1))).message).toBe('Element must be detached.');
  });

  test('a removed or copied table is detached and can be inserted again', () => {
    const { body, t } = table();
    const copy = t.copy();
    body.insertTable(1, copy);
    expect(body.getTables()).toHaveLength(2);
    expect(thrown(() => body.appendTable(t)).message).toBe('Element must be detached.');
  });
});

describe('Table formatting', () => {
  test('column widths belong to the table; cells report their column’s width', () => {
    const { t } = table();
    expect(t.getColumnWidth(0)).toBeNull();
    t.setColumnWidth(0, 28).setColumnWidth(1, 150);
    expect(t.getColumnWidth(1)).toBe(150);
    expect(t.getCell(1, 1).getWidth()).toBe(150);
    t.getCell(0, 2).setWidth(90);
    expect(t.getColumnWidth(2)).toBe(90);
    expect(thrown(() => t.setColumnWidth(9, 10)).message).toBe(
      'Child index (9) must be less than the number of child elements (5).',
    );
  });

  test('borders', () => {
    const { t } = table();
    expect(t.getBorderWidth()).toBeNull();
    t.setBorderWidth(0.5).setBorderColor('#000000');
    expect([t.getBorderWidth(), t.getBorderColor()]).toEqual([0.5, '#000000']);
    expect(t.getAttributes()).toMatchObject({ BORDER_WIDTH: 0.5, BORDER_COLOR: '#000000' });
    expect(thrown(() => t.setBorderColor('black')).message).toBe('Invalid argument: color');
  });

  test('rows: minimum height; cells: fill, vertical alignment, padding, spans', () => {
    const { app, t } = table();
    t.getRow(0).setMinimumHeight(20);
    expect(t.getRow(0).getMinimumHeight()).toBe(20);
    const cell = t.getCell(0, 1);
    cell
      .setBackgroundColor('#D9D9D9')
      .setVerticalAlignment(app.VerticalAlignment.CENTER)
      .setPaddingTop(2)
      .setPaddingBottom(2)
      .setPaddingLeft(4)
      .setPaddingRight(4);
    expect(cell.getBackgroundColor()).toBe('#d9d9d9');
    expect(cell.getVerticalAlignment()).toBe(app.VerticalAlignment.CENTER);
    expect([cell.getPaddingTop(), cell.getPaddingLeft()]).toEqual([2, 4]);
    expect([cell.getColSpan(), cell.getRowSpan()]).toEqual([1, 1]);
    expect(cell.getParentRow().getCell(1).getText()).toBe('Nhiệm vụ');
    expect(cell.getParentTable().getNumRows()).toBe(2);
  });

  test('BOLD on a cell makes its text bold; BACKGROUND_COLOR there is the cell’s fill', () => {
    const { app, t } = table();
    const cell = t.getCell(0, 0);
    cell.setAttributes({
      [String(app.Attribute.BOLD)]: true,
      [String(app.Attribute.BACKGROUND_COLOR)]: '#eeeeee',
      [String(app.Attribute.HORIZONTAL_ALIGNMENT)]: app.HorizontalAlignment.CENTER,
    });
    expect(cell.editAsText().isBold()).toBe(true);
    expect(cell.editAsText().getBackgroundColor()).toBeNull();
    expect(cell.getBackgroundColor()).toBe('#eeeeee');
    expect(String(cell.getChild(0).asParagraph().getAlignment())).toBe('CENTER');
    // Whole-table text attributes
    t.setAttributes({ [String(app.Attribute.FONT_SIZE)]: 12 });
    expect(t.getCell(1, 3).editAsText().getFontSize()).toBe(12);
  });

  test('a cell holds paragraphs: setText, appendParagraph, and its last paragraph stays', () => {
    const { t } = table();
    const cell = t.getCell(1, 1);
    cell.setText('Rà soát,\nđơn giản hóa');
    expect(cell.getNumChildren()).toBe(1);
    expect(cell.getText()).toBe('Rà soát,\rđơn giản hóa');
    cell.appendParagraph('- Quý I');
    expect(cell.getText()).toBe('Rà soát,\rđơn giản hóa\n- Quý I');
    expect(thrown(() => cell.getChild(1).removeFromParent()).message).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    cell.replaceText('Quý I', 'Quý II');
    expect(cell.getChild(1).asParagraph().getText()).toBe('- Quý II');
  });
});

describe('Table cost', () => {
  it('charges a table inserted at an index like one appended: by its cells', () => {
    const cells = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 9 }, (_c, j) => `${i}.${j}`));
    const appended = newDoc();
    const before = appended.ctx.ledger.modeledTimeMs();
    appended.body.appendTable(cells);
    const appendMs = appended.ctx.ledger.modeledTimeMs() - before;
    const inserted = newDoc();
    const start = inserted.ctx.ledger.modeledTimeMs();
    inserted.body.insertTable(0, cells);
    const insertMs = inserted.ctx.ledger.modeledTimeMs() - start;
    expect(inserted.ctx.ledger.count('Body.insertTable')).toBe(1);
    expect(appendMs).toBeGreaterThan(10 * 1000); // 9,000 cells: seconds, not milliseconds
    expect(insertMs).toBe(appendMs);
  });
});
