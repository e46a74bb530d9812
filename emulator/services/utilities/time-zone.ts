/**
 * Time zones as Java's TimeZone.getTimeZone(id) sees them (Utilities.formatDate is Java's
 * SimpleDateFormat): IANA ids (case-sensitive), Java's old three-letter ids, custom "GMT+7" /
 * "GMT+07:00" / "GMT-0530" offsets — and any other string silently means GMT, as Java documents
 * ("If the specified string doesn't match the syntax, "GMT" is used";
 * https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html). Offsets and names for IANA
 * zones come from Node's Intl (the emulator runs on Node only).
 */
export interface Zone {
  readonly id: string;
  /** Offset from UTC at the instant, in minutes (east positive). */
  offsetMinutes(ms: number): number;
  /** Pattern letter z (1–3 letters): "ICT", "PST", "GMT+07:00". */
  shortName(ms: number): string;
  /** Pattern letter zzzz: "Indochina Time", "Pacific Standard Time". */
  longName(ms: number): string;
}

/** Java's legacy three-letter ids (ZoneInfoFile): mapped, or fixed offsets for EST/MST/HST. */
const JAVA_OLD_IDS: Record<string, string> = {
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
};
const JAVA_FIXED_IDS: Record<string, number> = { EST: -300, MST: -420, HST: -600 };

/**
 * Java's short names where en-US Intl has only "GMT+7"-style ones: [standard, daylight].
 * Java (COMPAT names) calls Asia/Ho_Chi_Minh "ICT".
 */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Ho_Chi_Minh': ['ICT', 'ICT'],
  'Asia/Saigon': ['ICT', 'ICT'],
  'Asia/Bangkok': ['ICT', 'ICT'],
  'Asia/Phnom_Penh': ['ICT', 'ICT'],
  'Asia/Vientiane': ['ICT', 'ICT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kuala_Lumpur': ['MYT', 'MYT'],
  'Asia/Manila': ['PHT', 'PHT'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'],
  'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Prague': ['CET', 'CEST'],
  'Europe/Stockholm': ['CET', 'CEST'],
};

const CACHE = new Map<string, Zone>();

export function resolveZone(id: string): Zone {
  let zone = CACHE.get(id);
  if (!zone) CACHE.set(id, (zone = makeZone(id)));
  return zone;
}

function makeZone(id: string): Zone {
  const custom = parseCustomId(id);
  if (custom !== undefined) return fixedZone(id, custom);
  if (id in JAVA_FIXED_IDS) return fixedZone(id, JAVA_FIXED_IDS[id], id);
  const iana = JAVA_OLD_IDS[id] ?? id;
  return intlZone(iana) ?? fixedZone('GMT', 0, 'GMT', 'Greenwich Mean Time');
}

/** Java's custom id syntax: GMT Sign Hours [[:] Minutes], hours 0–23, minutes 00–59. */
function parseCustomId(id: string): number | undefined {
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(id) ?? /^GMT([+-])(\d{2})(\d{2})$/.exec(id);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** "GMT+07:00": Java's name for a zone without a proper one. */
export function gmtName(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `GMT${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function fixedZone(id: string, offset: number, short = gmtName(offset), long = short): Zone {
  return { id, offsetMinutes: () => offset, shortName: () => short, longName: () => long };
}

function intlZone(id: string): Zone | undefined {
  if (!javaAccepts(id)) return undefined;
  let fields: Intl.DateTimeFormat;
  try {
    fields = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const named = (style: 'short' | 'long'): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: style });
  const shortFmt = named('short');
  const longFmt = named('long');
  const nameAt = (fmt: Intl.DateTimeFormat, ms: number): string =>
    fmt.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';

  const offsetMinutes = (ms: number): number => {
    const parts: Record<string, number> = {};
    for (const p of fields.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
  };
  return {
    id,
    offsetMinutes,
    shortName(ms) {
      const table = JAVA_SHORT_NAMES[id];
      if (table) return table[isDaylight(offsetMinutes, ms) ? 1 : 0];
      const name = nameAt(shortFmt, ms);
      return /^GMT[+-]/.test(name) ? gmtName(offsetMinutes(ms)) : name;
    },
    longName(ms) {
      const name = nameAt(longFmt, ms);
      return /^GMT[+-]/.test(name) ? gmtName(offsetMinutes(ms)) : name;
    },
  };
}

/**
 * Java ids are case-sensitive ("asia/ho_chi_minh" is GMT to Java) where Intl is not. Each IANA
 * segment starts with a capital ("America/Port-au-Prince", "Etc/GMT+7"), and an id equal to a
 * known one except for case is refused.
 */
function javaAccepts(id: string): boolean {
  if (!id.split('/').every((segment) => /^[A-Z]/.test(segment))) return false;
  const lower = id.toLowerCase();
  return !KNOWN_IDS().some((known) => known !== id && known.toLowerCase() === lower);
}

let knownIds: string[] | undefined;
function KNOWN_IDS(): string[] {
  knownIds ??= Intl.supportedValuesOf('timeZone');
  return knownIds;
}

function isDaylight(offsetMinutes: (ms: number) => number, ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  const standard = Math.min(offsetMinutes(Date.UTC(year, 0, 1)), offsetMinutes(Date.UTC(year, 6, 1)));
  return offsetMinutes(ms) > standard;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
