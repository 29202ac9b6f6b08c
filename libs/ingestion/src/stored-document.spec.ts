import { Pseudonymizer, validateRecord, type FileKind } from '@fairmarket/contract';
import { generateInMemory } from '@fairmarket/generator';
import { storedDocument } from './stored-document';

const pseudonymizer = new Pseudonymizer('stored-document-spec-key-0123456789');
const options = { pseudonymize: (id: string) => pseudonymizer.pseudonymize(id) };

function validated(kind: FileKind, raw: string): Record<string, unknown> {
  const result = validateRecord(kind, JSON.parse(raw), options);
  if (!result.ok) throw new Error(result.reason);
  return result.record as unknown as Record<string, unknown>;
}

/** The stored text must parse to exactly the validated record, whichever path produced it. */
function expectSameValue(kind: FileKind, raw: string): string {
  const record = validated(kind, raw);
  const stored = storedDocument(raw, record);
  expect(JSON.parse(stored)).toEqual(JSON.parse(JSON.stringify(record)));
  return stored;
}

describe('storedDocument', () => {
  it('gives the validated record for every line of a generated dataset, without the raw user id', () => {
    const { raw } = generateInMemory(4, 0.05);
    for (const kind of ['price_quotes', 'orders', 'impressions', 'listings', 'merchants', 'skus'] as FileKind[]) {
      for (const obj of raw.records[kind].slice(0, 300)) {
        const line = JSON.stringify(obj);
        const stored = expectSameValue(kind, line);
        if (typeof obj.user_id === 'string') expect(stored).not.toContain(JSON.stringify(obj.user_id));
      }
    }
  });

  const quote = {
    platform_id: 'p1',
    quote_id: 'q1',
    ts: '2026-03-01T10:15:00+08:00',
    sku_id: 's1',
    merchant_id: 'm1',
    user_id: 'u-88',
    user: { device_os: 'ios' },
    list_price: 100,
    price: 90,
    final_price: 90,
    currency: 'CNY',
  };

  it('reuses the line text when it can, with spaces, unknown fields and an existing tsMs', () => {
    const spaced = JSON.stringify({ ...quote, extra: { note: 'kept' } }, null, 1).replace(/\n/g, ' ') + '  ';
    const stored = expectSameValue('price_quotes', spaced);
    expect(stored.startsWith('{  "platform_id"')).toBe(true);
    expect(stored).not.toContain('"u-88"');
    expectSameValue('price_quotes', JSON.stringify({ ...quote, tsMs: 1 }));
  });

  it('replaces a user id written with escapes whole', () => {
    const escaped = JSON.stringify(quote).replace('"user_id":"u-88"', '"user_id":"u\\u002d88"');
    const stored = expectSameValue('price_quotes', escaped);
    expect(stored).not.toContain('88"');
  });

  it('finds the end of a user id literal holding escaped quotes and backslashes', () => {
    // Ids are validated to plain characters, but the swap must not rely on that.
    for (const id of ['u-"88"', 'u-88\\', 'u-\\"88']) {
      const raw = JSON.stringify({ quote_id: 'q-1', user_id: id, price: 1 });
      const record = { quote_id: 'q-1', user_id: 'u_pseudonym', price: 1 };
      const stored = storedDocument(raw, record);
      expect(JSON.parse(stored)).toEqual(record);
    }
  });

  it('falls back to serialising when the key is ambiguous or escaped', () => {
    const twice = JSON.stringify(quote).replace('"user_id":"u-88"', '"user_id":"u-0","user_id":"u-88"');
    expect(expectSameValue('price_quotes', twice)).not.toContain('u-0');
    const escapedKey = JSON.stringify(quote).replace('"user_id"', '"user\\u005fid"');
    expect(expectSameValue('price_quotes', escapedKey)).not.toContain('u-88');
    const inString = JSON.stringify({ ...quote, note: 'a "user_id" inside' });
    expect(expectSameValue('price_quotes', inString)).not.toContain('"u-88"');
  });

  it('serialises records that did not come from a JSON line', () => {
    const record = validated('price_quotes', JSON.stringify(quote));
    expect(storedDocument('p1,q1,2026-03-01T10:15:00+08:00', record)).toBe(JSON.stringify(record));
  });
});
