import { runExecution } from '../emulator';
import { BenchOffice, continueAll } from './office';

export interface Measurement {
  readonly operation: string;
  readonly units: number;
  /** Modeled time inside Apps Script executions (the ledger), seconds. */
  readonly modeledS: number;
  /** From the first click to the end, continuation waits included (the modeled clock), seconds. */
  readonly elapsedS: number;
  readonly executions: number;
  readonly calls: number;
}

/**
 * Runs one menu operation to its end on the emulator and reads the ledger and the clock. The
 * menu run is one execution, as on Google (its SpreadsheetApp writes bundled until a flush, a
 * read or its end); `oneExecution: false` runs it bare (the naive baseline has no continuation
 * and would be stopped at 6 minutes).
 */
export function measure(
  office: BenchOffice,
  operation: string,
  run: () => void,
  progressLabel: string | null,
  oneExecution = true,
): Measurement {
  const ledger = office.emu.ctx.ledger;
  const clock = office.emu.ctx.clock;
  ledger.reset();
  const start = clock.nowMs();
  if (oneExecution) runExecution(office.emu.ctx, run);
  else run();
  continueAll(office);
  const progress = progressLabel
    ? (office.master.getSheetByName('Tiến độ')?.getDataRange().getValues() ?? []).find(
        (r) => r[0] === progressLabel,
      )
    : null;
  return {
    operation,
    units: office.units.length,
    modeledS: ledger.modeledTimeMs() / 1000,
    elapsedS: (clock.nowMs() - start) / 1000,
    executions: progress ? Number(progress[6]) : 1,
    calls: ledger.totalCalls(),
  };
}
