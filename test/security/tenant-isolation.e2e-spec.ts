import { Client } from 'pg';
import request from 'supertest';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';
import { apiKey, createAccounts, type Accounts } from './support/accounts';
import { ingestExample } from './support/example-dataset';

/** Object-level authorisation, enforced by PostgreSQL's row-level security under the api. */
describe('tenant isolation', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let accounts: Accounts & { platforms: { a: string; b: string } };
  let selfAudit: string;
  let submission: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const started = await startApi({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    api = started.process;
    url = started.url;
    worker = await startWorker();
    accounts = await createAccounts(url);
    selfAudit = await ingestExample(url, accounts.platformA.token, accounts.platforms.a, { scope: 'self_audit' });
    submission = await ingestExample(url, accounts.platformB.token, accounts.platforms.b, { scope: 'submission' });
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  it("binds a platform's datasets to its own platform_id", async () => {
    const own = await request(url).get(`/v1/datasets/${selfAudit}`).set(as(accounts.platformA.token)).expect(200);
    expect(own.body.platform_id).toBe(accounts.platforms.a);
    const other = await request(url).post('/v1/datasets').set(as(accounts.platformA.token)).send({ name: 'x', scope: 'submission', platform_id: accounts.platforms.b }).expect(403);
    expect(other.body.error.code).toBe('other_platform');
  });

  it("hides a platform's self-audit from the other platform and from regulators, on every dataset route", async () => {
    for (const token of [accounts.platformB.token, accounts.regulator.token]) {
      for (const path of ['', '/report', '/findings', `/detections/00000000-0000-4000-8000-000000000000`]) {
        const res = await request(url).get(`/v1/datasets/${selfAudit}${path}`).set(as(token));
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      expect((await request(url).post(`/v1/datasets/${selfAudit}/detections`).set(as(token)).send({})).status).toBe(404);
      expect((await request(url).post(`/v1/datasets/${selfAudit}/files`).set(as(token)).attach('files', Buffer.from('{}\n'), 'skus.ndjson')).status).toBe(404);
      const list = await request(url).get('/v1/datasets').set(as(token)).expect(200);
      expect(list.body.map((d: { id: string }) => d.id)).not.toContain(selfAudit);
    }
    const listA = await request(url).get('/v1/datasets').set(as(accounts.platformA.token)).expect(200);
    expect(listA.body.map((d: { id: string }) => d.id)).toEqual([selfAudit]);
  });

  it("shows regulators every submission, and a platform never another platform's submission", async () => {
    await request(url).get(`/v1/datasets/${submission}/findings`).set(as(accounts.regulator.token)).expect(200);
    await request(url).get(`/v1/datasets/${submission}`).set(as(accounts.platformA.token)).expect(404);
    await request(url).get(`/v1/datasets/${submission}/findings`).set(as(accounts.platformA.token)).expect(404);
  });

  it('shows a self-audit to regulators once the platform submits it, and only the owner may submit', async () => {
    await request(url).post(`/v1/datasets/${selfAudit}/submit`).set(as(accounts.platformB.token)).expect(404);
    await request(url).post(`/v1/datasets/${selfAudit}/submit`).set(as(accounts.platformA.token)).expect(200);
    await request(url).get(`/v1/datasets/${selfAudit}/findings`).set(as(accounts.regulator.token)).expect(200);
    await request(url).get(`/v1/datasets/${selfAudit}`).set(as(accounts.platformB.token)).expect(404);
    await waitFor('alerts of the submitted self-audit', async () => {
      const res = await request(url).get('/v1/alerts').set(as(accounts.regulator.token)).query({ platform_id: accounts.platforms.a });
      return res.body.total > 0 ? true : null;
    });
  });

  it('keeps API keys scoped and revocable', async () => {
    const key = await apiKey(url, accounts.platformA.token, ['datasets:write']);
    const created = await request(url).post('/v1/datasets').set('x-api-key', key).send({ name: 'by key', scope: 'self_audit' }).expect(201);
    expect(created.body.platform_id).toBe(accounts.platforms.a);
    expect((await request(url).get('/v1/datasets').set('x-api-key', key).expect(403)).body.error.code).toBe('api_key_not_allowed');
    expect((await request(url).get('/v1/alerts').set('x-api-key', key).expect(403)).body.error.code).toBe('api_key_not_allowed');
    const keys = await request(url).get('/v1/auth/api-keys').set(as(accounts.platformA.token)).expect(200);
    expect(JSON.stringify(keys.body)).not.toContain(key.slice('fmk_'.length + 33)); // the secret part
    await request(url).delete(`/v1/auth/api-keys/${keys.body[0].id}`).set(as(accounts.platformB.token)).expect(404);
    await request(url).delete(`/v1/auth/api-keys/${keys.body[0].id}`).set(as(accounts.platformA.token)).expect(200);
    await request(url).post('/v1/datasets').set('x-api-key', key).send({ name: 'after revoke', scope: 'self_audit' }).expect(401);
  });

  describe('in the database itself, as the application role', () => {
    let db: Client;
    beforeAll(async () => {
      const appUrl = new URL(process.env.DATABASE_URL as string);
      appUrl.username = 'fairmarket_app';
      db = new Client({ connectionString: appUrl.toString() });
      await db.connect();
    });
    afterAll(async () => {
      await db?.end();
    });
    const tenant = (kind: string, platform = '') => db.query(`SELECT set_config('fm.tenant_kind', $1, false), set_config('fm.platform_id', $2, false)`, [kind, platform]);
    const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

    it('is not the owner, not a superuser and cannot bypass row-level security', async () => {
      const { rows } = await db.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await db.query(`SELECT count(*) AS n FROM pg_tables WHERE tableowner = current_user AND schemaname = 'public'`);
      expect(Number(owned.rows[0].n)).toBe(0);
    });

    it('sees no rows of any platform table when no tenant is set (fails closed)', async () => {
      await tenant('');
      for (const table of ['datasets', 'dataset_files', 'findings', 'detection_runs', 'alerts', 'alert_events', 'ev_price_quotes', 'ev_documents', 'rejections']) {
        expect({ table, rows: await count(table) }).toEqual({ table, rows: 0 });
      }
    });

    it("sees one platform's rows only, and cannot write rows of another platform", async () => {
      await tenant('platform', accounts.platforms.a);
      expect(await count('ev_price_quotes')).toBeGreaterThan(0);
      const platforms = await db.query(`SELECT DISTINCT platform_id FROM ev_price_quotes`);
      expect(platforms.rows).toEqual([{ platform_id: accounts.platforms.a }]);
      await expect(db.query(`INSERT INTO datasets (name, scope, platform_id) VALUES ('forged', 'submission', $1)`, [accounts.platforms.b])).rejects.toThrow(/row-level security/);
      await expect(db.query(`UPDATE datasets SET name = 'x' WHERE id = $1`, [submission])).resolves.toMatchObject({ rowCount: 0 });
    });

    it('may not rewrite or delete the audit trail', async () => {
      await expect(db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    });
  });
});
