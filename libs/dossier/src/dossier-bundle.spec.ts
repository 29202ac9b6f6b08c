import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildDossier } from './build-dossier';
import { newSigningKeyPem } from './manifest/signing';
import { sampleFinding, sampleInput, sampleRows } from './testing/dossier-fixture';
import { verifyDossier } from './verify-dossier';
import { readCanonicalZip, entryContent } from './zip/zip-reader';
import { ZipWriter } from './zip/zip-writer';
import { METHOD_STORE } from './zip/zip-format';

describe('dossier bundle: build, verify, tamper', () => {
  let dir: string;
  let bundle: Buffer;
  const pem = newSigningKeyPem();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fm-dossier-test-'));
    const findings = [sampleFinding('fp-1'), sampleFinding('fp-2', { evidence: [{ file: 'orders', id: '=cmd', note: '@SUM(1)' }], evidence_total: 1 })];
    const out = join(dir, 'case.zip');
    const progress: string[] = [];
    const built = await buildDossier(sampleInput(findings), sampleRows, { out, signingKey: createPrivateKey(pem), progressEvery: 1, onProgress: (p) => void progress.push(p.phase) });
    expect(progress).toEqual(expect.arrayContaining(['exhibits', 'pdf', 'manifest', 'done']));
    expect(built.manifest.merkle.leaves).toBe(3);
    bundle = await readFile(out);
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('verifies as built, with the signer pinned, and lists every file', () => {
    const result = verifyDossier(bundle, { trustedPublicKeyPem: createPublicKey(createPrivateKey(pem)).export({ format: 'pem', type: 'spki' }).toString() });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, key_trusted: true, case_number: 'FM-2026-0001', rows_checked: 3, files_checked: 5 });
  });

  it('refuses a bundle signed by a key other than the pinned one', () => {
    const other = createPublicKey(createPrivateKey(newSigningKeyPem())).export({ format: 'pem', type: 'spki' }).toString();
    expect(verifyDossier(bundle, { trustedPublicKeyPem: other })).toMatchObject({ ok: false, key_trusted: false });
  });

  it('neutralises formula cells in the exhibit CSV', () => {
    const { entries } = readCanonicalZip(bundle);
    const csv = entryContent(entries.find((e) => e.name === 'exhibits/02-fp-2.csv')!).content!.toString('utf8');
    expect(csv).toContain(",'=cmd,");
    expect(csv).toContain(",'@SUM(1),");
    const first = entryContent(entries.find((e) => e.name === 'exhibits/01-fp-1.csv')!).content!.toString('utf8');
    expect(first).toContain(",'-o-2,");
  });

  it('catches a change of one byte anywhere in the bundle', () => {
    const { entries } = readCanonicalZip(bundle);
    const pdf = entries.find((e) => e.name === 'dossier.pdf')!;
    const pdfStart = pdf.raw.byteOffset - bundle.byteOffset;
    const pdfEnd = pdfStart + pdf.raw.length;
    let tried = 0;
    const missed: number[] = [];
    for (let offset = 0; offset < bundle.length; offset += offset >= pdfStart && offset < pdfEnd ? 37 : 1) {
      const copy = Buffer.from(bundle);
      copy[offset] ^= 0x01;
      tried++;
      const result = verifyDossier(copy);
      if (result.ok || result.problems.length === 0) missed.push(offset);
    }
    expect(tried).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  }, 300_000);

  it('names the exhibit file and row that changed when the bundle is re-zipped with an edited row', async () => {
    const { entries } = readCanonicalZip(bundle);
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ZipWriter(sink);
    for (const e of entries) {
      let content = entryContent(e).content!;
      if (e.name === 'exhibits/01-fp-1.csv') content = Buffer.from(content.toString('utf8').replace('"unit_price"":9900', '"unit_price"":9000'));
      await writer.add(e.name, [content], e.method === METHOD_STORE ? METHOD_STORE : 8);
    }
    await writer.finish();
    const result = verifyDossier(Buffer.concat(chunks));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'exhibits/01-fp-1.csv', row: 2, natural_id: "'-o-2", what: 'this row was changed' })]));
    expect(result.problems.every((p) => p.file === 'exhibits/01-fp-1.csv' || p.file === 'manifest.json')).toBe(true);
  }, 60_000);

  it('carries a PDF with the CJK font embedded, whose pages render to images and whose Chinese text extracts', async () => {
    const { entries } = readCanonicalZip(bundle);
    const pdf = join(dir, 'dossier.pdf');
    await writeFile(pdf, entryContent(entries.find((e) => e.name === 'dossier.pdf')!).content!);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    for (const words of ['案件卷宗', '证据目录', 'Evidence index', '时间线', '法律依据', '被比较价格', '证据保管链', 'FM-2026-0001', '我们正在核查']) expect(text).toContain(words);
    const fonts = execFileSync('pdffonts', [pdf]).toString('utf8');
    expect(fonts).toMatch(/NotoSansHans-Regular.*\byes\b/);
    // Page 1 as a greyscale image: the title and tables must put ink on the page.
    execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const pgm = await readFile(join(dir, 'page-1.pgm')).catch(() => readFile(join(dir, 'page-01.pgm')));
    const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'))!;
    const pixels = pgm.subarray(pgm.length - Number(w) * Number(h));
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(200);
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'png')]);
    const png = await readFile(join(dir, 'png-1.png')).catch(() => readFile(join(dir, 'png-01.png')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);
});
