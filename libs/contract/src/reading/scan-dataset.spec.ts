import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_KINDS } from '../events';
import { DatasetUnreadableError } from './dataset-unreadable.error';
import { scanDataset } from './scan-dataset';

const FIXTURES = join(__dirname, '../../test-fixtures');

describe('scanDataset', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fm-scan-'));
  });
  afterEach(() => rmSync(dir, { recursive: true }));

  it('lists the known files in FILE_KINDS order', async () => {
    const files = await scanDataset(join(FIXTURES, 'example'));
    expect(files.map((f) => f.kind)).toEqual([...FILE_KINDS]);
    expect(files[2]).toMatchObject({ name: 'price_quotes.ndjson', format: 'ndjson', gzip: false, path: join(FIXTURES, 'example/price_quotes.ndjson') });
    expect(files[2].size).toBeGreaterThan(0);
  });

  it('lists two files of one kind, and skips unknown files and directories', async () => {
    copyFileSync(join(FIXTURES, 'example/price_quotes.ndjson'), join(dir, 'price_quotes.ndjson'));
    copyFileSync(join(FIXTURES, 'csv/price_quotes.csv'), join(dir, 'price_quotes.csv'));
    copyFileSync(join(FIXTURES, 'gzip/price_quotes.ndjson.gz'), join(dir, 'merchants.ndjson.gz'));
    writeFileSync(join(dir, 'README.md'), 'notes');
    mkdirSync(join(dir, 'skus.ndjson'));
    const files = await scanDataset(dir);
    expect(files.map((f) => [f.name, f.kind, f.format, f.gzip])).toEqual([
      ['merchants.ndjson.gz', 'merchants', 'ndjson', true],
      ['price_quotes.csv', 'price_quotes', 'csv', false],
      ['price_quotes.ndjson', 'price_quotes', 'ndjson', false],
    ]);
  });

  it('throws DatasetUnreadableError when the directory does not exist', async () => {
    await expect(scanDataset(join(dir, 'nope'))).rejects.toThrow(DatasetUnreadableError);
    await expect(scanDataset(join(dir, 'nope'))).rejects.toThrow(/does not exist/);
  });

  it('throws DatasetUnreadableError for a file instead of a directory', async () => {
    writeFileSync(join(dir, 'orders.ndjson'), '');
    await expect(scanDataset(join(dir, 'orders.ndjson'))).rejects.toThrow(/is not a directory/);
  });

  it('throws DatasetUnreadableError for a directory without a known file, naming the expected names', async () => {
    writeFileSync(join(dir, 'quotes.json'), '{}');
    await expect(scanDataset(dir)).rejects.toThrow(/holds no dataset file: expected names such as merchants\.ndjson/);
  });
});
