import { EmulatorContext } from '../../core/context';
import { gasError } from '../../core/errors';
import { GAS_CLASS, isDate, signatureError } from '../support/args';
import { enumName } from '../support/enums';
import { asGas } from '../support/gas';
import { EventTypeName, WEEKDAY } from './enums';
import { chargeCall } from './execution';
import {
  EVERY_HOURS_INVALID,
  EVERY_MINUTES_INVALID,
  invalidArgument,
  NO_EVENT,
  NO_SCHEDULE,
  notWith,
  TWO_SCHEDULES,
} from './messages';
import { ClockSpec } from './schedule';
import { registerTrigger } from './trigger';
import { fromWallTime, isTimeZone } from './tz';

type Trigger = GoogleAppsScript.Script.Trigger;
type TriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type SpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** everyMinutes accepts only these (ClockTriggerBuilder reference: "n must be 1, 5, 10, 15 or 30"). */
const MINUTE_STEPS = [1, 5, 10, 15, 30];
/** The trigger editor's hour steps; see EVERY_HOURS_INVALID for why the API is held to them. */
const HOUR_STEPS = [1, 2, 4, 6, 8, 12];

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/**
 * ScriptApp.newTrigger(name): "a generic builder for script triggers".
 * https://developers.google.com/apps-script/reference/script/trigger-builder
 */
export class EmuTriggerBuilder implements Pick<TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  readonly [GAS_CLASS] = 'ScriptApp.TriggerBuilder';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    chargeCall(this.ctx, 'TriggerBuilder.timeBased');
    return asGas<ClockTriggerBuilder>(new EmuClockTriggerBuilder(this.ctx, this.handler));
  }

  /** A Spreadsheet object or its id. The file is checked when the trigger is created. */
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SpreadsheetTriggerBuilder {
    chargeCall(this.ctx, 'TriggerBuilder.forSpreadsheet');
    const id = idOf(sheet);
    if (id === undefined) signatureError('ScriptApp.TriggerBuilder.forSpreadsheet', [sheet]);
    return asGas<SpreadsheetTriggerBuilder>(new EmuSpreadsheetTriggerBuilder(this.ctx, this.handler, id));
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const getId = (value as { getId?: unknown } | null)?.getId;
  return typeof getId === 'function' ? String(getId.call(value)) : undefined;
}

/**
 * Installable spreadsheet triggers (they run as their creator, with full authorization).
 * https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder
 */
class EmuSpreadsheetTriggerBuilder implements Pick<
  SpreadsheetTriggerBuilder,
  'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
