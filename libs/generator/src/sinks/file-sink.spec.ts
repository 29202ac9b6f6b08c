import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../generate-dataset';
import type { Label } from '../scenario';
import { FileSink } from './file-sink';

describe('FileSink', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fm-sink-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON object per line per kind, and labels.json', async () => {
    const sink = new FileSink(dir);
    sink.write('merchants', { platform_id: 'p1', merchant_id: 'm1', kind: 'third_party', name: '山海优选' });
    sink.write('merchants', { platform_id: 'p1', merchant_id: 'm2', kind: 'self_operated' });
    sink.write('skus', { platform_id: 'p1', sku_id: 's1', merchant_id: 'm1', category: 'books' });
    const label: Label = { case_id: 'c1', detector: 'fake_promotion', kind: 'fake_scarcity', platform_id: 'p1', match: { sku_id: 's1' }, expected: { cn: 'alert', eu: 'alert' }, note: 'n' };
    sink.writeLabels([label]);
    await sink.close();

    expect(readdirSync(dir).sort()).toEqual(['labels.json', 'merchants.ndjson', 'skus.ndjson']);
    const lines = readFileSync(join(dir, 'merchants.ndjson'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).merchant_id)).toEqual(['m1', 'm2']);
    expect(JSON.parse(lines[0]).name).toBe('山海优选');
    expect(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'))).toEqual([label]);
    expect(() => sink.write('skus', {})).toThrow(/closed/);
  });

  it('flushes at about 1 MB instead of holding a file in memory', async () => {
    const sink = new FileSink(dir);
    const record = { platform_id: 'p1', document_id: 'd', kind: 'notice', language: 'en', text: 'x'.repeat(10_000) };
    for (let i = 0; i < 150; i++) sink.write('documents', { ...record, document_id: `d${i}` });
    // 1.5 MB written: at least the first megabyte is on disk before close.
    expect(statSync(join(dir, 'documents.ndjson')).size).toBeGreaterThanOrEqual(1 << 20);
    await sink.close();
    expect(statSync(join(dir, 'documents.ndjson')).size).toBeGreaterThan(1_500_000);
  });

  it('writes a generated dataset as valid NDJSON that matches the counts', async () => {
    const sink = new FileSink(dir);
    const { counts } = generateDataset({ seed: 4, scale: 0.1, sink, scenarios: [] });
    await sink.close();
    for (const [kind, count] of Object.entries(counts)) {
      if (count === 0) continue;
      const lines = readFileSync(join(dir, `${kind}.ndjson`), 'utf8').trimEnd().split('\n');
      expect(lines.length).toBe(count);
      expect(lines.every((l) => typeof JSON.parse(l).platform_id === 'string')).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'))).toEqual([]);
  }, 30_000);
});
