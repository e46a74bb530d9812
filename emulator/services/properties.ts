import { EmulatorContext } from '../core/context';
import { gasError } from '../core/errors';
import { GAS_CLASS, signatureError } from './support/args';
import { asGas } from './support/gas';

type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesServiceApi = GoogleAppsScript.Properties.PropertiesService;

/**
 * Limits from the quotas page (https://developers.google.com/apps-script/guides/services/quotas):
 * "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".
 * How Google counts is not documented. The emulator takes the stricter reading: KB = 1,000
 * bytes, a value is measured in UTF-8 bytes (Vietnamese text takes 2–3 bytes a letter), and a
 * store's total counts every key and value in UTF-8 bytes.
 */
export const MAX_VALUE_BYTES = 9 * 1000;
export const MAX_STORE_BYTES = 500 * 1000;

/**
 * Observed Apps Script texts: "Argument too large: value" for a value over the limit, and "You have
 * exceeded the property storage quota. Please remove some properties and try again." for a full
 * store (both seen in public scripts and error reports).
 */
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

type Store = Map<string, string>;

interface PropertyStores {
  readonly script: Store;
  /** The bound container's store: the emulator models the script as container-bound. */
  readonly document: Store;
  /** Per person (lower-cased email of the effective user). */
  readonly user: Map<string, Store>;
}

/** Kept per context, so every PropertiesService made for one emulator sees the same data. */
const STORES = new WeakMap<EmulatorContext, PropertyStores>();

function storesOf(ctx: EmulatorContext): PropertyStores {
  let stores = STORES.get(ctx);
  if (!stores) STORES.set(ctx, (stores = { script: new Map(), document: new Map(), user: new Map() }));
  return stores;
}

/** Test control: the raw script/document/user stores (e.g. to preload settings). */
export function propertyStores(ctx: EmulatorContext): PropertyStores {
  return storesOf(ctx);
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(store: Store): number {
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  return total;
}

/**
 * Apps Script passes values to Java as strings: setProperty('n', 5) reads back '5'. null and
 * undefined are refused (stricter than guessing what Java would store). Keys must be non-empty
 * strings (message guessed).
 */
function asValue(method: string, key: unknown, value: unknown): string {
  if (value === null || value === undefined || typeof value === 'object' || typeof value === 'function') {
    signatureError(method, [key, value]);
  }
  return String(value);
}

function asKey(method: string, key: unknown, rest: unknown[] = []): string {
  if (typeof key !== 'string') signatureError(method, [key, ...rest]);
  if (key === '') gasError('Invalid argument: key');
  return key;
}

/** https://developers.google.com/apps-script/reference/properties/properties */
class EmuProperties implements Pick<
  Properties,
  | 'getProperty'
  | 'getProperties'
  | 'getKeys'
  | 'setProperty'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
> {
  readonly [GAS_CLASS] = 'PropertiesService.Properties';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: Store,
  ) {}

  private charge(method: string): void {
    this.ctx.ledger.charge(`Properties.${method}`);
  }

  private self(): Properties {
    return asGas<Properties>(this);
  }

  /** null for a missing key. */
  getProperty(key: string): string | null {
    this.charge('getProperty');
    if (typeof key !== 'string') signatureError('PropertiesService.Properties.getProperty', [key]);
    return this.store.get(key) ?? null;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): { [key: string]: string } {
    this.charge('getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.charge('getKeys');
    return [...this.store.keys()];
  }

  setProperty(key: string, value: string): Properties {
    this.charge('setProperty');
    const method = 'PropertiesService.Properties.setProperty';
    const k = asKey(method, key, [value]);
    this.commit(new Map([[k, asValue(method, key, value)]]), false);
    return this.self();
  }

  /** All or nothing: a too-large value or a full store leaves the store as it was. */
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this.charge('setProperties');
    const method = 'PropertiesService.Properties.setProperties';
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      signatureError(method, [properties, deleteAllOthers]);
    }
    if (typeof deleteAllOthers !== 'boolean') signatureError(method, [properties, deleteAllOthers]);
    const updates = new Map<string, string>();
    for (const [k, v] of Object.entries(properties)) updates.set(asKey(method, k), asValue(method, k, v));
    this.commit(updates, deleteAllOthers);
    return this.self();
  }

  deleteProperty(key: string): Properties {
    this.charge('deleteProperty');
    if (typeof key !== 'string') signatureError('PropertiesService.Properties.deleteProperty', [key]);
    this.store.delete(key);
    return this.self();
  }

  deleteAllProperties(): Properties {
    this.charge('deleteAllProperties');
    this.store.clear();
    return this.self();
  }

  private commit(updates: Map<string, string>, replaceAll: boolean): void {
    for (const value of updates.values()) if (bytes(value) > MAX_VALUE_BYTES) gasError(VALUE_TOO_LARGE);
    const next = new Map(replaceAll ? [] : this.store);
    for (const [k, v] of updates) next.set(k, v);
    if (storeBytes(next) > MAX_STORE_BYTES) gasError(STORE_FULL);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
}

/**
 * PropertiesService: three separate stores. getUserProperties belongs to the effective user (the
 * trigger owner in an installable trigger). getDocumentProperties returns null in a standalone
 * script; the emulator models the product's script as bound to its spreadsheet, so it returns a
 * store. https://developers.google.com/apps-script/reference/properties/properties-service
 */
class EmuPropertiesService implements Pick<
  PropertiesServiceApi,
  'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'
> {
  constructor(private readonly ctx: EmulatorContext) {}

  getScriptProperties(): Properties {
    this.ctx.ledger.charge('PropertiesService.getScriptProperties');
    return asGas<Properties>(new EmuProperties(this.ctx, storesOf(this.ctx).script));
  }

  getDocumentProperties(): Properties {
    this.ctx.ledger.charge('PropertiesService.getDocumentProperties');
    return asGas<Properties>(new EmuProperties(this.ctx, storesOf(this.ctx).document));
  }

  getUserProperties(): Properties {
    this.ctx.ledger.charge('PropertiesService.getUserProperties');
    const byUser = storesOf(this.ctx).user;
    const email = this.ctx.session.effective.toLowerCase();
    let store = byUser.get(email);
    if (!store) byUser.set(email, (store = new Map()));
    return asGas<Properties>(new EmuProperties(this.ctx, store));
  }
}

export function createPropertiesService(ctx: EmulatorContext): PropertiesServiceApi {
  return asGas<PropertiesServiceApi>(new EmuPropertiesService(ctx));
}