> {
  readonly [GAS_CLASS] = 'ScriptApp.SpreadsheetTriggerBuilder';
  private readonly events = new Set<EventTypeName>();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private choose(method: string, event: EventTypeName): SpreadsheetTriggerBuilder {
    chargeCall(this.ctx, `SpreadsheetTriggerBuilder.${method}`);
    this.events.add(event);
    return asGas<SpreadsheetTriggerBuilder>(this);
  }

  onOpen(): SpreadsheetTriggerBuilder {
    return this.choose('onOpen', 'ON_OPEN');
  }

  onEdit(): SpreadsheetTriggerBuilder {
    return this.choose('onEdit', 'ON_EDIT');
  }

  onChange(): SpreadsheetTriggerBuilder {
    return this.choose('onChange', 'ON_CHANGE');
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    return this.choose('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  /** Needs exactly one event, and a spreadsheet the creator can open (Drive's not-found text otherwise). */
  create(): Trigger {
    chargeCall(this.ctx, 'SpreadsheetTriggerBuilder.create');
    if (this.events.size !== 1) gasError(NO_EVENT);
    this.ctx.drive.require(this.spreadsheetId, 'view');
    return registerTrigger(this.ctx, {
      handler: this.handler,
      eventType: [...this.events][0],
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
    });
  }
}

type ClockMethods =
  | 'after'
  | 'at'
  | 'atDate'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay';

/**
 * Clock (time-driven) triggers. Arguments are checked when given (everyMinutes(2) throws at once);
 * the combination is checked by create(). See schedule.ts for when each kind fires.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder
 */
class EmuClockTriggerBuilder implements Pick<ClockTriggerBuilder, ClockMethods> {
  readonly [GAS_CLASS] = 'ScriptApp.ClockTriggerBuilder';
  private afterMs?: number;
  private atMs?: number;
  private date?: [number, number, number];
  private minutes?: number;
  private hours?: number;
  private days?: number;
  private weeks?: number;
  private monthDay?: number;
  private weekday?: number;
  private hour?: number;
  private minute?: number;
  private timeZone?: string;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly handler: string,
  ) {}

  private step(method: string, args: unknown[], ok: boolean): ClockTriggerBuilder {
    chargeCall(this.ctx, `ClockTriggerBuilder.${method}`);
    if (!ok) signatureError(`ScriptApp.ClockTriggerBuilder.${method}`, args);
    return asGas<ClockTriggerBuilder>(this);
  }

  /** "The minimum duration … after the current time": the runner fires it at creation + ms. */
  after(durationMilliseconds: number): ClockTriggerBuilder {
    const self = this.step('after', [durationMilliseconds], typeof durationMilliseconds === 'number');
    if (!(durationMilliseconds >= 0)) gasError(invalidArgument('durationMilliseconds'));
    this.afterMs = Math.floor(durationMilliseconds);
    return self;
  }

  at(date: GoogleAppsScript.Base.Date): ClockTriggerBuilder {
    const self = this.step('at', [date], isDate(date));
    this.atMs = (date as Date).getTime();
    return self;
  }

  atDate(year: number, month: number, day: number): ClockTriggerBuilder {
    const self = this.step('atDate', [year, month, day], isInt(year) && isInt(month) && isInt(day));
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) gasError(invalidArgument('day'));
    this.date = [year, month, day];
    return self;
  }

  atHour(hour: number): ClockTriggerBuilder {
    const self = this.step('atHour', [hour], typeof hour === 'number');
    if (!isInt(hour) || hour < 0 || hour > 23) gasError(invalidArgument('hour'));
    this.hour = hour;
    return self;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    const self = this.step('nearMinute', [minute], typeof minute === 'number');
    if (!isInt(minute) || minute < 0 || minute > 59) gasError(invalidArgument('minute'));
    this.minute = minute;
    return self;
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    const self = this.step('everyMinutes', [n], typeof n === 'number');
    if (!MINUTE_STEPS.includes(n)) gasError(EVERY_MINUTES_INVALID);
    this.minutes = n;
    return self;
  }

  everyHours(n: number): ClockTriggerBuilder {
    const self = this.step('everyHours', [n], typeof n === 'number');
    if (!HOUR_STEPS.includes(n)) gasError(EVERY_HOURS_INVALID);
    this.hours = n;
    return self;
  }

  everyDays(n: number): ClockTriggerBuilder {
    const self = this.step('everyDays', [n], typeof n === 'number');
    if (!isInt(n) || n < 1) gasError(invalidArgument('n'));
    this.days = n;
    return self;
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    const self = this.step('everyWeeks', [n], typeof n === 'number');
    if (!isInt(n) || n < 1) gasError(invalidArgument('n'));
    this.weeks = n;
    return self;
  }

  /** A ScriptApp.WeekDay value; alone it means "every week on that day" (reference example). */
  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockTriggerBuilder {
    const name = enumName(WEEKDAY, day);
    const self = this.step('onWeekDay', [day], name !== undefined);
    this.weekday = WEEKDAY[name!].ordinal();
    return self;
  }

  /** Alone it means "every month on that day"; a month without the day is skipped. */
  onMonthDay(day: number): ClockTriggerBuilder {
    const self = this.step('onMonthDay', [day], typeof day === 'number');
    if (!isInt(day) || day < 1 || day > 31) gasError(invalidArgument('day'));
    this.monthDay = day;
    return self;
  }

  /** An IANA zone for atHour/atDate/onWeekDay; the script's zone otherwise. */
  inTimezone(timezone: string): ClockTriggerBuilder {
    const self = this.step('inTimezone', [timezone], typeof timezone === 'string');
    if (!isTimeZone(timezone)) gasError(invalidArgument('timezone'));
    this.timeZone = timezone;
    return self;
  }

  create(): Trigger {
    chargeCall(this.ctx, 'ClockTriggerBuilder.create');
    const timeZone = this.timeZone ?? this.ctx.session.timeZone;
    return registerTrigger(this.ctx, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { spec: this.spec(timeZone), timeZone, createdMs: this.ctx.clock.nowMs() },
    });
  }

  private spec(timeZone: string): ClockSpec {
    const weeks = this.weeks ?? (this.weekday !== undefined ? 1 : undefined);
    const kinds = [
      this.afterMs,
      this.atMs,
      this.date,
      this.minutes,
      this.hours,
      this.days,
      weeks,
      this.monthDay,
    ];
    const count = kinds.filter((k) => k !== undefined).length;
    if (count === 0) gasError(NO_SCHEDULE);
    if (count > 1) gasError(TWO_SCHEDULES);
    const daily = this.days !== undefined || weeks !== undefined || this.monthDay !== undefined;
    if (this.hour !== undefined && !daily && this.date === undefined) gasError(notWith('atHour'));
    if (this.minute !== undefined && !daily && this.date === undefined && this.hours === undefined) {
      gasError(notWith('nearMinute'));
    }
    const at = { atHour: this.hour, nearMinute: this.minute };
    if (this.afterMs !== undefined) return { kind: 'once', fireAtMs: this.ctx.clock.nowMs() + this.afterMs };
    if (this.atMs !== undefined) return { kind: 'once', fireAtMs: this.atMs };
    if (this.date) {
      // "by default near midnight": midnight local, moved by atHour/nearMinute when given.
      const [y, m, d] = this.date;
      return { kind: 'once', fireAtMs: fromWallTime(timeZone, y, m, d, this.hour ?? 0, this.minute ?? 0) };
    }
    if (this.minutes !== undefined) return { kind: 'minutes', every: this.minutes };
    if (this.hours !== undefined) return { kind: 'hours', every: this.hours, nearMinute: this.minute };
    if (this.days !== undefined) return { kind: 'days', every: this.days, ...at };
    if (weeks !== undefined) return { kind: 'weeks', every: weeks, weekday: this.weekday, ...at };
    return { kind: 'monthDay', day: this.monthDay!, ...at };
  }
}
