import { formatWithOptions } from 'node:util';
import { EmulatorContext } from '../../core/context';
import { isDate } from '../support/args';
import { asGas } from '../support/gas';
import { formatJavaDate } from './format-date';

export interface LogEntry {
  readonly source: 'Logger' | 'console';
  readonly level: 'info' | 'log' | 'warn' | 'error';
  readonly message: string;
  /** Modeled time of the call. */
  readonly atMs: number;
}

/** Everything Logger.log and console.* wrote, for tests to read. */
export class LogSink {
  /** The messages, in order, as plain text. */
  readonly lines: string[] = [];
  /** The same, with source, level and modeled time. */
  readonly entries: LogEntry[] = [];

  write(entry: LogEntry): void {
    this.lines.push(entry.message);
    this.entries.push(entry);
  }
}

/**
 * Logger.log's text for a value. The reference shows Logger.log({ key: "value" }) as "{key=value}"
 * and uses an object's `message` property when it has one; arrays print Java-style "[a, b]".
 * https://developers.google.com/apps-script/reference/base/logger
 */
export function loggerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `[${value.map(loggerText).join(', ')}]`;
  if (isDate(value)) return value.toString();
  if (typeof value === 'object') {
    if ('message' in value && (value as { message: unknown }).message !== undefined) {
      return loggerText((value as { message: unknown }).message);
    }
    if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
      return `{${Object.entries(value)
        .map(([k, v]) => `${k}=${loggerText(v)}`)
        .join(', ')}}`;
    }
  }
  return String(value);
}

/**
 * log(format, values…): "The string can include multiple %s placeholders, which are replaced with
 * corresponding values from the list of arguments, converted to strings." Only %s (and %%) are
 * modeled; a placeholder with no value left stays as written.
 */
export function loggerFormat(format: string, values: readonly unknown[]): string {
  let next = 0;
  return format.replace(/%([s%])/g, (whole, kind: string) => {
    if (kind === '%') return '%';
    return next < values.length ? loggerText(values[next++]) : whole;
  });
}

type LoggerApi = GoogleAppsScript.Base.Logger;

/**
 * Logger: messages go to the sink and to Logger's own buffer (getLog, clear). getLog lines carry a
 * "[yy-MM-dd HH:mm:ss:SSS z] " prefix in the script's time zone, as the legacy Logs view showed
 * them — from memory, unverified for the V8 runtime.
 */
export class EmuLogger implements Pick<LoggerApi, 'log' | 'getLog' | 'clear'> {
  private buffer: string[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly sink: LogSink,
  ) {}

  log(formatOrData: unknown, ...values: unknown[]): LoggerApi {
    const atMs = this.ctx.clock.nowMs(); // stamped when called, before the call's own latency
    this.ctx.ledger.charge('Logger.log');
    const message =
      values.length > 0 && typeof formatOrData === 'string'
        ? loggerFormat(formatOrData, values)
        : loggerText(formatOrData);
    const stamp = formatJavaDate(new Date(atMs), this.ctx.session.timeZone, 'yy-MM-dd HH:mm:ss:SSS z');
    this.buffer.push(`[${stamp}] ${message}`);
    this.sink.write({ source: 'Logger', level: 'info', message, atMs });
    return asGas<LoggerApi>(this);
  }

  getLog(): string {
    this.ctx.ledger.charge('Logger.getLog');
    return this.buffer.join('\n');
  }

  clear(): void {
    this.ctx.ledger.charge('Logger.clear');
    this.buffer = [];
  }
}

/**
 * console in Apps Script V8: printf-style like Node's (%s %d %i %f %o %O %j), objects inspected.
 * time/timeEnd measure modeled time ("label: 12ms").
 */
export class EmuConsole implements Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly sink: LogSink,
  ) {}

  private write(level: LogEntry['level'], args: unknown[]): void {
    const atMs = this.ctx.clock.nowMs();
    this.ctx.ledger.charge(`console.${level}`);
    const message = formatWithOptions({ colors: false, depth: 4 }, ...args);
    this.sink.write({ source: 'console', level, message, atMs });
  }

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  time(label: string): void {
    this.ctx.ledger.charge('console.time');
    this.timers.set(String(label), this.ctx.clock.nowMs());
  }

  timeEnd(label: string): void {
    this.ctx.ledger.charge('console.timeEnd');
    const started = this.timers.get(String(label));
    if (started === undefined) return;
    this.timers.delete(String(label));
    const message = `${label}: ${this.ctx.clock.nowMs() - started}ms`;
    this.sink.write({ source: 'console', level: 'log', message, atMs: this.ctx.clock.nowMs() });
  }
}
