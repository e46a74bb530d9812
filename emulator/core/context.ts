import { ModeledClock } from './clock';
import { DriveStore } from './drive-store';
import { CostLedger } from './ledger';
import { SessionState } from './session-state';

/** The state every emulated service shares. */
export interface EmulatorContext {
  readonly clock: ModeledClock;
  readonly ledger: CostLedger;
  readonly session: SessionState;
  readonly drive: DriveStore;
}

export function createContext(opts: { user: string; start?: Date; timeZone?: string }): EmulatorContext {
  const clock = new ModeledClock(opts.start);
  const session = new SessionState(opts.user, opts.user, opts.timeZone ?? 'Asia/Ho_Chi_Minh');
  return { clock, ledger: new CostLedger(clock), session, drive: new DriveStore(clock, session) };
}
