import { CellValue } from '../cell';
import { a1 } from '../plan/columns';
import { Problem, valueText } from '../problem';
import { foldForMatch, normalizeText, removeDiacritics } from '../text/normalize';
import {
  REGISTRY_COLUMNS,
  REGISTRY_HEADER_ROW,
  REGISTRY_SHEET,
  RegistryRole,
  registryColumn,
} from './columns';
import { isEmail, splitEmails } from './emails';
import { Unit, UnitKind } from './unit';
import { PARENT_FROM_OFFICE, PLACE_FROM_UNIT_NAME, presetFor, UnitKindSpec } from '../config/levels';
import { abbreviatedAuthority, placeFromUnitName } from '../config/names';

/** Ways people write each kind, without diacritics, lower case. */
const KIND_ALIASES: ReadonlyArray<[UnitKind, RegExp]> = [
  ['agency', /^(co quan chuyen mon|ccm|cqcm|phong chuyen mon|co quan)$/],
  ['service', /^(don vi su nghiep( cong lap)?|dvsn|su nghiep)$/],
  [
    'commune',
    /^(ubnd |uy ban nhan dan )?(cac )?(xa|phuong|thi tran|dac khu)([ ,/]+(xa|phuong|thi tran|dac khu))*$/,
  ],
];

export function parseUnitKind(text: string): UnitKind | null {
  const key = removeDiacritics(normalizeText(text)).toLowerCase().replace(/\s+/g, ' ');
  for (const [kind, pattern] of KIND_ALIASES) if (pattern.test(key)) return kind;
  return null;
}

/** A kind's label compared without case, marks' placement, spaces or punctuation. */
function kindKey(text: string): string {
  return foldForMatch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The configured kind `text` names: its label (any case, with or without marks), or a legacy
 * alias ("CCM", "Xã") of a configured kind whose own label has that legacy meaning.
 */
export function matchUnitKind(text: string, kinds: readonly UnitKindSpec[]): UnitKindSpec | null {
  const key = kindKey(text);
  if (key === '') return null;
  const exact = kinds.find((k) => kindKey(k.label) === key);
  if (exact) return exact;
  const legacy = parseUnitKind(text);
  return (legacy && kinds.find((k) => parseUnitKind(k.label) === legacy)) || null;
}

/** Where the units' documents are dated and what they carry above their name. */
export interface RegistryContext {
  readonly kinds: readonly UnitKindSpec[];
  /** The office's place name: a kind without its own place uses it. */
  readonly placeName: string;
  /** The office's issuing authority: the parent line of kinds set to PARENT_FROM_OFFICE. */
  readonly issuingAuthority: string;
}

const DISTRICT_CONTEXT: RegistryContext = {
  kinds: presetFor('huyện').unitKinds,
  placeName: '',
  issuingAuthority: '',
};

/** "Không", "-": the registry says the unit has no parent line, whatever its kind's. */
function isNone(text: string): boolean {
  return /^(khong|-+|\(khong\))$/.test(removeDiacritics(text).toLowerCase().trim());
}

/**
 * Reads the registry rows (the grid below the header, as the adapter read it) and validates them
 * before anything is created: duplicate codes, empty names, malformed emails, unknown kinds, and
 * names that differ only by Unicode form (NFC/NFD) or tone placement ("Hoà"/"Hòa").
 */
export function parseRegistry(
  grid: readonly (readonly CellValue[])[],
  context: RegistryContext = DISTRICT_CONTEXT,
): {
  units: Unit[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const units: Unit[] = [];
  const byCode = new Map<string, number>();
  const byName = new Map<string, { row: number; name: string }>();
  const cell = (row: readonly CellValue[], role: RegistryRole): string =>
    normalizeText(valueText(row[registryColumn(role) - 1]));

  grid.forEach((values, index) => {
    const row = REGISTRY_HEADER_ROW + 1 + index;
    const inputs = REGISTRY_COLUMNS.filter((c) => !c.byScript).map((c) => cell(values, c.role));
    if (inputs.every((v) => v === '')) return;
    let ok = true;
    const report = (role: RegistryRole, message: string, value: string): void => {
      ok = false;
      const column = REGISTRY_COLUMNS[registryColumn(role) - 1];
      problems.push({
        severity: 'error',
        sheet: REGISTRY_SHEET,
        cell: a1(row, registryColumn(role)),
        field: column.header,
        value,
        message,
      });
    };

    const code = cell(values, 'code');
    const name = cell(values, 'name');
    const kindText = cell(values, 'kind');
    const focalText = cell(values, 'focalEmails');
    const headEmail = cell(values, 'headEmail').toLowerCase();

    if (code === '') report('code', 'Chưa nhập mã đơn vị. Mỗi đơn vị cần một mã ngắn, duy nhất.', code);
    else {
      const codeKey = code.toUpperCase();
      const first = byCode.get(codeKey);
      if (first !== undefined) report('code', `Mã "${code}" trùng với đơn vị ở dòng ${first}.`, code);
      else byCode.set(codeKey, row);
    }

    if (name === '') report('name', 'Chưa nhập tên đơn vị.', name);
    else {
      const nameKey = foldForMatch(name);
      const first = byName.get(nameKey);
      if (first) {
        const sameText = first.name === name;
        report(
          'name',
          sameText
            ? `Tên đơn vị trùng với dòng ${first.row}.`
            : `Tên đơn vị trùng với "${first.name}" ở dòng ${first.row} (chỉ khác cách gõ dấu hoặc bảng mã). Sửa cho thống nhất.`,
          name,
        );
      } else byName.set(nameKey, { row, name });
    }

    const kind = matchUnitKind(kindText, context.kinds);
    if (!kind) {
      const accepted = context.kinds.map((k) => k.label).join('; ');
      report('kind', `Loại đơn vị không hợp lệ. Chọn một trong: ${accepted}.`, kindText);
    }

    const focalEmails = splitEmails(focalText);
    if (focalEmails.length === 0) {
      report(
        'focalEmails',
        'Chưa nhập email đầu mối: tệp của đơn vị sẽ không chia sẻ được cho ai.',
        focalText,
      );
    } else {
      const bad = focalEmails.filter((e) => !isEmail(e));
      if (bad.length > 0) report('focalEmails', `Email không hợp lệ: ${bad.join(', ')}.`, focalText);
    }
    if (headEmail !== '' && !isEmail(headEmail))
      report('headEmail', 'Email thủ trưởng không hợp lệ.', headEmail);

    if (ok && kind) {
      const placeOverride = cell(values, 'placeName');
      const parentOverride = cell(values, 'parentLine');
      const kindPlace = kind.placeName === PLACE_FROM_UNIT_NAME ? placeFromUnitName(name) : kind.placeName;
      units.push({
        code,
        name,
        kind: kind.label,
        proposes: kind.proposes,
        placeName: placeOverride || kindPlace || context.placeName,
        parentLine: isNone(parentOverride)
          ? ''
          : parentOverride.toUpperCase() ||
            (kind.parentLine === PARENT_FROM_OFFICE
              ? abbreviatedAuthority(context.issuingAuthority)
              : kind.parentLine),
        focalEmails,
        headEmail,
        row,
        fileId: cell(values, 'fileId'),
      });
    }
  });
  return { units, problems };
}
