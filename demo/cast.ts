import { MESSY_ROWS } from '../sample/tasks';
import { SampleUnit } from '../sample/vinh-linh';

/**
 * Who does what in the demo's year. Roles are handed out by position within each kind of unit,
 * so any subset of the sample district (the jest test runs a smaller one) still gets every role
 * as long as it has a few units of each kind. Deterministic: the same units, the same story.
 */
export type PlanRole =
  /** submits before the deadline; the office lets it stand */
  | 'on-time'
  /** submits on time and the office accepts it */
  | 'accepted'
  /** submits, is returned with a comment, resubmits before the deadline */
  | 'returned'
  /** submits after the deadline */
  | 'late'
  /** submits on time; the office later corrects a cell in its file */
  | 'edited'
  /** fills in but never submits */
  | 'drafting'
  /** never opens its file */
  | 'untouched';

/** An agency's proposals round (other units have none). */
export type ProposalRole = 'on-time' | 'late' | 'never';

export interface CastMember {
  readonly unit: SampleUnit;
  readonly plan: PlanRole;
  readonly proposals: ProposalRole | null;
  /** MESSY_ROWS keys typed into this unit's task table. */
  readonly messy: readonly string[];
}

const PLAN_ROLES: Record<SampleUnit['kind'], readonly PlanRole[]> = {
  'Cơ quan chuyên môn': ['returned', 'late', 'accepted', 'drafting', 'accepted'],
  'Đơn vị sự nghiệp': ['edited', 'untouched', 'accepted'],
  'UBND xã, thị trấn': ['drafting', 'late', 'returned', 'accepted', 'untouched', 'late'],
};
const PROPOSAL_ROLES: readonly ProposalRole[] = ['on-time', 'late', 'on-time', 'never'];

export function castOf(units: readonly SampleUnit[]): CastMember[] {
  const seen = new Map<string, number>();
  const cast = units.map((unit) => {
    const n = seen.get(unit.kind) ?? 0;
    seen.set(unit.kind, n + 1);
    const isAgency = unit.kind === 'Cơ quan chuyên môn';
    return {
      unit,
      plan: PLAN_ROLES[unit.kind][n] ?? 'on-time',
      proposals: isAgency ? (PROPOSAL_ROLES[n] ?? 'on-time') : null,
      messy: [] as string[],
    };
  });
  // Each kind of mistake goes to a different unit that fills its file in, spread over the list.
  const typing = cast.filter((m) => m.plan !== 'untouched');
  Object.keys(MESSY_ROWS).forEach((key, i) => typing[(3 + 5 * i) % typing.length].messy.push(key));
  return cast;
}

/** Submits its plan at all (on time or not). */
export function submitsPlan(member: CastMember): boolean {
  return member.plan !== 'drafting' && member.plan !== 'untouched';
}
