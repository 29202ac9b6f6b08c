import { Client } from 'pg';
import request from 'supertest';
import { runCli } from '../support/cli';
import { startApi, type ServiceProcess } from '../support/service-process';
import { createAccounts, type Accounts } from './support/accounts';

describe('audit trail: append-only and hash-chained', () => {
  let api: ServiceProcess;
  let url: string;
  let accounts: Accounts;
  let owner: Client;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const started = await startApi({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    api = started.process;
    url = started.url;
    accounts = await createAccounts(url);
    owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
    await api?.kill('SIGTERM');
  });

  it('records logins, account changes and reads of evidence', async () => {
    const created = await request(url).post('/v1/datasets').set(as(accounts.platformA.token)).send({ name: 'audited', scope: 'submission' }).expect(201);
    await request(url).get(`/v1/datasets/${created.body.id}/findings`).set(as(accounts.regulator.token)).expect(200);
    const reads = await request(url).get('/v1/audit').set(as(accounts.regulator.token)).query({ subject_id: created.body.id }).expect(200);
    expect(reads.body).toEqual([expect.objectContaining({ action: 'evidence.read', actor_id: accounts.regulator.id, actor_role: 'regulator', subject_type: 'dataset_findings' })]);
    const users = await request(url).get('/v1/audit').set(as(accounts.admin.token)).query({ subject_id: accounts.platformA.id, limit: 1000 }).expect(200);
    expect(users.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.create', 'auth.login']));
  });

  it('verifies the chain by endpoint and by CLI', async () => {
    const verdict = await request(url).get('/v1/audit/verify').set(as(accounts.regulator.token)).expect(200);
    expect(verdict.body).toMatchObject({ ok: true, first_broken: null });
    expect(verdict.body.entries).toBeGreaterThan(5);
    const cli = await runCli(['audit:verify']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, entries: verdict.body.entries });
  });

  it('refuses changes even from the owner while the append-only trigger stands', async () => {
    await expect(owner.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('names the first broken link when someone with the owner password rewrites an entry', async () => {
    const { rows } = await owner.query(`SELECT seq, detail FROM audit_log ORDER BY seq DESC OFFSET 3 LIMIT 1`);
    const { seq, detail } = rows[0];
    const tamper = async (value: unknown) => {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await owner.query('UPDATE audit_log SET detail = $2 WHERE seq = $1', [seq, JSON.stringify(value)]);
      await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await owner.query('COMMIT');
    };
    await tamper({ ...detail, forged: true });
    try {
      const verdict = await request(url).get('/v1/audit/verify').set(as(accounts.admin.token)).expect(200);
      expect(verdict.body).toMatchObject({ ok: false, first_broken: { seq: Number(seq), reason: expect.stringMatching(/changed/), reason_zh: expect.any(String) } });
      const cli = await runCli(['audit:verify']);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`broken at entry ${seq}`);
    } finally {
      await tamper(detail);
    }
    expect((await request(url).get('/v1/audit/verify').set(as(accounts.admin.token)).expect(200)).body.ok).toBe(true);
  });
});
