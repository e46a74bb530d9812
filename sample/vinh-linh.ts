/**
 * The seed's district as sample configuration: Vĩnh Linh (Quảng Trị), plan year 2025, with the
 * units the letter addresses — the district's specialized agencies, public service units and the
 * commune and town committees. Emails are on a reserved example domain.
 */
export const SAMPLE_YEAR = 2025;
export const SAMPLE_ADMIN = 'noivu@vinhlinh.example.vn';
export const SAMPLE_DOMAIN = 'vinhlinh.example.vn';

export interface SampleUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: 'Cơ quan chuyên môn' | 'Đơn vị sự nghiệp' | 'UBND xã, thị trấn';
}

const AGENCIES: [string, string][] = [
  ['VP', 'Văn phòng HĐND và UBND huyện'],
  ['NV', 'Phòng Nội vụ'],
  ['TP', 'Phòng Tư pháp'],
  ['TCKH', 'Phòng Tài chính - Kế hoạch'],
  ['KTHT', 'Phòng Kinh tế và Hạ tầng'],
  ['NNPTNT', 'Phòng Nông nghiệp và Phát triển nông thôn'],
  ['TNMT', 'Phòng Tài nguyên và Môi trường'],
  ['LDTBXH', 'Phòng Lao động - Thương binh và Xã hội'],
  ['VHTT', 'Phòng Văn hóa và Thông tin'],
  ['GDDT', 'Phòng Giáo dục và Đào tạo'],
  ['YT', 'Phòng Y tế'],
  ['TTR', 'Thanh tra huyện'],
];

const SERVICE_UNITS: [string, string][] = [
  ['VHTTDL', 'Trung tâm Văn hóa - Thể thao và Du lịch'],
  ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng'],
  ['GDNN', 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên'],
  ['DVNN', 'Trung tâm Dịch vụ nông nghiệp'],
  ['RPH', 'Ban Quản lý rừng phòng hộ'],
];

const COMMUNES: [string, string][] = [
  ['HX', 'UBND thị trấn Hồ Xá'],
  ['CT', 'UBND thị trấn Cửa Tùng'],
  ['BQ', 'UBND thị trấn Bến Quan'],
  ['VTH', 'UBND xã Vĩnh Thái'],
  ['VTU', 'UBND xã Vĩnh Tú'],
  ['VC', 'UBND xã Vĩnh Chấp'],
  ['TN', 'UBND xã Trung Nam'],
  ['KT', 'UBND xã Kim Thạch'],
  ['VL', 'UBND xã Vĩnh Long'],
  ['VK', 'UBND xã Vĩnh Khê'],
  ['VHO', 'UBND xã Vĩnh Hòa'],
  ['VTY', 'UBND xã Vĩnh Thủy'],
  ['VLA', 'UBND xã Vĩnh Lâm'],
  ['HT', 'UBND xã Hiền Thành'],
  ['VTA', 'UBND xã Vĩnh Thành'],
  ['VHA', 'UBND xã Vĩnh Hà'],
  ['VS', 'UBND xã Vĩnh Sơn'],
  ['VG', 'UBND xã Vĩnh Giang'],
  ['VO', 'UBND xã Vĩnh Ô'],
];

export const SAMPLE_UNITS: readonly SampleUnit[] = [
  ...AGENCIES.map(([code, name]) => ({ code, name, kind: 'Cơ quan chuyên môn' as const })),
  ...SERVICE_UNITS.map(([code, name]) => ({ code, name, kind: 'Đơn vị sự nghiệp' as const })),
  ...COMMUNES.map(([code, name]) => ({ code, name, kind: 'UBND xã, thị trấn' as const })),
];

export function focalEmail(unit: Pick<SampleUnit, 'code'>): string {
  return `cchc.${unit.code.toLowerCase()}@${SAMPLE_DOMAIN}`;
}

export function headEmail(unit: Pick<SampleUnit, 'code'>): string {
  return `lanhdao.${unit.code.toLowerCase()}@${SAMPLE_DOMAIN}`;
}

/** The registry's input columns (code, name, kind, focal emails, head email) for `units`. */
export function registryRows(units: readonly SampleUnit[] = SAMPLE_UNITS): string[][] {
  return units.map((u) => [u.code, u.name, u.kind, focalEmail(u), headEmail(u)]);
}
