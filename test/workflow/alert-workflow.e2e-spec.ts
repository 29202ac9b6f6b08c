import request from 'supertest';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';
import { createAccounts, type Accounts } from '../security/support/accounts';
import { ingestExample } from '../security/support/example-dataset';

describe('alerts: from findings to a closed alert', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let accounts: Accounts & { platforms: { a: string; b: string } };
  let datasetId: string;
  let alerts: Record<string, any>[];
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const started = await startApi({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ALERT_DUE_DAYS: 'high=2,medium=7,low=30' });
    api = started.process;
    url = started.url;
    worker = await startWorker({ ALERT_DUE_DAYS: 'high=2,medium=7,low=30' });
    accounts = await createAccounts(url);
    datasetId = await ingestExample(url, accounts.platformA.token, accounts.platforms.a, { scope: 'submission' });
    alerts = await waitFor('alerts', async () => {
      const res = await request(url).get('/v1/alerts').set(as(accounts.regulator.token)).query({ platform_id: accounts.platforms.a, per_page: 500 });
      return res.body.total > 0 ? res.body.items : null;
    });
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  it('makes one alert per non-info finding, due by severity', async () => {
    const findings = (await request(url).get(`/v1/datasets/${datasetId}/findings`).set(as(accounts.regulator.token)).expect(200)).body.findings as { id: string; severity: string }[];
    const expected = findings.filter((f) => f.severity !== 'info').map((f) => f.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(alerts.map((a) => a.finding_id).sort()).toEqual(expected);
    for (const a of alerts) {
      const days = { high: 2, medium: 7, low: 30 }[a.severity as 'high' | 'medium' | 'low'];
      expect(new Date(a.due_at).getTime() - new Date(a.created_at).getTime()).toBeCloseTo(days * 86_400_000, -4);
      expect(a).toMatchObject({ status: 'new', age_days: 0, overdue: false, runs_seen: 1 });
    }
  });

  it('keeps one alert per finding across re-runs, updating it and its history', async () => {
    const run = await request(url).post(`/v1/datasets/${datasetId}/detections`).set(as(accounts.regulator.token)).send({}).expect(202);
    const again = await waitFor('the re-run to update the alerts', async () => {
      const res = await request(url).get('/v1/alerts').set(as(accounts.regulator.token)).query({ platform_id: accounts.platforms.a, per_page: 500 });
      return res.body.items.every((a: { runs_seen: number }) => a.runs_seen === 2) ? res.body : null;
    });
    expect(again.total).toBe(alerts.length);
    expect(again.items.map((a: { id: string }) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
    const one = (await request(url).get(`/v1/alerts/${alerts[0].id}`).set(as(accounts.regulator.token)).expect(200)).body;
    expect(one.last_run_id).toBe(run.body.id);
    expect(one.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'metrics_updated']);
  });

  it('walks triage, assignment, comments and escalation, refusing invalid moves', async () => {
    const id = alerts[0].id;
    const reg = as(accounts.regulator.token);
    expect((await request(url).post(`/v1/alerts/${id}/transition`).set(reg).send({ to: 'escalated' }).expect(409)).body.error).toMatchObject({ code: 'invalid_transition', message_zh: expect.any(String) });
    await request(url).post(`/v1/alerts/${id}/transition`).set(reg).send({ to: 'triaged' }).expect(200);
    expect((await request(url).post(`/v1/alerts/${id}/transition`).set(reg).send({ to: 'closed' }).expect(409)).body.error.code).toBe('close_reason_required');
    expect((await request(url).post(`/v1/alerts/${id}/assign`).set(reg).send({ assignee_id: accounts.platformA.id }).expect(422)).body.error.code).toBe('assignee_not_regulator');
    await request(url).post(`/v1/alerts/${id}/assign`).set(reg).send({ assignee_id: accounts.regulator2.id }).expect(200);
    await request(url).post(`/v1/alerts/${id}/comments`).set(reg).send({ text: 'internal: looks like a real clause' }).expect(201);
    await request(url).post(`/v1/alerts/${id}/transition`).set(reg).send({ to: 'investigating' }).expect(200);
    const mine = await request(url).get('/v1/alerts').set(reg).query({ assignee_id: accounts.regulator2.id, status: 'investigating' }).expect(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('shows the platform an alert only once notified, with shared history only, and takes its answer', async () => {
    const id = alerts[0].id;
    const reg = as(accounts.regulator.token);
    const platform = as(accounts.platformA.token);
    expect((await request(url).get('/v1/alerts').set(platform).expect(200)).body.total).toBe(0);
    await request(url).get(`/v1/alerts/${id}`).set(platform).expect(404);
    await request(url).post(`/v1/alerts/${id}/response`).set(platform).send({ note: 'too early' }).expect(404);
    await request(url).post(`/v1/alerts/${id}/notify`).set(reg).expect(200);
    await request(url).post(`/v1/alerts/${id}/comments`).set(reg).send({ text: 'please explain clause 3', shared: true }).expect(201);
    const seen = (await request(url).get(`/v1/alerts/${id}`).set(platform).expect(200)).body;
    expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual(['notified', 'comment']);
    expect(JSON.stringify(seen.history)).not.toContain('internal: looks like a real clause');
    expect((await request(url).get('/v1/alerts').set(platform).expect(200)).body.total).toBe(1);
    await request(url).post(`/v1/alerts/${id}/response`).set(platform).send({ note: 'Clause 3 removed from the campaign rules on 1 April.' }).expect(200);
    const pdf = Buffer.from('%PDF-1.7\n% rectified campaign rules\n');
    await request(url).post(`/v1/alerts/${id}/evidence`).set(platform).attach('files', pdf, 'rules-v2.pdf').expect(201);
    expect((await request(url).post(`/v1/alerts/${id}/evidence`).set(platform).attach('files', Buffer.from('MZ\x90'), 'tool.exe').expect(415)).body.error.code).toBe('attachment_type');
    await request(url).post(`/v1/alerts/${id}/evidence`).set(as(accounts.platformB.token)).attach('files', pdf, 'x.pdf').expect(404);
    const withEvidence = (await request(url).get(`/v1/alerts/${id}`).set(reg).expect(200)).body;
    const evidenceEvent = withEvidence.history.find((h: { kind: string }) => h.kind === 'evidence');
    expect(evidenceEvent.body.files[0]).toMatchObject({ file_name: 'rules-v2.pdf', content_type: 'application/pdf', size_bytes: pdf.length });
    const download = await request(url).get(`/v1/alerts/${id}/evidence/${evidenceEvent.body.files[0].id}`).set(reg).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    await request(url).get(`/v1/alerts/${id}`).set(as(accounts.platformB.token)).expect(404);
    expect((await request(url).get('/v1/alerts').set(as(accounts.platformB.token)).expect(200)).body.total).toBe(0);
    await request(url).post(`/v1/alerts/${id}/transition`).set(reg).send({ to: 'closed', reason: 'rectified' }).expect(200);
    const closed = (await request(url).get(`/v1/alerts/${id}`).set(reg).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', close_reason: 'rectified', response_note: expect.stringMatching(/Clause 3/) });
  });

  it('filters, sorts, paginates and applies bulk actions', async () => {
    const reg = as(accounts.regulator.token);
    const page = await request(url).get('/v1/alerts').set(reg).query({ platform_id: accounts.platforms.a, sort: 'severity', order: 'desc', per_page: 1, page: 1 }).expect(200);
    expect(page.body).toMatchObject({ total: alerts.length, per_page: 1, page: 1 });
    expect(page.body.items).toHaveLength(1);
    const rank = (s: string) => ['low', 'medium', 'high'].indexOf(s);
    expect(rank(page.body.items[0].severity)).toBe(Math.max(...alerts.map((a) => rank(a.severity))));
    const all = await request(url).get('/v1/alerts').set(reg).query({ platform_id: accounts.platforms.a, sort: 'severity', order: 'desc', per_page: 100 }).expect(200);
    const ranks = all.body.items.map((a: { severity: string }) => rank(a.severity));
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    const open = alerts.slice(1).map((a) => a.id);
    const bulk = await request(url).post('/v1/alerts/bulk').set(reg).send({ ids: [...open, alerts[0].id], action: 'transition', to: 'closed', reason: 'duplicate' }).expect(200);
    expect(bulk.body.results.filter((r: { ok: boolean }) => r.ok)).toHaveLength(open.length);
    expect(bulk.body.results.find((r: { id: string }) => r.id === alerts[0].id).error.code).toBe('invalid_transition');
    const closed = await request(url).get('/v1/alerts').set(reg).query({ platform_id: accounts.platforms.a, status: 'closed' }).expect(200);
    expect(closed.body.total).toBe(alerts.length);
    await request(url).get('/v1/alerts').set(reg).query({ status: 'archived' }).expect(400);
  });
});
