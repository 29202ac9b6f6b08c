import { appendFile, cp, mkdtemp, readFile, readdir, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

/** The offline tools as a compliance team runs them: no database, no queue, no network. */
describe('fairmarket CLI', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'fm-cli-'));
  });

  it('generates the same dataset for the same seed, and labels it', async () => {
    const a = join(work, 'gen-a');
    const b = join(work, 'gen-b');
    expect((await runCli(['generate', '--out', a, '--seed', '5', '--scale', '0.1'])).code).toBe(0);
    expect((await runCli(['generate', '--out', b, '--seed', '5', '--scale', '0.1'])).code).toBe(0);
    const files = (await readdir(a)).sort();
    expect(files).toEqual(expect.arrayContaining(['labels.json', 'price_quotes.ndjson', 'orders.ndjson', 'impressions.ndjson', 'documents.ndjson', 'algorithms.ndjson']));
    for (const f of files) expect(await readFile(join(b, f), 'utf8')).toBe(await readFile(join(a, f), 'utf8'));
    const labels = JSON.parse(await readFile(join(a, 'labels.json'), 'utf8'));
    expect(labels.length).toBeGreaterThan(20);
  });

  it('validate exits 0 on a valid dataset, 1 when lines are rejected, 2 when the input cannot be read', async () => {
    const dir = join(work, 'gen-a');
    const ok = await runCli(['validate', '--input', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/price_quotes/);

    const bad = join(work, 'bad');
    await mkdir(bad);
    await copyFile(join(dir, 'merchants.ndjson'), join(bad, 'merchants.ndjson'));
    await writeFile(join(bad, 'skus.ndjson'), '{"platform_id":"p1","sku_id":"s1","merchant_id":"m1"}\nnot json\n');
    const rejected = await runCli(['validate', '--input', bad, '--json']);
    expect(rejected.code).toBe(1);
    const report = JSON.parse(rejected.stdout);
    expect(report.files.skus).toEqual({ lines: 2, accepted: 0, rejected: 2 });
    expect(report.rejections.map((r: { file: string; line: number; field?: string }) => [r.file, r.line, r.field])).toEqual([
      ['skus', 1, 'category'],
      ['skus', 2, undefined],
    ]);

    const missing = await runCli(['validate', '--input', join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it('detect writes the findings document and exits 2 on unreadable input', async () => {
    const out = join(work, 'findings.json');
    const run = await runCli(['detect', '--input', join(work, 'gen-a'), '--out', out, '--rules', 'eu']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/alerts/);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.schema).toBe('fairmarket.findings/v1');
    expect(doc.rule_pack).toBe('eu');
    expect(doc.dataset.files.price_quotes.accepted).toBeGreaterThan(0);
    expect(doc.findings.length).toBeGreaterThan(0);
    for (const f of doc.findings) {
      expect(f.legal_basis.length).toBeGreaterThan(0);
      expect(f.method).toBeTruthy();
      expect(f.evidence.length).toBeLessThanOrEqual(50);
    }
    expect((await runCli(['detect', '--input', join(work, 'nope'), '--out', out])).code).toBe(2);
    expect((await runCli(['detect', '--input', join(work, 'gen-a'), '--out', out, '--detectors', 'bogus'])).code).toBe(2);
  });

  it('detect gives the same document on every run, rejected lines counted, without PSEUDONYM_KEY', async () => {
    const dir = join(work, 'rerun');
    await cp(join(work, 'gen-a'), dir, { recursive: true });
    await appendFile(join(dir, 'price_quotes.ndjson'), 'not json\n{"platform_id":"p1","quote_id":"bad-q"}\n');
    await appendFile(join(dir, 'impressions.ndjson'), '{"platform_id":"p1","request_id":"bad-r"}\n');
    const documents = [];
    for (const attempt of ['1', '2']) {
      const out = join(work, `rerun-${attempt}.json`);
      // Without PSEUDONYM_KEY: two runs must still agree (evidence sampling depends on the pseudonyms).
      const run = await runCli(['detect', '--input', dir, '--out', out], { PSEUDONYM_KEY: '' });
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      const { generated_at, ...doc } = JSON.parse(await readFile(out, 'utf8'));
      expect(generated_at).toBeTruthy();
      documents.push(doc);
    }
    expect(documents[1]).toEqual(documents[0]);
    const dataset = documents[0].dataset;
    expect(dataset.files.price_quotes.rejected).toBe(2);
    expect(dataset.files.impressions.rejected).toBe(1);
    expect(documents[0].findings.length).toBeGreaterThan(0);
  });
});
