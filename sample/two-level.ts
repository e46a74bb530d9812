/**
 * Two samples of two-level local government (since 1 July 2025), for plan year 2027: a merged
 * province (Quảng Trị, with Sở Nội vụ coordinating its sở, ban, ngành, central agencies in the
 * province, public service units and its xã, phường, đặc khu) and one commune (xã Cửa Tùng, with
 * its own offices and units). Emails are on reserved example domains.
 */
export const TWO_LEVEL_YEAR = 2027;

export interface LevelSample {
  readonly key: 'tinh' | 'xa';
  /** The answer to setup's preset question. */
  readonly presetAnswer: string;
  readonly admin: string;
  readonly domain: string;
  /** Settings the office types after setup (key → value). */
  readonly settings: Readonly<Record<string, string>>;
  readonly units: readonly { code: string; name: string; kind: string }[];
}

const SO: [string, string][] = [
  ['VP', 'Văn phòng UBND tỉnh'],
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SXD', 'Sở Xây dựng'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo'],
  ['TTR', 'Thanh tra tỉnh'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế tỉnh'],
  ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh'],
  ['BQLPN', 'Ban Quản lý Vườn quốc gia Phong Nha - Kẻ Bàng'],
  ['BQLGT', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh'],
  ['BQLNN', 'Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh'],
  ['BQLDT', 'Ban Quản lý các dự án ODA và đầu tư phát triển tỉnh'],
  ['BQLKCN', 'Ban Quản lý Khu bảo tồn thiên nhiên tỉnh'],
];

const CENTRAL: [string, string][] = [
  ['CA', 'Công an tỉnh'],
  ['THUE', 'Thuế tỉnh Quảng Trị'],
  ['BHXH', 'Bảo hiểm xã hội tỉnh Quảng Trị'],
  ['TK', 'Thống kê tỉnh Quảng Trị'],
];

const PUBLIC_SERVICE: [string, string][] = [
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh'],
  ['BAO', 'Báo và Phát thanh, Truyền hình Quảng Trị'],
  ['DHQB', 'Trường Đại học Quảng Bình'],
  ['BVDK', 'Bệnh viện Đa khoa tỉnh'],
];

const COMMUNES: [string, string][] = [
  ['DHOI', 'UBND phường Đồng Hới'],
  ['DTHUAN', 'UBND phường Đồng Thuận'],
  ['DSON', 'UBND phường Đồng Sơn'],
  ['BADON', 'UBND phường Ba Đồn'],
  ['BGIANH', 'UBND phường Bắc Gianh'],
  ['DHA', 'UBND phường Đông Hà'],
  ['NDHA', 'UBND phường Nam Đông Hà'],
  ['PQT', 'UBND phường Quảng Trị'],
  ['VLINH', 'UBND xã Vĩnh Linh'],
  ['CTUNG', 'UBND xã Cửa Tùng'],
  ['VHOANG', 'UBND xã Vĩnh Hoàng'],
  ['VTHUY', 'UBND xã Vĩnh Thủy'],
  ['BQUAN', 'UBND xã Bến Quan'],
  ['CTIEN', 'UBND xã Cồn Tiên'],
  ['GLINH', 'UBND xã Gio Linh'],
  ['CVIET', 'UBND xã Cửa Việt'],
  ['KSANH', 'UBND xã Khe Sanh'],
  ['LBAO', 'UBND xã Lao Bảo'],
  ['HHOA', 'UBND xã Hướng Hóa'],
  ['TPHONG', 'UBND xã Triệu Phong'],
  ['HLANG', 'UBND xã Hải Lăng'],
  ['BTRACH', 'UBND xã Bố Trạch'],
  ['PNHA', 'UBND xã Phong Nha'],
  ['LTHUY', 'UBND xã Lệ Thủy'],
  ['QNINH', 'UBND xã Quảng Ninh'],
  ['THOA', 'UBND xã Tuyên Hóa'],
  ['MHOA', 'UBND xã Minh Hóa'],
  ['CCO', 'UBND đặc khu Cồn Cỏ'],
];

export const PROVINCE_SAMPLE: LevelSample = {
  key: 'tinh',
  presetAnswer: '1',
  admin: 'cchc@snv.quangtri.example.vn',
  domain: 'quangtri.example.vn',
  settings: {
    issuingAuthority: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
    placeName: 'Quảng Trị',
    signerAuthority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Hoàng Văn Bình',
  },
  units: [
    ...SO.map(([code, name]) => ({ code, name, kind: 'Sở, ban, ngành' })),
    ...CENTRAL.map(([code, name]) => ({ code, name, kind: 'Cơ quan Trung ương trên địa bàn tỉnh' })),
    ...PUBLIC_SERVICE.map(([code, name]) => ({ code, name, kind: 'Đơn vị sự nghiệp' })),
    ...COMMUNES.map(([code, name]) => ({ code, name, kind: 'UBND xã, phường, đặc khu' })),
  ],
};

export const COMMUNE_SAMPLE: LevelSample = {
  key: 'xa',
  presetAnswer: '2',
  admin: 'vanphong@cuatung.example.vn',
  domain: 'cuatung.example.vn',
  settings: {
    issuingAuthority: 'ỦY BAN NHÂN DÂN XÃ CỬA TÙNG',
    placeName: 'Cửa Tùng',
    signerName: 'Trần Thị Hoa',
  },
  units: [
    { code: 'VP', name: 'Văn phòng HĐND và UBND xã', kind: 'Phòng chuyên môn' },
    { code: 'KT', name: 'Phòng Kinh tế', kind: 'Phòng chuyên môn' },
    { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'Phòng chuyên môn' },
    { code: 'TTPV', name: 'Trung tâm Phục vụ hành chính công xã', kind: 'Đơn vị sự nghiệp' },
    { code: 'MN', name: 'Trường Mầm non Cửa Tùng', kind: 'Đơn vị sự nghiệp' },
    { code: 'TH', name: 'Trường Tiểu học Cửa Tùng', kind: 'Đơn vị sự nghiệp' },
    { code: 'THCS', name: 'Trường Trung học cơ sở Cửa Tùng', kind: 'Đơn vị sự nghiệp' },
  ],
};

export function sampleRegistryRows(sample: LevelSample): string[][] {
  return sample.units.map((u) => [
    u.code,
    u.name,
    u.kind,
    `cchc.${u.code.toLowerCase()}@${sample.domain}`,
    `lanhdao.${u.code.toLowerCase()}@${sample.domain}`,
  ]);
}
