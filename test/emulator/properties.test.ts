import { createContext } from '../../emulator/core/context';
import { GasException } from '../../emulator/core/errors';
import {
  createPropertiesService,
  MAX_VALUE_BYTES,
  STORE_FULL,
  VALUE_TOO_LARGE,
} from '../../emulator/services/properties';

function setup() {
  const ctx = createContext({ user: 'office@so.gov.vn' });
  return { ctx, props: createPropertiesService(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('PropertiesService', () => {
  test('values come back as strings; a missing key is null', () => {
    const { props } = setup();
    const script = props.getScriptProperties();
    script.setProperty('n', 5 as unknown as string).setProperty('flag', true as unknown as string);
    expect(script.getProperty('n')).toBe('5');
    expect(script.getProperty('flag')).toBe('true');
    expect(script.getProperty('missing')).toBeNull();
  });

  test('script, document and user stores are separate; user stores belong to the effective user', () => {
    const { ctx, props } = setup();
    props.getScriptProperties().setProperty('k', 'script');
    props.getDocumentProperties().setProperty('k', 'document');
    props.getUserProperties().setProperty('k', 'mine');
    expect(props.getScriptProperties().getProperty('k')).toBe('script');
    expect(props.getDocumentProperties().getProperty('k')).toBe('document');
    expect(ctx.session.as('other@so.gov.vn', () => props.getUserProperties().getProperty('k'))).toBeNull();
    expect(ctx.session.as('other@so.gov.vn', () => props.getScriptProperties().getProperty('k'))).toBe(
      'script',
    );
    // a second service on the same emulator sees the same data
    expect(createPropertiesService(ctx).getUserProperties().getProperty('k')).toBe('mine');
  });

  test('a value over 9 KB (UTF-8 bytes) fails with Apps Script’s text and is not stored', () => {
    const { props } = setup();
    const store = props.getScriptProperties();
    const vietnamese = 'ệ'.repeat(3001); // 3,001 characters, 9,003 bytes
    const err = thrown(() => store.setProperty('big', vietnamese));
    expect(err).toBeInstanceOf(GasException);
    expect(err.message).toBe(VALUE_TOO_LARGE);
    expect(store.getProperty('big')).toBeNull();
    store.setProperty('ok', 'x'.repeat(MAX_VALUE_BYTES));
    expect(store.getProperty('ok')).toHaveLength(MAX_VALUE_BYTES);
  });

  test('a full store refuses more with the quota message; keys count too', () => {
    const { props } = setup();
    const store = props.getUserProperties();
    let n = 0;
    const err = thrown(() => {
      for (;;) store.setProperty(`key${n++}`, 'y'.repeat(8990));
    });
    expect(err.message).toBe(STORE_FULL);
    expect(n).toBe(56); // 55 × ~9 KB fit in 500 KB
    expect(store.getKeys()).toHaveLength(55);
    store.setProperty('key0', 'small'); // overwriting counts the new size only
    expect(store.getProperty('key0')).toBe('small');
  });

  test('setProperties is all-or-nothing and can replace everything', () => {
    const { props } = setup();
    const store = props.getScriptProperties().setProperties({ a: '1', b: '2' });
    expect(thrown(() => store.setProperties({ c: '3', d: 'x'.repeat(MAX_VALUE_BYTES + 1) })).message).toBe(
      VALUE_TOO_LARGE,
    );
    expect(store.getProperty('c')).toBeNull();
    store.setProperties({ c: '3' }, true);
    expect(store.getProperties()).toEqual({ c: '3' });
  });

  test('getProperties is a copy; delete and deleteAll', () => {
    const { props } = setup();
    const store = props.getScriptProperties().setProperties({ a: '1', b: '2' });
    const copy = store.getProperties();
    copy.a = 'changed';
    expect(store.getProperty('a')).toBe('1');
    store.deleteProperty('a');
    expect(store.getKeys()).toEqual(['b']);
    store.deleteAllProperties();
    expect(store.getKeys()).toEqual([]);
  });

  test('null values and non-string keys are signature errors; calls are charged', () => {
    const { ctx, props } = setup();
    const store = props.getScriptProperties();
    expect(thrown(() => store.setProperty('k', null as unknown as string)).message).toBe(
      "The parameters (String,null) don't match the method signature for PropertiesService.Properties.setProperty.",
    );
    expect(thrown(() => store.getProperty(1 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for PropertiesService.Properties.getProperty.",
    );
    ctx.ledger.reset();
    store.getProperty('k');
    expect(ctx.ledger.count('Properties.getProperty')).toBe(1);
  });
});
