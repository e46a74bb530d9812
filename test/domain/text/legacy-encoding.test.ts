import {
  decodeLegacy,
  detectLegacyEncoding,
  encodeLegacy,
  LegacyEncoding,
} from '../../../src/domain/text/legacy-encoding';

/** Real phrases from plans and letters, in mixed case (no toned capital starts a word). */
const PHRASES = [
  'Phòng Tài chính - Kế hoạch',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính nhà nước',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
  'Duy trì, nâng cao các chỉ số CCHC (PAR INDEX), PAPI, SIPAS, PCI',
  'Công tác chỉ đạo, điều hành cải cách hành chính',
  'Người đứng đầu cơ quan chịu trách nhiệm trước Chủ tịch',
  'Kinh phí thường xuyên',
  'Thường xuyên, liên tục',
  'Rà soát, cắt giảm, đơn giản hóa thủ tục hành chính nội bộ',
  'Thực hiện xin lỗi cá nhân, tổ chức khi trễ hạn hồ sơ',
  'Nguyễn Thị Hường, Lê Văn Thành, Trần Quốc Tuấn',
  'Sở Nội vụ tỉnh Quảng Trị',
  'sức khoẻ, thuỷ lợi, hoà giải, quý, khuya, nguyệt, khuỷu tay',
  'Tiếng Việt rất hay',
  'Đảng ủy, Ăn uống, Ơn nghĩa, Ưu tiên, Ông bà, Âm thanh, Ê-kíp',
];

/** Whole lines in capitals: TCVN3 restores the capitals that .VnTimeH text had. */
const CAPITAL_LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'UBND XÃ VĨNH LINH',
  'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025',
];

const ENCODINGS: LegacyEncoding[] = ['TCVN3', 'VNI'];

describe('encode → detect → decode round trip', () => {
  for (const encoding of ENCODINGS) {
    it.each(PHRASES.concat(CAPITAL_LINES))(`${encoding}: %s`, (phrase) => {
      const garbled = encodeLegacy(phrase, encoding);
      expect(garbled).not.toBe(phrase);
      expect(detectLegacyEncoding(garbled)).toEqual({ encoding, suggestion: phrase });
    });
  }

  it('VNI keeps toned capitals, TCVN3 (.VnTime has none) lowers them in mixed-case text', () => {
    expect(detectLegacyEncoding(encodeLegacy('Ủy ban nhân dân xã', 'VNI'))?.suggestion).toBe(
      'Ủy ban nhân dân xã',
    );
    expect(detectLegacyEncoding(encodeLegacy('Ủy ban nhân dân xã', 'TCVN3'))?.suggestion).toBe(
      'ủy ban nhân dân xã',
    );
  });
});

describe('hand-checked legacy text', () => {
  it.each([
    ['Phßng', 'Phòng'],
    ['B\u00B6o Th\u00BEng', 'Bảo Thắng'],
    ['M\u00AD\u00EAng Kh\u00AD\u00ACng', 'Mường Khương'],
    ['TiÕng ViÖt rÊt hay', 'Tiếng Việt rất hay'],
    ['Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['Ph\u00B8ng', 'Pháng'],
  ])('TCVN3 %j → %j', (garbled, expected) => {
    expect(detectLegacyEncoding(garbled)).toEqual({ encoding: 'TCVN3', suggestion: expected });
  });

  it.each([
    ['Phoøng', 'Phòng'],
    ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
    ['Tieáng Vieät raát hay', 'Tiếng Việt rất hay'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['ÑAÛNG UÛY', 'ĐẢNG ỦY'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['PHOøNG', 'PHÒNG'], // mark in lower case after a capital
  ])('VNI %j → %j', (garbled, expected) => {
    expect(detectLegacyEncoding(garbled)).toEqual({ encoding: 'VNI', suggestion: expected });
  });

  it('decodes with an explicit encoding even when detection would not be sure', () => {
    expect(decodeLegacy('c\u00B8c', 'TCVN3')).toBe('các');
    expect(decodeLegacy('caùc', 'VNI')).toBe('các');
  });

  it('returns NFC', () => {
    const suggestion = detectLegacyEncoding('Phoøng Taøi chính')?.suggestion ?? '';
    expect(suggestion).toBe(suggestion.normalize('NFC'));
    expect(suggestion).toBe('Phòng Tài chính');
  });
});

describe('ordinary text is never flagged', () => {
  // Lines of the district letter (seed) and of a plan, as typed in Unicode.
  const vietnamese = [
    'Thực hiện Công văn số 1805/SNV-CCHCVTLT ngày 22/11/2024 của Sở Nội vụ tỉnh Quảng Trị về việc tham mưu xây dựng kế hoạch Cải cách hành chính năm 2025',
    'Giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan có liên quan tham mưu UBND huyện xây dựng và ban hành Kế hoạch',
    'các văn bản chỉ đạo của Tỉnh uỷ, UBND tỉnh.',
    'Thực hiện việc sát hạch cán bộ, công chức, viên chức định kỳ (theo Nghị quyết số 01-NQ/TU ngày 04/11/2021 của Tỉnh uỷ Quảng Trị).',
    'Hiện đại hoá trang thiết bị làm việc cho cơ quan hành chính nhà nước, nhất là UBND xã, thị trấn.',
    'Đề ra các giải pháp, hình thức chỉ đạo, tổ chức triển khai nhằm nâng cao các chỉ số cấp tỉnh (PAPI, SIAPAS, PCI, và Chỉ số CCHC)',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Vĩnh Linh, ngày 05 tháng 02 năm 2025',
    'Tổng kinh phí: 50.000.000 đồng',
    'Quý I/2025',
    'Thường xuyên',
    'Phòng',
    'ý kiến',
    'Đắk Lắk, Đắk Nông, Kon Tum',
    'Hoà, hòa, thuỷ, thủy, khoẻ, khỏe',
    'Phòng Tài chính–Kế hoạch «trích»',
    'Thủ tục hành chính: 100% hồ sơ được giải quyết đúng hạn',
  ];
  const other = [
    'Hello world',
    'PAR INDEX, PAPI, SIPAS, PCI',
    'café très bon',
    'Müller GmbH',
    'naïve São Paulo',
    'Señor Peña',
    '50 °C × 3 ± 5 %',
    '© 2025 § 3 ½ ¼',
    '1.234.567',
    '',
    'Crème brûlée à la française',
  ];

  it.each(vietnamese.concat(other))('%j', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it.each(vietnamese)('NFD %j', (text) => {
    expect(detectLegacyEncoding(text.normalize('NFD'))).toBeNull();
  });
});
