import { createHash } from 'node:crypto';
import { copyRow, copyValue } from '../../persistence/src/events/copy-text';
import { EVENT_TABLES } from '../../persistence/src/events/event-tables';
import { encodeEventRow } from './encode-event-row';

const ids = { datasetId: '6f1c1d1e-0000-4000-8000-000000000001', fileId: '6f1c1d1e-0000-4000-8000-000000000002' };

describe('encodeEventRow', () => {
  it('gives one COPY row in copyColumns order, with ts, the line hash and the stored document escaped', () => {
    const raw = '{"platform_id":"p1","quote_id":"q-1","ts":"2026-03-01T10:00:00+08:00","sku_id":"s\\\\1","user_id":"u-1","note":"a\\tb"}';
    const record = { platform_id: 'p1', quote_id: 'q-1', ts: '2026-03-01T10:00:00+08:00', sku_id: 's\\1', user_id: 'u_x', note: 'a\tb', tsMs: Date.parse('2026-03-01T02:00:00Z') };
    const row = encodeEventRow(EVENT_TABLES.price_quotes, record as never, { ...ids, line: 7, raw });
    const doc = '{"platform_id":"p1","quote_id":"q-1","ts":"2026-03-01T10:00:00+08:00","sku_id":"s\\\\1","user_id":"u_x","note":"a\\tb","tsMs":1772330400000}';
    expect(JSON.parse(doc)).toEqual(record);
    expect(row).toBe(
      copyRow([ids.datasetId, 'p1', 'q-1', '2026-03-01T02:00:00.000Z', copyValue('s\\1'), '\\N', ids.fileId, '7',
        `\\\\x${createHash('sha256').update(raw).digest('hex')}`, copyValue(doc)]),
    );
    expect(row.split('\t')).toHaveLength(10);
  });

  it('has no ts column for a kind without time, and \\N for absent sku and merchant', () => {
    const record = { platform_id: 'p1', merchant_id: 'm-1', name: '店' };
    const row = encodeEventRow(EVENT_TABLES.merchants, record as never, { ...ids, line: 1, raw: JSON.stringify(record) });
    const cells = row.slice(0, -1).split('\t');
    expect(cells).toHaveLength(9);
    expect(cells.slice(0, 5)).toEqual([ids.datasetId, 'p1', 'm-1', '\\N', 'm-1']);
  });
});
