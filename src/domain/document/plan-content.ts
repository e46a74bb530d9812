import { TaskRow } from '../consolidate/task-row';
import { OfficeConfig } from '../config/fields';
import { REFORM_AREAS } from '../plan/areas';
import { issueDateOf, localSubject, PlanContent, unitSubject } from './plan-document';

/** Lines of a multi-line setting or cell ("- Như trên\n- Lưu: VT"), bullets stripped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n|;\s*/)
    .map((l) => l.replace(/^[-–•+]\s*/, '').trim())
    .filter(Boolean);
}

/**
 * A unit's plan from what it typed in "Kế hoạch" (by field key) and its task rows. `place` is the
 * unit's own place name (its registry override, its kind's, or the office's).
 */
export function unitPlanContent(
  config: OfficeConfig,
  unitName: string,
  texts: ReadonlyMap<string, string>,
  tasks: readonly TaskRow[],
  place: string = config.placeName,
): PlanContent {
  const text = (key: string) => texts.get(key) ?? '';
  return {
    parentAuthority: text('parentAuthority'),
    issuer: text('issuer') || unitName,
    issuerShort: unitName,
    number: text('number'),
    symbol: 'KH',
    place,
    issueDate: issueDateOf(text('issueDate')),
    year: config.planYear,
    subject: unitSubject(config.planYear),
    legalBases: config.legalBases,
    intro: `Thực hiện Kế hoạch Cải cách hành chính năm ${config.planYear} của ${config.shortName}, ${unitName} xây dựng Kế hoạch Cải cách hành chính năm ${config.planYear} như sau:`,
    objectives: text('objectives'),
    areas: REFORM_AREAS.map((a) => text(`area${a.number}`)),
    solutions: text('solutions'),
    organization: text('organization') || config.organization,
    recipients: lines(text('recipients')),
    signerAuthority: text('signerAuthority'),
    signerTitle: text('signerTitle'),
    signerName: text('signerName'),
    tasks,
    level: config.level,
  };
}

/**
 * The draft of the local (district) plan: header and signer from the settings, the letter's
 * guidance as the starting text of each area, and the agencies' proposals as the task table.
 */
export function localPlanContent(config: OfficeConfig, proposals: readonly TaskRow[]): PlanContent {
  const year = config.planYear;
  return {
    parentAuthority: config.parentAuthority,
    issuer: config.issuingAuthority,
    issuerShort: config.shortName,
    number: '',
    symbol: config.documentSymbol,
    place: config.placeName,
    issueDate: null,
    year,
    subject: localSubject(config),
    legalBases: config.legalBases,
    intro: `${config.shortName} ban hành Kế hoạch Cải cách hành chính năm ${year} như sau:`,
    objectives: `Tiếp tục triển khai có hiệu quả Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; xác định mục tiêu cải cách hành chính năm ${year} cụ thể, phù hợp, khả thi và đánh giá được kết quả.`,
    areas: REFORM_AREAS.map((a) => (config.guidance[a.number - 1] ?? []).map((g) => `- ${g}`).join('\n')),
    solutions: config.solutions,
    organization: config.organization,
    recipients: config.recipients,
    signerAuthority: config.signerAuthority,
    signerTitle: config.signerTitle,
    signerName: config.signerName,
    tasks: proposals,
    level: config.level,
  };
}
