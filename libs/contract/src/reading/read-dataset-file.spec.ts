import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { EventsByKind, FileKind } from '../events';
import { Pseudonymizer } from '../pseudonymizer';
import { DatasetFileError } from './dataset-file.error';
import type { LineResult } from './line-result';
import { readDatasetFile, readDatasetFileBatches, type ReadDatasetFileOptions } from './read-dataset-file';

const FIXTURES = join(__dirname, '../../test-fixtures');
const { pseudonymize } = new Pseudonymizer('read-dataset-file-spec-key');

async function readAll<K extends FileKind>(
  path: string,
  options: Omit<ReadDatasetFileOptions<K>, 'pseudonymize'>,
): Promise<LineResult<EventsByKind[K]>[]> {
  const results: LineResult<EventsByKind[K]>[] = [];
  for await (const result of readDatasetFile(path, { ...options, pseudonymize })) results.push(result);
  return results;
}

const outcome = (r: LineResult<unknown>): [number, string] => [r.line, r.rejection?.reason ?? 'ok'];

describe('readDatasetFile: NDJSON', () => {
  const messy = join(FIXTURES, 'messy/price_quotes.ndjson');

  it('gives every non-blank line once, accepted or with its reason, under its physical line number', async () => {
    const results = await readAll(messy, { kind: 'price_quotes', format: 'ndjson', gzip: false });
    expect(results.map(outcome)).toEqual([
      [1, 'ok'],
      [3, 'price: must be an integer >= 0'],
      [4, expect.stringMatching(/^not valid JSON: \S/)],
      [6, 'final_price: must be an integer >= 0'],
      [7, 'not a JSON object (found an array): each line must be one object'],
      [8, 'ts: must be an RFC 3339 timestamp with offset'],
      [9, 'ts: must be an RFC 3339 timestamp with offset'],
      [10, 'user_id: required'],
      [11, 'quote_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -'],
      [12, 'quote_id: must be an id of 1 to 128 characters from A-Z a-z 0-9 . _ : -'],
      [13, 'ok'],
    ]);
    expect(results[1].rejection?.field).toBe('price');
    expect(results[2].rejection?.field).toBeUndefined();
  });

  it('strips the BOM and CRLF from raw, which is otherwise the exact line', async () => {
    const results = await readAll(messy, { kind: 'price_quotes', format: 'ndjson', gzip: false });
    const physical = readFileSync(messy, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    for (const result of results) expect(result.raw).toBe(physical[result.line - 1]);
    expect(results[0].raw.startsWith('{"platform_id"')).toBe(true);
  });

  it('pseudonymizes user ids and keeps unknown fields', async () => {
    const results = await readAll(messy, { kind: 'price_quotes', format: 'ndjson', gzip: false });
    const last = results[results.length - 1].record as unknown as Record<string, unknown>;
    expect(last.audit_note).toBe('kept');
    expect((last.user as Record<string, unknown>).loyalty_score).toBe(7);
    expect(last.user_id).toBe(pseudonymize('u-88'));
    expect(JSON.stringify(results.map((r) => r.record))).not.toContain('u-88');
  });

  it('keeps the parser message but not the quoted start of the line, which may be personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-json-'));
    try {
      writeFileSync(join(dir, 'orders.ndjson'), '{"user_id": raw-user-42}\n');
      const [result] = await readAll(join(dir, 'orders.ndjson'), { kind: 'orders', format: 'ndjson', gzip: false });
      expect(result.rejection?.reason).toBe("not valid JSON: Unexpected token 'r'");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads a gzipped file like the plain one and reports bytes read', async () => {
    const gz = join(FIXTURES, 'gzip/price_quotes.ndjson.gz');
    const sizes: number[] = [];
    const zipped = await readAll(gz, { kind: 'price_quotes', format: 'ndjson', gzip: true, onBytesRead: (b) => sizes.push(b) });
    const plain = await readAll(join(FIXTURES, 'example/price_quotes.ndjson'), { kind: 'price_quotes', format: 'ndjson', gzip: false });
    expect(zipped).toEqual(plain);
    expect(zipped.every((r) => r.record !== undefined)).toBe(true);
    expect(sizes[sizes.length - 1]).toBe(statSync(gz).size);
  });

  it('passes on the error of a corrupt gzip file after the lines it could read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-gz-'));
    try {
      const lines = readFileSync(join(FIXTURES, 'example/price_quotes.ndjson'), 'utf8').repeat(2000);
      const whole = gzipSync(lines);
      writeFileSync(join(dir, 'price_quotes.ndjson.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
      const seen: number[] = [];
      const read = async (): Promise<void> => {
        for await (const r of readDatasetFile(join(dir, 'price_quotes.ndjson.gz'), { kind: 'price_quotes', format: 'ndjson', gzip: true, pseudonymize })) {
          seen.push(r.line);
        }
      };
      await expect(read()).rejects.toThrow(/unexpected end of file/);
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readDatasetFileBatches', () => {
  it('hands over exactly the lines of readDatasetFile, in order, in non-empty arrays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-batches-'));
    try {
      // Many chunks' worth of lines, blank and rejected ones among them.
      const messy = readFileSync(join(FIXTURES, 'messy/price_quotes.ndjson'), 'utf8').replace(/^\ufeff/, '');
      const path = join(dir, 'price_quotes.ndjson');
      writeFileSync(path, messy.repeat(1000));
      const options = { kind: 'price_quotes' as const, format: 'ndjson' as const, gzip: false };
      const batches: LineResult[][] = [];
      for await (const batch of readDatasetFileBatches(path, { ...options, pseudonymize })) batches.push(batch);
      expect(batches.length).toBeGreaterThan(1);
      expect(batches.every((b) => b.length > 0)).toBe(true);
      const flat = batches.flat();
      // Compared as text: a deep toEqual of tens of thousands of records takes minutes.
      expect(JSON.stringify(flat)).toBe(JSON.stringify(await readAll(path, options)));
      expect(flat.map((r) => r.line)).toEqual([...flat.map((r) => r.line)].sort((a, b) => a - b));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readDatasetFile: CSV', () => {
  it('unflattens dotted columns, coerces cells to the schema types and treats empty cells as absent', async () => {
    const results = await readAll(join(FIXTURES, 'csv/price_quotes.csv'), { kind: 'price_quotes', format: 'csv', gzip: false });
    expect(results.map(outcome)).toEqual([
      [2, 'ok'],
      [4, 'ok'],
      [5, 'user.new_user: must be true or false'],
      [6, 'price: must be an integer >= 0'],
      [7, 'expected 16 cells as in the header, found 3'],
    ]);
    const [first, second] = results.map((r) => r.record as unknown as Record<string, unknown>);
    expect(first).toEqual({
      platform_id: 'p1',
      quote_id: 'q1',
      ts: '2026-03-01T10:15:00+08:00',
      tsMs: Date.UTC(2026, 2, 1, 2, 15),
      sku_id: 's1',
      merchant_id: 'm1',
      user_id: pseudonymize('u-88'),
      user: { new_user: false, tenure_days: 900, device_os: 'ios', region: '310000' },
      list_price: 29900,
      price: 27900,
      final_price: 27900,
      currency: 'CNY',
    });
    expect(second.experiment).toEqual({ experiment_id: 'exp-7', arm: 'B' });
    expect(results[0].raw).toBe('p1,q1,2026-03-01T10:15:00+08:00,s1,m1,u-88,false,900,ios,310000,29900,27900,27900,CNY,,');
  });

  it('keeps unknown columns, quoted commas, and numbers multi-line rows by their first line', async () => {
    const results = await readAll(join(FIXTURES, 'csv/skus.csv'), { kind: 'skus', format: 'csv', gzip: false });
    expect(results.map(outcome)).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'rating: must be a number from 0 to 5'],
      [5, 'expiry_date: must be an existing date YYYY-MM-DD'],
    ]);
    const s1 = results[0].record as unknown as Record<string, unknown>;
    expect(s1).toMatchObject({ title: 'Wireless earbuds, black', own_brand: true, rating: 4.6, shelf: 'A3' });
    expect(s1).not.toHaveProperty('perishable');
    expect(results[1].record).not.toHaveProperty('shelf');
  });

  it('reads a gzipped CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-csvgz-'));
    try {
      writeFileSync(join(dir, 'skus.csv.gz'), gzipSync(readFileSync(join(FIXTURES, 'csv/skus.csv'))));
      const results = await readAll(join(dir, 'skus.csv.gz'), { kind: 'skus', format: 'csv', gzip: true });
      expect(results.map(outcome)).toEqual(
        (await readAll(join(FIXTURES, 'csv/skus.csv'), { kind: 'skus', format: 'csv', gzip: false })).map(outcome),
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('ends the file with a rejection at malformed quoting, without quoting the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-csvbad-'));
    try {
      writeFileSync(join(dir, 'merchants.csv'), 'platform_id,merchant_id,kind\np1,m1,third_party\np1,"m2"secret,third_party\n');
      const results = await readAll(join(dir, 'merchants.csv'), { kind: 'merchants', format: 'csv', gzip: false });
      expect(results.map(outcome)).toEqual([
        [2, 'ok'],
        [3, 'not valid CSV: invalid closing quote'],
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each<[string, FileKind, string]>([
    ['csv-refused/impressions.csv', 'impressions', 'CSV cannot hold arrays and impressions needs items: submit impressions.ndjson'],
    ['csv-coupons/price_quotes.csv', 'price_quotes', 'CSV cannot hold arrays, and column coupons is one'],
  ])('refuses %s, whose data needs arrays, before any line', async (file, kind, message) => {
    const read = readAll(join(FIXTURES, file), { kind, format: 'csv', gzip: false });
    await expect(read).rejects.toThrow(DatasetFileError);
    await expect(readAll(join(FIXTURES, file), { kind, format: 'csv', gzip: false })).rejects.toThrow(message);
  });

  it('refuses an algorithms CSV, since declared_features is an array', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-algo-'));
    try {
      writeFileSync(join(dir, 'algorithms.csv'), 'platform_id,algorithm_id,name\np1,a1,x\n');
      await expect(readAll(join(dir, 'algorithms.csv'), { kind: 'algorithms', format: 'csv', gzip: false })).rejects.toThrow(
        /declared_features/,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('does not let a __proto__ column reach Object.prototype', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-proto-'));
    try {
      writeFileSync(join(dir, 'merchants.csv'), 'platform_id,merchant_id,kind,__proto__.polluted\np1,m1,third_party,yes\n');
      const [result] = await readAll(join(dir, 'merchants.csv'), { kind: 'merchants', format: 'csv', gzip: false });
      expect(result.record).toBeDefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readDatasetFile: documents given by path', () => {
  it('reads files inside the dataset directory and refuses the rest', async () => {
    const results = await readAll(join(FIXTURES, 'documents/documents.ndjson'), { kind: 'documents', format: 'ndjson', gzip: false });
    expect(results.map((r) => [r.record?.document_id ?? JSON.parse(r.raw).document_id, r.rejection?.reason ?? 'ok'])).toEqual([
      ['d-inline', 'ok'],
      ['d-path', 'ok'],
      ['d-escape', 'path: must stay inside the dataset directory'],
      ['d-absolute', 'path: must be relative to the dataset directory, not absolute'],
      ['d-missing', 'path: file not found in the dataset directory'],
      ['d-both', 'path: give either text or path, not both'],
      ['d-neither', 'text: required (or path to a file of the dataset)'],
      ['d-dir', 'path: is not a file'],
    ]);
    expect(results[1].record?.text).toBe(readFileSync(join(FIXTURES, 'documents/texts/agreement.txt'), 'utf8'));
    expect(results[1].record?.path).toBe('texts/agreement.txt');
    expect(results[2].rejection?.field).toBe('path');
  });

  it('refuses a symbolic link that leads out of the dataset directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-docs-'));
    try {
      mkdirSync(join(dir, 'texts'));
      symlinkSync(join(FIXTURES, 'documents-outside.txt'), join(dir, 'texts/link.txt'));
      writeFileSync(
        join(dir, 'documents.ndjson'),
        JSON.stringify({ platform_id: 'p1', document_id: 'd1', kind: 'notice', language: 'en', path: 'texts/link.txt' }) + '\n',
      );
      const [result] = await readAll(join(dir, 'documents.ndjson'), { kind: 'documents', format: 'ndjson', gzip: false, datasetDir: dir });
      expect(result.rejection?.reason).toBe('path: must stay inside the dataset directory');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
