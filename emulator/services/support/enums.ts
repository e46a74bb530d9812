import { GAS_CLASS } from './args';

/**
 * An Apps Script enum value. Apps Script enums are objects, not strings: `String(v)` and
 * `v.toString()` give the name, `v.name()` and `v.ordinal()` exist, but `v === 'ANYONE'` is false —
 * so the emulator catches code that compares an enum with a string literal.
 */
export class GasEnumValue {
  readonly [GAS_CLASS]: string;

  constructor(
    readonly enumName: string,
    private readonly valueName: string,
    private readonly index: number,
  ) {
    this[GAS_CLASS] = enumName;
  }

  name(): string {
    return this.valueName;
  }

  ordinal(): number {
    return this.index;
  }

  toString(): string {
    return this.valueName;
  }

  toJSON(): string {
    return this.valueName;
  }
}

export function makeEnum<K extends string>(
  enumName: string,
  names: readonly K[],
): Readonly<Record<K, GasEnumValue>> {
  const entries = names.map((n, i) => [n, new GasEnumValue(enumName, n, i)] as const);
  return Object.freeze(Object.fromEntries(entries) as Record<K, GasEnumValue>);
}

/** The value's name if it is a value of `enumObject`, else undefined. */
export function enumName<K extends string>(
  enumObject: Readonly<Record<K, GasEnumValue>>,
  value: unknown,
): K | undefined {
  if (!(value instanceof GasEnumValue)) return undefined;
  const name = value.name() as K;
  return enumObject[name] === value ? name : undefined;
}
