import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_KINDS, type EventsByKind, type FileKind } from '../events';
import { Pseudonymizer } from '../pseudonymizer';
import { validateRecord } from '../validation/validate-record';
import { FileDatasetSource } from './file-dataset-source';

const FIXTURES = join(__dirname, '../../test-fixtures');
const { pseudonymize } = new Pseudonymizer('file-dataset-source-spec-key');

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('FileDatasetSource', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fm-source-'));
  });
  afterEach(() => rmSync(dir, { recursive: true }));

  it('streams the validated records of every kind of the example', async () => {
    const source = await FileDatasetSource.open(join(FIXTURES, 'example'), { pseudonymize });
    expect([...source.kinds()]).toEqual([...FILE_KINDS]);
    const quotes = await collect(source.rows('price_quotes'));
    expect(quotes.map((q) => q.quote_id)).toEqual(['q1', 'q2']);
    const expected = validateRecord('price_quotes', { ...quotes[0], user_id: 'u-88' }, { pseudonymize });
    expect(expected.ok && expected.record).toEqual(quotes[0]);
  });

  it('counts each file once however many passes read it', async () => {
    cpSync(join(FIXTURES, 'messy'), dir, { recursive: true });
    const source = await FileDatasetSource.open(dir, { pseudonymize });
    const first = await collect(source.rows('price_quotes'));
    const second = await collect(source.rows('price_quotes'));
    expect(second).toEqual(first);
    expect(first).toHaveLength(2);
    const report = await source.report();
    expect(report.files).toEqual({ price_quotes: { lines: 11, accepted: 2, rejected: 9 } });
    expect(report.rejections).toHaveLength(9);
    expect(await source.report()).toEqual(report);
  });

  it('does not count a pass its consumer abandoned, and counts the file in full later', async () => {
    cpSync(join(FIXTURES, 'messy'), dir, { recursive: true });
    const source = await FileDatasetSource.open(dir, { pseudonymize });
    for await (const quote of source.rows('price_quotes')) {
      expect(quote.quote_id).toBe('q1');
      break;
    }
    expect((await source.report()).files.price_quotes).toEqual({ lines: 11, accepted: 2, rejected: 9 });
  });

  it('reports files no detector read, rejections by kind then line, and counts per reason', async () => {
    cpSync(join(FIXTURES, 'messy'), dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'csv/skus.csv'), join(dir, 'skus.csv'));
    writeFileSync(join(dir, 'merchants.ndjson'), '{"platform_id":"p1","merchant_id":"m1"}\n\n{"platform_id":"p1","merchant_id":"m2","kind":"third_party"}\n');
    const source = await FileDatasetSource.open(dir, { pseudonymize, maxRejections: 4 });
    await collect(source.rows('price_quotes'));
    const report = await source.report();
    expect(Object.keys(report.files)).toEqual(['merchants', 'skus', 'price_quotes']);
    expect(report.files.merchants).toEqual({ lines: 2, accepted: 1, rejected: 1 });
    expect(report.files.skus).toEqual({ lines: 4, accepted: 2, rejected: 2 });
    expect(report.rejections).toEqual([
      { file: 'merchants', file_name: 'merchants.ndjson', line: 1, field: 'kind', reason: 'kind: required' },
      { file: 'skus', file_name: 'skus.csv', line: 4, field: 'rating', reason: 'rating: must be a number from 0 to 5' },
      { file: 'skus', file_name: 'skus.csv', line: 5, field: 'expiry_date', reason: 'expiry_date: must be an existing date YYYY-MM-DD' },
      { file: 'price_quotes', file_name: 'price_quotes.ndjson', line: 3, field: 'price', reason: 'price: must be an integer >= 0' },
    ]);
    expect(report.rejection_counts['ts: must be an RFC 3339 timestamp with offset']).toBe(2);
    expect(Object.values(report.rejection_counts).reduce((a, b) => a + b, 0)).toBe(12);
    expect(Object.keys(report.rejection_counts)[0]).toBe('quote_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -');
  });

  it('reads both files of one kind', async () => {
    copyFileSync(join(FIXTURES, 'example/price_quotes.ndjson'), join(dir, 'price_quotes.ndjson'));
    copyFileSync(join(FIXTURES, 'csv/price_quotes.csv'), join(dir, 'price_quotes.csv'));
    const source = await FileDatasetSource.open(dir, { pseudonymize });
    const quotes = await collect(source.rows('price_quotes'));
    expect(quotes).toHaveLength(4);
    expect((await source.report()).files.price_quotes).toEqual({ lines: 7, accepted: 4, rejected: 3 });
  });

  it('reports a CSV that needs arrays as a rejection of its header and goes on with the other files', async () => {
    cpSync(join(FIXTURES, 'csv-refused'), dir, { recursive: true });
    const source = await FileDatasetSource.open(dir, { pseudonymize });
    expect(await collect(source.rows('impressions'))).toEqual([]);
    expect(await collect(source.rows('algorithms'))).toHaveLength(1);
    const report = await source.report();
    expect(report.files.impressions).toEqual({ lines: 1, accepted: 0, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ file: 'impressions', line: 1, reason: expect.stringContaining('submit impressions.ndjson') });
    expect(source.kinds().has('impressions')).toBe(false);
    expect(source.kinds().has('algorithms')).toBe(true);
  });

  it('reads documents given by path relative to the dataset directory', async () => {
    cpSync(join(FIXTURES, 'documents'), dir, { recursive: true });
    const source = await FileDatasetSource.open(dir, { pseudonymize });
    const documents = await collect(source.rows('documents'));
    expect(documents.map((d) => d.document_id)).toEqual(['d-inline', 'd-path']);
    expect(documents[1].text).toContain('非独家');
  });

  it('reports progress in bytes, rising to the total size once, however many passes', async () => {
    cpSync(join(FIXTURES, 'example'), dir, { recursive: true });
    const calls: [number, number][] = [];
    const source = await FileDatasetSource.open(dir, { pseudonymize, onProgress: (read, total) => calls.push([read, total]) });
    const total = source.files.reduce((sum, f) => sum + f.size, 0);
    await collect(source.rows('skus'));
    await collect(source.rows('skus'));
    await source.report();
    expect(calls.every(([, t]) => t === total)).toBe(true);
    expect(calls.map(([read]) => read)).toEqual([...calls.map(([read]) => read)].sort((a, b) => a - b));
    expect(calls[calls.length - 1][0]).toBe(total);
    expect(new Set(calls.map(([read]) => read)).size).toBe(calls.length);
  });

  it('gives the same records whichever kind is read first', async () => {
    const a = await FileDatasetSource.open(join(FIXTURES, 'example'), { pseudonymize });
    const b = await FileDatasetSource.open(join(FIXTURES, 'example'), { pseudonymize });
    const byKind = async (source: FileDatasetSource, kinds: FileKind[]) => {
      const out: Partial<Record<FileKind, EventsByKind[FileKind][]>> = {};
      for (const kind of kinds) out[kind] = await collect(source.rows(kind));
      return out;
    };
    expect(await byKind(a, [...FILE_KINDS])).toEqual(await byKind(b, [...FILE_KINDS].reverse()));
    expect(await a.report()).toEqual(await b.report());
  });
});
