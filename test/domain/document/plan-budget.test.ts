import { AgencyDirectory, readTaskTable } from '../../../src/domain/consolidate/read-task-table';
import { localPlanContent } from '../../../src/domain/document/plan-content';
import { planDocument } from '../../../src/domain/document/plan-document';
import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { sampleConfig } from '../../fixtures/config';

/** Section V of the plan with tasks paid from public investment and a task naming only its source. */
describe("the plan document's budget section (issue 15 sources)", () => {
  it('names public investment as a source of its own and counts tasks without an amount', () => {
    const grid: string[][] = [['PHỤ LỤC II'], [''], [''], DEFAULT_TASK_COLUMNS.map((c) => c.header)];
    const task = (name: string, budget: string, source: string) => [
      '',
      name,
      'Kết quả',
      'Phòng Nội vụ',
      '',
      'Quý II/2025',
      budget,
      source,
      '',
    ];
    REFORM_AREAS.forEach((area, a) => {
      grid.push([area.roman, area.tableTitle]);
      if (a === 6) {
        grid.push(task('Trung tâm dữ liệu', '2 tỷ', 'Vốn đầu tư công'));
        grid.push(task('Phần mềm một cửa', 'Vốn ODA', ''));
        grid.push(task('Hội nghị', '20 triệu', 'Nguồn vốn hợp pháp khác'));
      }
    });
    const { rows } = readTaskTable({ code: 'NV', name: 'Phòng Nội vụ' }, 'Nhiệm vụ', grid, {
      planYear: 2025,
      columns: DEFAULT_TASK_COLUMNS,
      agencies: new AgencyDirectory(['Phòng Nội vụ']),
    });
    const spec = planDocument('Kế hoạch', localPlanContent(sampleConfig(), rows), DEFAULT_TASK_COLUMNS);
    const texts = spec.blocks.flatMap((b) => (b.kind === 'para' ? [b.para.text] : []));
    expect(texts).toContain('Tổng kinh phí: 2.020.000.000 đồng, trong đó:');
    expect(texts).toContain('- Vốn đầu tư công: 2.000.000.000 đồng;');
    expect(texts).toContain('- Các nguồn vốn hợp pháp khác: 20.000.000 đồng.');
    expect(texts).toContain(
      '- Các nhiệm vụ đã xác định nguồn kinh phí nhưng chưa có số tiền (không tính vào tổng kinh phí): 1 nhiệm vụ.',
    );
  });
});
