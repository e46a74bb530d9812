import { parseCompletionTime } from '../../../src/domain/parse/completion-time';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { PlanTaskSource } from '../../../src/domain/progress/carry-over';
import { EMPTY_INPUT, ProgressRow, UnitInput } from '../../../src/domain/progress/model';

export const YEAR = 2026;

/** A task of area `area` (1–8) due as the plan says `time`. */
export function source(area: number, task: string, time = 'Quý II/2026'): PlanTaskSource {
  return {
    area: REFORM_AREAS[area - 1],
    task,
    result: `Sản phẩm: ${task}`,
    lead: 'Văn phòng HĐND và UBND',
    completion: parseCompletionTime(time, YEAR),
  };
}

export function withInput(row: ProgressRow, input: Partial<UnitInput>): ProgressRow {
  return { ...row, input: { ...EMPTY_INPUT, ...input } };
}
