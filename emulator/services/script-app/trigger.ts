import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import { GAS_CLASS } from '../support/args';
import { asGas } from '../support/gas';
import { EVENT_TYPE, EventTypeName, TRIGGER_SOURCE, TriggerSourceName } from './enums';
import { chargeCall } from './execution';
import { TOO_MANY_TRIGGERS } from './messages';
import { firstFire, Schedule } from './schedule';
import { newTriggerId, scriptState, TriggerRecord, triggersOf } from './state';

type Trigger = GoogleAppsScript.Script.Trigger;

/** "Triggers: 20 / user / script" (quotas page, current limitations). */
export const MAX_TRIGGERS_PER_USER = 20;

interface HandleInfo {
  readonly record: TriggerRecord;
  /** Returned by create(): Apps Script refuses to delete such a handle (see DELETE_TRIGGER_FAILED). */
  readonly fromCreate: boolean;
}

const HANDLES = new WeakMap<object, HandleInfo>();

/** The record behind a Trigger handle of this emulator, or undefined for anything else. */
export function handleInfo(value: unknown): HandleInfo | undefined {
  return typeof value === 'object' && value !== null ? HANDLES.get(value) : undefined;
}

/**
 * A Trigger handle. Its getters read what the trigger was created with, so a handle outlives the
 * trigger's deletion (as a Java object copied into the script would).
 * https://developers.google.com/apps-script/reference/script/trigger
 */
class EmuTrigger implements Pick<
  Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  readonly [GAS_CLASS] = 'ScriptApp.Trigger';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly record: TriggerRecord,
  ) {}

  getUniqueId(): string {
    chargeCall(this.ctx, 'Trigger.getUniqueId');
    return this.record.id;
  }

  getHandlerFunction(): string {
    chargeCall(this.ctx, 'Trigger.getHandlerFunction');
    return this.record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    chargeCall(this.ctx, 'Trigger.getEventType');
    return asGas<GoogleAppsScript.Script.EventType>(EVENT_TYPE[this.record.eventType]);
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    chargeCall(this.ctx, 'Trigger.getTriggerSource');
    return asGas<GoogleAppsScript.Script.TriggerSource>(TRIGGER_SOURCE[this.record.source]);
  }

  /**
   * The spreadsheet's id for a spreadsheet trigger. For a clock trigger there is no source entity
   * and the emulator returns null (typed string, as @types has it), so code must not assume text.
   */
  getTriggerSourceId(): string {
    chargeCall(this.ctx, 'Trigger.getTriggerSourceId');
    return this.record.sourceId as string;
  }
}

export function triggerHandle(ctx: EmulatorContext, record: TriggerRecord, fromCreate = false): Trigger {
  const handle = new EmuTrigger(ctx, record);
  HANDLES.set(handle, { record, fromCreate });
  return asGas<Trigger>(handle);
}

/** create(): owned by the effective user, refused past the 20-trigger limit. */
export function registerTrigger(
  ctx: EmulatorContext,
  spec: {
    handler: string;
    eventType: EventTypeName;
    source: TriggerSourceName;
    sourceId: string | null;
    schedule?: Schedule;
  },
): Trigger {
  const owner = ctx.session.effective;
  if (triggersOf(ctx, owner).length >= MAX_TRIGGERS_PER_USER) gasError(TOO_MANY_TRIGGERS);
  const record: TriggerRecord = {
    ...spec,
    id: newTriggerId(ctx),
    owner,
    createdMs: ctx.clock.nowMs(),
    nextFireMs: spec.schedule ? firstFire(spec.schedule) : null,
    deleted: false,
    fired: 0,
  };
  scriptState(ctx).triggers.push(record);
  return triggerHandle(ctx, record, true);
}
