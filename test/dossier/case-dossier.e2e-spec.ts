import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { newSigningKeyPem, type DossierManifest } from '@fairmarket/dossier';
import { entryContent, readCanonicalZip } from '../../libs/dossier/src/zip/zip-reader';
import { createAccounts, regulatorToken, type Accounts } from '../security/support/accounts';
import { ingestExample } from '../security/support/example-dataset';
import { runCli } from '../support/cli';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';

const binary = (res: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A case opened from an alert the platform answered → build-dossier job for the case → ZIP → verified, and what it holds. */
describe('the dossier of a case', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let accounts: Accounts & { platforms: { a: string; b: string } };
  let alert: { id: string; finding_id: string; dataset_id: string; finding: { id: string; evidence: { file: string; id: string }[] } };
  let caseId: string;
  let caseRef: string;
  let evidenceFileId: string;
  const ANSWER = 'Clause 3 was removed from the campaign rules on 1 April';
  const env = { DOSSIER_SIGNING_KEY: newSigningKeyPem().replace(/\n/g, '\\n'), DOSSIER_DIR: `var/test-dossiers/${process.env.FM_TEST_RUN}`, RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const handler = () => as(accounts.regulator.token);

  beforeAll(async () => {
    const started = await startApi(env);
    api = started.process;
    url = started.url;
    worker = await startWorker(env);
    accounts = await createAccounts(url);
    await ingestExample(url, accounts.platformA.token, accounts.platforms.a, { scope: 'submission' });
    const listed = await waitFor('alerts of platform A', async () => {
      const res = await request(url).get('/v1/alerts').set(handler()).query({ platform_id: accounts.platforms.a, per_page: 500 });
      return res.body.total > 0 ? (res.body.items as { id: string }[]) : null;
    });
    // The alert whose finding cites the most stored lines, so the exhibit has rows to check.
    const full = await Promise.all(listed.map(async (a) => (await request(url).get(`/v1/alerts/${a.id}`).set(handler()).expect(200)).body));
    alert = full.sort((a, b) => b.finding.evidence.length - a.finding.evidence.length)[0];
    expect(alert.finding.evidence.length).toBeGreaterThan(0);

    const reg = handler();
    const platform = as(accounts.platformA.token);
    await request(url).post(`/v1/alerts/${alert.id}/transition`).set(reg).send({ to: 'triaged' }).expect(200);
    await request(url).post(`/v1/alerts/${alert.id}/transition`).set(reg).send({ to: 'investigating' }).expect(200);
    await request(url).post(`/v1/alerts/${alert.id}/notify`).set(reg).expect(200);
    await request(url).post(`/v1/alerts/${alert.id}/response`).set(platform).send({ note: `${ANSWER}. 已于4月1日删除第三条。` }).expect(200);
    const evidence = await request(url).post(`/v1/alerts/${alert.id}/evidence`).set(platform).attach('files', Buffer.from('%PDF-1.7\n% rectified campaign rules\n'), 'rules-v2.pdf').expect(201);
    expect(evidence.body).toBeTruthy();
    const opened = await request(url).post('/v1/cases').set(reg).send({ title: 'Exclusivity clause in campaign rules', alert_ids: [alert.id], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(201);
    caseId = opened.body.id;
    caseRef = opened.body.ref;
    await request(url).post(`/v1/cases/${caseId}/parties`).set(reg).send({ role: 'respondent', name: 'Platform A Ltd', organisation_id: accounts.orgs.platformA }).expect(201);
    const history = (await request(url).get(`/v1/alerts/${alert.id}`).set(reg).expect(200)).body.history;
    evidenceFileId = history.find((h: { kind: string }) => h.kind === 'evidence').body.files[0].id;
    await request(url).get(`/v1/alerts/${alert.id}/evidence/${evidenceFileId}`).set(reg).expect(200);
  }, 300_000);

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  it("lets only the case's handler or approver build it", async () => {
    const outsider = await regulatorToken(url);
    const refused = await request(url).post(`/v1/cases/${caseId}/dossiers`).set(as(outsider)).send({}).expect(403);
    expect(refused.body.error).toMatchObject({ code: 'not_case_participant', message: expect.stringContaining(caseRef), message_zh: expect.any(String) });
    await request(url).post(`/v1/cases/${caseId}/dossiers`).set(as(accounts.platformA.token)).send({}).expect(403);
    await request(url).post('/v1/cases/00000000-0000-4000-8000-000000000000/dossiers').set(handler()).send({}).expect(404);
  });

  it('builds, downloads and verifies the case dossier: case number, answers, custody and stored lines', async () => {
    const queued = await request(url).post(`/v1/cases/${caseId}/dossiers`).set(handler()).send({}).expect(202);
    expect(queued.body).toMatchObject({ subject: 'case', case_id: caseId, status: expect.stringMatching(/queued|running|done/) });
    const status = await waitFor('the case dossier', async () => {
      const res = await request(url).get(`/v1/cases/${caseId}/dossiers/${queued.body.id}`).set(as(accounts.regulator2.token)).expect(200);
      if (res.body.status === 'failed') throw new Error(`dossier failed: ${res.body.error}\n${worker.output.slice(-3000)}`);
      return res.body.status === 'done' ? res.body : null;
    }, 120_000);
    expect(status.progress).toMatchObject({ phase: 'done' });
    expect(status.result).toMatchObject({ case_number: caseRef });
    expect(status.download).toBe(`/v1/cases/${caseId}/dossiers/${queued.body.id}/download`);
    // A case's dossier is not reachable as some dataset's, nor under another case.
    await request(url).get(`/v1/datasets/${alert.dataset_id}/dossiers/${queued.body.id}`).set(handler()).expect(404);

    const zip = await request(url).get(status.download).set(handler()).buffer(true).parse(binary).expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toContain(caseRef);
    const dir = await mkdtemp(join(tmpdir(), 'fm-case-dossier-'));
    const file = join(dir, 'case.zip');
    await writeFile(file, zip.body as Buffer);
    const verified = await runCli(['verify-dossier', file, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, case_number: caseRef, problems: [] });

    const entries = readCanonicalZip(zip.body as Buffer).entries;
    const read = (path: string) => entryContent(entries.find((e) => e.name === path)!).content!;
    const manifest = JSON.parse(read('manifest.json').toString('utf8')) as DossierManifest;
    expect(manifest.case.number).toBe(caseRef);
    expect(manifest.parameters).toMatchObject({ subject: 'case', case_id: caseId, alert_ids: [alert.id], finding_ids: [alert.finding_id], datasets: [alert.dataset_id] });

    // The audit-trail entries behind the chain of custody: the case opened, the evidence file read, the dossier requested.
    const auditOf = async (subject_type: string, subject_id: string) => (await request(url).get('/v1/audit').set(handler()).query({ subject_type, subject_id, limit: 1000 }).expect(200)).body as { seq: number; action: string }[];
    const custodySeqs = manifest.parameters.audit_entries as number[];
    const opened = (await auditOf('case', caseId)).find((e) => e.action === 'case.open')!;
    const evidenceRead = (await auditOf('alert_evidence', evidenceFileId)).find((e) => e.action === 'evidence.read')!;
    const requested = (await auditOf('dossier', queued.body.id)).find((e) => e.action === 'dossier.requested')!;
    expect(custodySeqs).toEqual(expect.arrayContaining([opened.seq, evidenceRead.seq, requested.seq]));
    expect((await auditOf('dossier', queued.body.id)).map((e) => e.action)).toEqual(['dossier.requested', 'evidence.export']);

    const pdf = join(dir, 'dossier.pdf');
    await writeFile(pdf, read('dossier.pdf'));
    const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain(caseRef);
    expect(text).toContain(ANSWER);
    expect(text).toContain('rules-v2.pdf');
    expect(text).toContain('Platform A Ltd');
    expect(text).toContain('case.open');

    // The exhibit: every line the finding cites, with the ingestion hash the store holds for it.
    const exhibit = manifest.exhibits[0]!;
    expect(exhibit).toMatchObject({ finding_id: alert.finding_id, rows: alert.finding.evidence.length });
    const lines = read(exhibit.path).toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(alert.finding.evidence.length);
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      const first = alert.finding.evidence[0]!;
      const { rows } = await owner.query(`SELECT encode(line_hash, 'hex') AS h FROM ev_${first.file} WHERE dataset_id = $1 AND natural_id = $2 ORDER BY line_no LIMIT 1`, [alert.dataset_id, first.id]);
      expect(rows[0].h).toMatch(/^[0-9a-f]{64}$/);
      expect(lines[0]).toContain(`,${first.file},`);
      expect(lines[0]).toContain(rows[0].h);
    } finally {
      await owner.end();
    }
  });
});
