import { DocSpec } from '../../../src/domain/document/doc-spec';
import {
  capProblem,
  clip,
  MAX_DOC_CHARS,
  MAX_DOC_TASKS,
  MAX_PROBLEM_CHARS,
  oversizeReason,
  quoted,
  specChars,
} from '../../../src/domain/document/limits';

const spec = (cellText: string, rows: number): DocSpec => ({
  name: 'Văn bản',
  blocks: [
    { kind: 'para', para: { role: 'body', text: 'Mở đầu' } },
    {
      kind: 'columns',
      left: [{ role: 'authority', text: 'UBND' }],
      right: [{ role: 'national', text: 'CỘNG HÒA' }],
      widths: [200, 300],
    },
    {
      kind: 'table',
      rows: Array.from({ length: rows }, () => ({ kind: 'task' as const, cells: [cellText, 'x'] })),
      widths: [100, 100],
    },
    { kind: 'pageBreak' },
  ],
});

describe('document limits', () => {
  it('counts every character of paragraphs, columns and table cells', () => {
    expect(specChars(spec('abc', 2))).toBe('Mở đầu'.length + 'UBND'.length + 'CỘNG HÒA'.length + 2 * 4);
  });

  it('refuses too many task rows or too much text, saying what to do', () => {
    expect(oversizeReason(spec('a', 3), MAX_DOC_TASKS)).toBeNull();
    expect(oversizeReason(spec('a', 3), MAX_DOC_TASKS + 1)).toContain(`quá ${MAX_DOC_TASKS} dòng`);
    const long = 'ư'.repeat(Math.ceil(MAX_DOC_CHARS / 10) + 1);
    expect(oversizeReason(spec(long, 10), 10)).toContain(`quá ${MAX_DOC_CHARS} ký tự`);
    expect(oversizeReason(spec(long, 10), 10)).toContain('rút gọn');
  });

  it('caps quoted values and whole problem messages, marking the cut', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    const name = `UBND ${'xã '.repeat(20000)}`;
    expect(quoted(name).length).toBeLessThanOrEqual(120);
    expect(quoted('  Phòng\n  Tư   pháp ')).toBe('Phòng Tư pháp');
    const message = capProblem(`${name}: lỗi ${'x'.repeat(50000)}`);
    expect(message.length).toBe(MAX_PROBLEM_CHARS);
    expect(message.endsWith('…')).toBe(true);
  });
});
