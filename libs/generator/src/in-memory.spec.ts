import { MemorySource } from '../../detectors/src/testing/memory-source';
import { generateInMemory, toValidatedSource } from './in-memory';
import { MemorySink } from './sinks/memory-sink';

const KEY = 'generator-test-key-0123456789';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('generateInMemory and toValidatedSource', () => {
  it('produces only records that pass validateRecord, background and default scenarios alike', async () => {
    const { raw, labels } = generateInMemory(8, 0.1);
    const source = toValidatedSource(raw, KEY);
    expect(source).toBeInstanceOf(MemorySource);
    for (const kind of source.kinds()) {
      expect((await collect(source.rows(kind))).length).toBe(raw.get(kind).length);
    }
    expect(source.kinds().size).toBe(10);
    expect(new Set(labels.map((l) => l.case_id)).size).toBe(labels.length);
  }, 60_000);

  it('pseudonymises user ids and adds epoch milliseconds, as the readers do', async () => {
    const { raw } = generateInMemory(8, 0.1, { scenarios: [] });
    const source = toValidatedSource(raw, KEY);
    const quotes = await collect(source.rows('price_quotes'));
    const rawIds = new Set(raw.get('price_quotes').map((q) => q.user_id));
    expect(quotes.every((q) => q.user_id.startsWith('u_') && !rawIds.has(q.user_id))).toBe(true);
    expect(quotes[0].tsMs).toBe(Date.parse(quotes[0].ts));
    const p2 = await collect(source.forPlatform('p2').rows('orders'));
    expect(p2.length).toBe(raw.get('orders').filter((o) => o.platform_id === 'p2').length);
  }, 30_000);

  it('names the file, the record and the reason when a record is invalid', () => {
    const raw = new MemorySink();
    raw.write('orders', { platform_id: 'p1', order_id: 'o1', ts: 'yesterday', sku_id: 's', merchant_id: 'm', quantity: 1, unit_price: 5, currency: 'CNY' });
    expect(() => toValidatedSource(raw, KEY)).toThrow(/orders record .*"o1".* fails validation: ts/);
  });
});
