import { Pseudonymizer } from '@fairmarket/contract';
import { SliceEncoder } from './encode-slice';
import { encodeEventRow } from './encode-event-row';
import { EVENT_TABLES } from '../../persistence/src/events/event-tables';
import { validateRecord } from '@fairmarket/contract';

const KEY = 'encode-slice-spec-key-0123456789';
const context = { kind: 'price_quotes' as const, datasetId: '6f1c1d1e-0000-4000-8000-000000000001', fileId: '6f1c1d1e-0000-4000-8000-000000000002', datasetPlatformId: 'p1', pseudonymKey: KEY };

function quote(i: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    platform_id: 'p1', quote_id: `q-${i}`, ts: `2026-03-0${1 + (i % 2)}T10:00:00+08:00`, sku_id: `s${i}`, merchant_id: 'm1',
    user_id: `u-${i % 3}`, user: { device_os: 'ios' }, list_price: 100, price: 90, final_price: 90, currency: 'CNY', ...overrides,
  });
}

describe('SliceEncoder', () => {
  it('encodes accepted lines exactly as the in-process path and lists each rejected one with its reason', () => {
    const lines = [
      { line: 3, text: quote(1) },
      { line: 4, text: '{"platform_id": "p1"' },
      { line: 6, text: quote(2, { price: -1 }) },
      { line: 7, text: quote(3, { platform_id: 'p2' }) },
      // +08:00 early morning on 1 March is still February in UTC.
      { line: 8, text: quote(4, { ts: '2026-03-01T05:00:00+08:00' }) },
    ];
    const slice = new SliceEncoder(context).encode(5, lines);
    expect(slice).toMatchObject({ seq: 5, accepted: 2, lines: 5, lastLine: 8 });
    expect(slice.bytes).toBe(lines.reduce((sum, l) => sum + Buffer.byteLength(l.text) + 1, 0));
    expect(slice.months).toEqual(['2026-03', '2026-02']);
    expect(slice.rejections.map((r) => [r.line, r.field])).toEqual([[4, null], [6, 'price'], [7, 'platform_id']]);
    expect(slice.rejections[2].reason).toMatch(/must be "p1"/);

    const { pseudonymize } = new Pseudonymizer(KEY);
    const expected = [lines[0], lines[4]].map(({ line, text }) => {
      const result = validateRecord('price_quotes', JSON.parse(text), { pseudonymize });
      if (!result.ok) throw new Error(result.reason);
      return encodeEventRow(EVENT_TABLES.price_quotes, result.record, { datasetId: context.datasetId, fileId: context.fileId, line, raw: text });
    });
    expect(Buffer.concat(slice.chunks).toString('utf8')).toBe(expected.join(''));
    expect(Buffer.concat(slice.chunks).toString('utf8')).not.toContain('"u-');
  });
});
