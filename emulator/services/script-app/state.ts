import { createHash } from 'node:crypto';
import { EmulatorContext } from '../../core/context';
import { EventTypeName, TriggerSourceName } from './enums';
import { Schedule } from './schedule';

/**
 * One installable trigger of this script. Apps Script keeps a one-off clock trigger listed (and
 * counted against the 20-trigger limit) after it has fired, until the script deletes it — public
 * scripts delete their "spent one-off triggers" by handler name for that reason — so a spent one
 * keeps its record with `nextFireMs` null.
 */
export interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  /** The person who created it: it runs as them, and only they see it in getProjectTriggers. */
  readonly owner: string;
  readonly eventType: EventTypeName;
  readonly source: TriggerSourceName;
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers. */
  readonly sourceId: string | null;
  readonly schedule?: Schedule;
  readonly createdMs: number;
  nextFireMs: number | null;
  deleted: boolean;
  fired: number;
}

export interface ScriptState {
  readonly triggers: TriggerRecord[];
  scriptId: string;
  seq: number;
}

const STATES = new WeakMap<EmulatorContext, ScriptState>();

/** Real script ids are 57 characters, starting with '1'; this one is fixed so tests repeat. */
export const DEFAULT_SCRIPT_ID = `1${(digest('emulated-script', 'base64url') + digest('emulated-script|2', 'base64url')).slice(0, 56)}`;

/** Shared by every ScriptApp made for one context: one script project per emulator. */
export function scriptState(ctx: EmulatorContext): ScriptState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { triggers: [], scriptId: DEFAULT_SCRIPT_ID, seq: 0 }));
  return state;
}

export function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Live (not deleted) triggers of `user` in this script, spent one-offs included. */
export function triggersOf(ctx: EmulatorContext, user: string): TriggerRecord[] {
  return scriptState(ctx).triggers.filter((t) => !t.deleted && sameUser(t.owner, user));
}

/** Trigger ids are decimal strings of 19 digits in Apps Script (e.g. "4034124084959907503"). */
export function newTriggerId(ctx: EmulatorContext): string {
  const state = scriptState(ctx);
  const hex = digest(`${state.scriptId}|trigger|${++state.seq}`, 'hex');
  let id = String(1 + (parseInt(hex.slice(0, 2), 16) % 9));
  for (let i = 2; id.length < 19; i += 2) id += String(parseInt(hex.slice(i, i + 2), 16) % 10);
  return id;
}

export function digest(text: string, encoding: 'hex' | 'base64url'): string {
  return createHash('sha256').update(text).digest(encoding);
}
