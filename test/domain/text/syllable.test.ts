import { isVietnameseSyllable } from '../../../src/domain/text/syllable';

describe('isVietnameseSyllable', () => {
  const valid = (
    'Phòng Tài chính Kế hoạch người NGƯỜI Người hoà hòa thuỷ thủy khoẻ khỏe gì quý của giữ khuya khuỷu ' +
    'nghiêng xoong chuyển huynh Ủy ban nhân dân xã Vĩnh Linh Quảng Trị thị trấn cải cách hành năm ' +
    'tháng định kỳ thường xuyên lồng ghép triệu tỷ đồng ngân sách tỉnh huyện trung ương oanh hoạch ' +
    'giá già gìn ăn ấy yêu uống ướt khuấy xoáy muối rượu a ke ki ghi nghe'
  ).split(' ');

  it.each(valid)('accepts %j', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each(['Người', 'Việt', 'ậy', 'ợ', 'Trị', 'HỘI'])('accepts NFD %j', (word) => {
    expect(isVietnameseSyllable(word.normalize('NFD'))).toBe(true);
  });

  it.each([
    ['Phßng', 'TCVN3 byte for ò'],
    ['Tµi', 'TCVN3 byte for à'],
    ['chÝnh', 'mixed case'],
    ['KÕ', 'k before o'],
    ['Phoøng', 'VNI mark byte'],
    ['caùc', 'VNI: "au" cannot take a final'],
    ['café', 'f is not Vietnamese'],
    ['très', 's is not a final'],
    ['cuả', 'tone on the glide of "ua"'],
    ['miá', 'tone on the glide of "ia"'],
    ['ci', 'c before i'],
    ['ghà', 'gh before a'],
    ['hóá', 'two tones'],
    ['ng', 'no vowel'],
    ['', 'empty'],
    ['UBND', 'an abbreviation'],
  ])('rejects %j (%s)', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});
