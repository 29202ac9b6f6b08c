import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { newSigningKeyPem, verifyDossier } from '@fairmarket/dossier';
import { regulatorToken } from '../security/support/accounts';
import { runCli } from '../support/cli';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';

const binary = (res: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The server path: findings of a stored dataset → build-dossier job with progress → ZIP → verify; and filings. */
describe('dossiers and filings on the server', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let token: string;
  let datasetId: string;
  let findings: { id: string; detector: string; kind: string | null; severity: string; platform_id: string; subject: Record<string, string> }[];
  const env = { DOSSIER_SIGNING_KEY: newSigningKeyPem().replace(/\n/g, '\\n'), DOSSIER_DIR: `var/test-dossiers/${process.env.FM_TEST_RUN}` };
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const started = await startApi(env);
    api = started.process;
    url = started.url;
    token = await regulatorToken(url);
    worker = await startWorker(env);
    const dir = join(await mkdtemp(join(tmpdir(), 'fm-dossier-srv-')), 'data');
    expect((await runCli(['generate', '--out', dir, '--seed', '4', '--scale', '0.1'])).code).toBe(0);
    const submitted = await runCli(['submit', '--api', url, '--input', dir, '--name', 'dossier e2e'], { FAIRMARKET_TOKEN: token });
    if (submitted.code !== 0) throw new Error(`submit failed: ${submitted.stderr}\n${worker.output.slice(-3000)}`);
    datasetId = submitted.stdout.trim();
    const doc = await waitFor('the findings', async () => {
      const res = await request(url).get(`/v1/datasets/${datasetId}/findings`).set(auth()).expect(200);
      return res.body.run?.status === 'done' ? res.body : null;
    });
    findings = doc.findings;
  }, 300_000);

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  it('builds a signed dossier as a job with progress, and the bundle verifies offline and through the api', async () => {
    const chosen = findings.filter((f) => f.severity !== 'info').slice(0, 3).map((f) => f.id);
    expect(chosen.length).toBeGreaterThan(0);
    const queued = await request(url).post(`/v1/datasets/${datasetId}/dossiers`).set(auth()).send({ finding_ids: chosen, case_number: 'SAMR-2026-042' }).expect(202);
    const status = await waitFor('the dossier', async () => {
      const res = await request(url).get(`/v1/datasets/${datasetId}/dossiers/${queued.body.id}`).set(auth()).expect(200);
      if (res.body.status === 'failed') throw new Error(`dossier failed: ${res.body.error}\n${worker.output.slice(-2000)}`);
      return res.body.status === 'done' ? res.body : null;
    });
    expect(status.progress).toMatchObject({ phase: 'done' });
    const zip = await request(url).get(status.download).set(auth()).buffer(true).parse(binary).expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const bundle = zip.body as Buffer;
    const result = verifyDossier(bundle);
    expect(result.problems).toEqual([]);
    expect(result.case_number).toBe('SAMR-2026-042');
    expect(result.rows_checked).toBeGreaterThan(0);
    const viaApi = await request(url).post('/v1/dossiers/verify').set(auth()).set('content-type', 'application/zip').send(bundle).expect(200);
    expect(viaApi.body.ok).toBe(true);
    const changed = Buffer.from(bundle);
    changed[Math.floor(changed.length / 2)] ^= 0x20;
    const caught = await request(url).post('/v1/dossiers/verify').set(auth()).set('content-type', 'application/zip').send(changed).expect(200);
    expect(caught.body.ok).toBe(false);
    expect(caught.body.problems[0].file).toBeTruthy();
    // Stored lines behind the findings, with their ingestion hashes.
    const dir = await mkdtemp(join(tmpdir(), 'fm-dossier-zip-'));
    await writeFile(join(dir, 'b.zip'), bundle);
    const stored = result.rows_checked;
    expect(stored).toBeGreaterThan(0);
    expect(execFileSync('node', ['dist/apps/cli/src/main.js', 'verify-dossier', join(dir, 'b.zip')]).toString()).toContain('INTACT');
  });

  it('refuses findings the dataset does not have, naming them', async () => {
    const res = await request(url).post(`/v1/datasets/${datasetId}/dossiers`).set(auth()).send({ finding_ids: ['no-such-finding'] }).expect(400);
    expect(res.body.error.message).toContain('no-such-finding');
  });

  it('serves the filing of a declared algorithm as JSON, Markdown and PDF', async () => {
    const fi = findings.find((f) => f.detector === 'filing_inconsistency');
    const algorithm = fi?.subject.algorithm_id ?? 'p1-search';
    const json = await request(url).get(`/v1/datasets/${datasetId}/filings/${algorithm}`).query(fi ? { platform_id: fi.platform_id } : {}).set(auth()).expect(200);
    expect(json.body.schema).toBe('fairmarket.filing/v1');
    if (fi) expect(json.body.inconsistencies.length).toBeGreaterThan(0);
    const md = await request(url).get(`/v1/datasets/${datasetId}/filings/${algorithm}`).query({ format: 'md', lang: 'zh', ...(fi ? { platform_id: fi.platform_id } : {}) }).set(auth()).expect(200);
    expect(md.text).toContain('算法安全自评估报告');
    const pdf = await request(url).get(`/v1/datasets/${datasetId}/filings/${algorithm}`).query({ format: 'pdf', ...(fi ? { platform_id: fi.platform_id } : {}) }).set(auth()).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
