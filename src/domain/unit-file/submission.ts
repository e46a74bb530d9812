import { OfficeConfig } from '../config/fields';
import { DateOnly } from '../dates';
import { ReportingPeriod } from '../progress/periods';

/** What a unit can say about its own work, in its "Nộp kế hoạch" sheet. */
export const UNIT_STATE_DRAFTING = 'Đang soạn';
export const UNIT_STATE_SUBMITTED = 'Đã hoàn thành, đề nghị tiếp nhận';
export const UNIT_STATES = [UNIT_STATE_DRAFTING, UNIT_STATE_SUBMITTED] as const;

/** What the office decides; written only by the office. */
export const OFFICE_DECISION_ACCEPTED = 'Đã tiếp nhận';
export const OFFICE_DECISION_RETURNED = 'Cần bổ sung';

/** A reporting period's round is keyed by the period ("progress:quy-i"): see progress/period-rounds.ts. */
export type RoundKey = 'plan' | 'proposals' | `progress:${string}`;

export interface Round {
  readonly key: RoundKey;
  readonly label: string;
  readonly deadline: DateOnly;
  /** Sheet whose table this round submits. */
  readonly tasksSheet: string;
  /** A progress round's period (its tasksSheet is the period's "Tiến độ <kỳ>"). */
  readonly period?: ReportingPeriod;
}

/** Every unit submits its plan; specialized agencies also submit proposals, earlier. */
export function roundsFor(config: OfficeConfig, proposes: boolean): Round[] {
  const plan: Round = {
    key: 'plan',
    label: `Kế hoạch CCHC năm ${config.planYear}`,
    deadline: config.unitPlanDeadline,
    tasksSheet: 'Nhiệm vụ',
  };
  if (!proposes) return [plan];
  return [
    plan,
    {
      key: 'proposals',
      label: 'Đề xuất nhiệm vụ mới, đột phá',
      deadline: config.proposalDeadline,
      tasksSheet: 'Đề xuất',
    },
  ];
}
