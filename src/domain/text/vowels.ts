/** Precomposed lower-case Vietnamese vowels by base and tone, in the order none, `, ´, ?, ~, . */
export const TONED_VOWELS: Readonly<Record<string, string>> = {
  a: 'aàáảãạ',
  ă: 'ăằắẳẵặ',
  â: 'âầấẩẫậ',
  e: 'eèéẻẽẹ',
  ê: 'êềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọ',
  ô: 'ôồốổỗộ',
  ơ: 'ơờớởỡợ',
  u: 'uùúủũụ',
  ư: 'ưừứửữự',
  y: 'yỳýỷỹỵ',
};

/** A base letter followed by a modifier mark (NFD) → the Vietnamese letter: breve, circumflex, horn. */
export const WITH_MODIFIER: ReadonlyMap<string, string> = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031B', 'ơ'],
  ['u\u031B', 'ư'],
]);
