import { Budget } from '../parse/budget';
import { FundingSource } from '../parse/funding-source';
import { CompletionTime } from '../parse/completion-time';
import { ReformArea } from '../plan/areas';

/** A unit's identity as consolidation carries it. */
export interface UnitRef {
  readonly code: string;
  readonly name: string;
}

/** One task a unit wrote, with what we understood of it. */
export interface TaskRow {
  readonly unit: UnitRef;
  /** "Nhiệm vụ" or "Đề xuất". */
  readonly sheet: string;
  /** 1-based row in the unit's sheet, for the link back. */
  readonly row: number;
  readonly area: ReformArea;
  /** Every configured column, as the unit wrote it (normalised text). */
  readonly cells: readonly string[];
  readonly completion: CompletionTime;
  readonly budget: Budget;
  readonly source: FundingSource;
  readonly errors: number;
  readonly warnings: number;
}
