import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli } from '../support/cli';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';
import { createAccounts, login, PASSWORD, type Accounts } from '../security/support/accounts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const CATEGORY_OF: Record<string, string> = {
  price_discrimination: 'price_discrimination',
  personalization_opt_out: 'price_discrimination',
  fake_promotion: 'fake_promotion',
  below_cost_pricing: 'below_cost_pricing',
  self_preferencing: 'self_preferencing',
};

describe('complaints: from a consumer group to linked alerts', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let accounts: Accounts;
  let otherConsumer: string;
  let target: { platform_id: string; sku_id: string; detector: string };
  let complaintId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', COMPLAINT_ATTACHMENT_MAX_BYTES: '2048', COMPLAINT_ATTACHMENTS_MAX: '2' };
    const started = await startApi(env);
    api = started.process;
    url = started.url;
    worker = await startWorker(env);
    accounts = await createAccounts(url);
    const admin = as(accounts.admin.token);
    const org = await request(url).post('/v1/admin/organisations').set(admin).send({ name: `Other consumers ${Date.now()}`, kind: 'consumer_group' }).expect(201);
    const email = `consumer2-${Date.now()}@fm.test`;
    await request(url).post('/v1/admin/users').set(admin).send({ org_id: org.body.id, email, display_name: 'c2', password: PASSWORD, role: 'consumer_group' }).expect(201);
    otherConsumer = await login(url, email);

    const dir = join(await mkdtemp(join(tmpdir(), 'fm-complaints-')), 'data');
    expect((await runCli(['generate', '--out', dir, '--seed', '11', '--scale', '0.1'])).code).toBe(0);
    const submitted = await runCli(['submit', '--api', url, '--input', dir, '--name', 'market submission'], { FAIRMARKET_TOKEN: accounts.regulator.token });
    expect(submitted.code).toBe(0);
    const alerts = await waitFor('alerts of the submission', async () => {
      const res = await request(url).get('/v1/alerts').set(as(accounts.regulator.token)).query({ per_page: 500 });
      return res.body.total > 0 ? res.body.items : null;
    });
    for (const a of alerts) {
      if (!CATEGORY_OF[a.detector]) continue;
      const full = (await request(url).get(`/v1/alerts/${a.id}`).set(as(accounts.regulator.token)).expect(200)).body;
      if (full.finding.subject?.sku_id) {
        target = { platform_id: a.platform_id, sku_id: full.finding.subject.sku_id, detector: a.detector };
        break;
      }
    }
    expect(target).toBeDefined();
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  const complaint = () => ({
    platform_id: target.platform_id,
    sku_id: target.sku_id,
    category: CATEGORY_OF[target.detector],
    observed: [{ price_minor: 12900, currency: 'CNY', seen_at: '2026-03-02T10:00:00+08:00', note: 'logged-in iPhone account' }, { price_minor: 9900, currency: 'CNY', seen_at: '2026-03-02T10:01:00+08:00', note: 'new account' }],
    narrative: 'Two of our members saw different prices for the same product at the same time.',
  });

  it('takes a structured complaint and links the alerts of a targeted detection for the regulator', async () => {
    const res = await request(url).post('/v1/complaints').set(as(accounts.consumer.token)).send(complaint()).expect(201);
    complaintId = res.body.id;
    expect(res.body).toMatchObject({ status: 'received', ref: expect.stringMatching(/^CMP-/) });
    const linked = await waitFor('the complaint to be linked', async () => {
      const c = (await request(url).get(`/v1/complaints/${complaintId}`).set(as(accounts.regulator.token)).expect(200)).body;
      return c.status === 'linked' || c.status === 'under_review' ? c : null;
    }, 120000);
    expect(linked.status).toBe('linked');
    expect(linked.alerts.length).toBeGreaterThan(0);
    expect(linked.alerts.every((a: { detector: string }) => CATEGORY_OF[a.detector] === complaint().category)).toBe(true);
  });

  it('lets the submitter follow its status but never see platform data', async () => {
    const mine = (await request(url).get(`/v1/complaints/${complaintId}`).set(as(accounts.consumer.token)).expect(200)).body;
    expect(mine.status).toBe('linked');
    expect(mine).not.toHaveProperty('alerts');
    expect(JSON.stringify(mine)).not.toMatch(/detection_(dataset|run)_id/);
    for (const path of ['/v1/alerts', '/v1/datasets', '/v1/cases']) await request(url).get(path).set(as(accounts.consumer.token)).expect(403);
    await request(url).get(`/v1/complaints/${complaintId}`).set(as(otherConsumer)).expect(404);
    expect((await request(url).get('/v1/complaints').set(as(otherConsumer)).expect(200)).body).toEqual([]);
  });

  it('recognises a duplicate, from any group, and does not re-run detection for it', async () => {
    const dup = await request(url).post('/v1/complaints').set(as(otherConsumer)).send({ ...complaint(), narrative: 'Same product, same problem reported again.' }).expect(201);
    expect(dup.body).toMatchObject({ status: 'duplicate', duplicate_of: complaintId });
    const other = await request(url).post('/v1/complaints').set(as(otherConsumer)).send({ ...complaint(), category: 'other', sku_id: undefined, page_url: 'https://shop.example/item/1?utm_source=x' }).expect(201);
    expect(other.body.status).toBe('received');
  });

  it('accepts screenshots within limits, refuses other types and oversize files, and audits downloads', async () => {
    const c = as(accounts.consumer.token);
    const added = await request(url).post(`/v1/complaints/${complaintId}/attachments`).set(c).attach('files', PNG, 'screen.png').expect(201);
    expect(added.body[0]).toMatchObject({ content_type: 'image/png', size_bytes: PNG.length });
    expect((await request(url).post(`/v1/complaints/${complaintId}/attachments`).set(c).attach('files', Buffer.from('<html>'), 'fake.png').expect(415)).body.error.code).toBe('attachment_type');
    expect((await request(url).post(`/v1/complaints/${complaintId}/attachments`).set(c).attach('files', Buffer.concat([PNG, Buffer.alloc(4000)]), 'big.png').expect(413)).body.error.code).toBe('attachment_too_large');
    await request(url).post(`/v1/complaints/${complaintId}/attachments`).set(as(otherConsumer)).attach('files', PNG, 'x.png').expect(404);
    const got = await request(url).get(`/v1/complaints/${complaintId}/attachments/${added.body[0].id}`).set(as(accounts.regulator.token)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(got.body, PNG)).toBe(0);
    const audit = await request(url).get('/v1/audit').set(as(accounts.regulator.token)).query({ subject_id: added.body[0].id }).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['evidence.read']);
  });

  it('opens a case from the complaint and tells the submitter when it is closed', async () => {
    const opened = await request(url).post('/v1/cases').set(as(accounts.regulator.token)).send({ title: 'Consumer complaint', complaint_ids: [complaintId], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(201);
    expect(opened.body.links).toEqual([expect.objectContaining({ kind: 'complaint', subject_id: complaintId })]);
    await request(url).post(`/v1/complaints/${complaintId}/status`).set(as(accounts.regulator.token)).send({ status: 'closed', note: 'Case opened; thank you. 已立案。' }).expect(200);
    expect((await request(url).get(`/v1/complaints/${complaintId}`).set(as(accounts.consumer.token)).expect(200)).body).toMatchObject({ status: 'closed', status_note: expect.stringContaining('已立案') });
  });
});
