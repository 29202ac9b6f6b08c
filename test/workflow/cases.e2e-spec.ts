import { Client } from 'pg';
import request from 'supertest';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { waitFor } from '../support/test-config';
import { createAccounts, type Accounts } from '../security/support/accounts';
import { ingestExample } from '../security/support/example-dataset';

describe('cases: from alerts to a decision by a second person', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let url: string;
  let accounts: Accounts & { platforms: { a: string; b: string } };
  let alerts: { id: string; platform_id: string }[];
  let otherPlatformAlert: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const alertsOf = async (platform: string) =>
    waitFor(`alerts of ${platform}`, async () => {
      const res = await request(url).get('/v1/alerts').set(as(accounts.regulator.token)).query({ platform_id: platform, per_page: 500 });
      return res.body.total > 0 ? res.body.items : null;
    });

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', CASE_LEAD_WORKING_DAYS: '15', CASE_DECISION_DAYS: '90' };
    const started = await startApi(env);
    api = started.process;
    url = started.url;
    worker = await startWorker(env);
    accounts = await createAccounts(url);
    await ingestExample(url, accounts.platformA.token, accounts.platforms.a, { scope: 'submission' });
    await ingestExample(url, accounts.platformB.token, accounts.platforms.b, { scope: 'submission' });
    alerts = await alertsOf(accounts.platforms.a);
    otherPlatformAlert = (await alertsOf(accounts.platforms.b))[0].id;
    expect(alerts.length).toBeGreaterThan(1);
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  let caseId: string;
  const reg = () => as(accounts.regulator.token);
  const approver = () => as(accounts.regulator2.token);

  it('refuses one person as handler and approver, and alerts of two platforms', async () => {
    const same = await request(url).post('/v1/cases').set(reg()).send({ title: 'x', alert_ids: [alerts[0].id], handler_id: accounts.regulator.id, approver_id: accounts.regulator.id }).expect(422);
    expect(same.body.error).toMatchObject({ code: 'same_handler_and_approver', message_zh: expect.any(String) });
    const mixed = await request(url).post('/v1/cases').set(reg()).send({ title: 'x', alert_ids: [alerts[0].id, otherPlatformAlert], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(422);
    expect(mixed.body.error.code).toBe('several_platforms');
    const platformUser = await request(url).post('/v1/cases').set(reg()).send({ title: 'x', alert_ids: [alerts[0].id], handler_id: accounts.regulator.id, approver_id: accounts.platformA.id }).expect(422);
    expect(platformUser.body.error.code).toBe('not_a_regulator');
  });

  it('opens a case from an alert with its legal clocks', async () => {
    const res = await request(url).post('/v1/cases').set(reg()).send({ title: 'Exclusivity clause in campaign rules', alert_ids: [alerts[0].id], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(201);
    caseId = res.body.id;
    expect(res.body).toMatchObject({ status: 'lead', platform_id: accounts.platforms.a, ref: expect.stringMatching(/^CASE-\d{4}-\d{6}$/), lead_overdue: false, decision_overdue: false });
    const opened = new Date(res.body.opened_at).getTime();
    const leadDays = (new Date(res.body.lead_due_at).getTime() - opened) / 86_400_000;
    expect(leadDays).toBeGreaterThanOrEqual(19); // 15 working days span at least three weekends
    expect(leadDays).toBeLessThan(24);
    expect((new Date(res.body.decision_due_at).getTime() - opened) / 86_400_000).toBeGreaterThan(90);
    expect(res.body.links.map((l: { subject_id: string }) => l.subject_id)).toEqual([alerts[0].id]);
  });

  it('merges more alerts, refuses an alert already in a case, keeps parties, notes and tasks on the timeline', async () => {
    await request(url).post(`/v1/cases/${caseId}/alerts`).set(reg()).send({ alert_ids: [alerts[1].id] }).expect(200);
    const again = await request(url).post('/v1/cases').set(reg()).send({ title: 'dup', alert_ids: [alerts[1].id], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(409);
    expect(again.body.error.code).toBe('alert_in_other_case');
    await request(url).post(`/v1/cases/${caseId}/alerts`).set(reg()).send({ alert_ids: [otherPlatformAlert] }).expect(422);
    await request(url).post(`/v1/cases/${caseId}/parties`).set(reg()).send({ role: 'respondent', name: 'Platform A', organisation_id: accounts.orgs.platformA }).expect(201);
    await request(url).post(`/v1/cases/${caseId}/notes`).set(reg()).send({ text: 'Requested the merchant agreements.' }).expect(201);
    const withTask = await request(url).post(`/v1/cases/${caseId}/tasks`).set(reg()).send({ title: 'Interview the compliance officer', assignee_id: accounts.regulator2.id }).expect(201);
    await request(url).post(`/v1/cases/${caseId}/tasks/${withTask.body.tasks[0].id}/done`).set(reg()).expect(200);
    await request(url).post(`/v1/cases/${caseId}/tasks/${withTask.body.tasks[0].id}/done`).set(reg()).expect(404);
    const full = (await request(url).get(`/v1/cases/${caseId}`).set(reg()).expect(200)).body;
    expect(full.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'alerts_merged', 'party_added', 'note', 'task_added', 'task_done']);
    expect(full.links).toHaveLength(2);
    expect(full.parties[0]).toMatchObject({ role: 'respondent', name: 'Platform A' });
    expect(full.tasks[0].done_at).not.toBeNull();
  });

  it('lets the handler work the case and only the approver decide it', async () => {
    expect((await request(url).post(`/v1/cases/${caseId}/transition`).set(approver()).send({ to: 'investigating' }).expect(409)).body.error.code).toBe('handler_only');
    await request(url).post(`/v1/cases/${caseId}/transition`).set(reg()).send({ to: 'investigating' }).expect(200);
    await request(url).post(`/v1/cases/${caseId}/transition`).set(reg()).send({ to: 'decision_pending' }).expect(200);
    expect((await request(url).post(`/v1/cases/${caseId}/transition`).set(reg()).send({ to: 'decided', decision: 'fine' }).expect(409)).body.error.code).toBe('approver_only');
    expect((await request(url).post(`/v1/cases/${caseId}/transition`).set(approver()).send({ to: 'decided' }).expect(409)).body.error.code).toBe('decision_required');
    const decided = await request(url).post(`/v1/cases/${caseId}/transition`).set(approver()).send({ to: 'decided', decision: 'Order to remove the clause; warning.' }).expect(200);
    expect(decided.body).toMatchObject({ status: 'decided', decision: 'Order to remove the clause; warning.' });
    expect(decided.body.decided_at).not.toBeNull();
    const audit = await request(url).get('/v1/audit').set(reg()).query({ subject_type: 'case', subject_id: caseId, limit: 1000 }).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.open', 'case.status', 'evidence.read']));
  });

  it('flags overdue clocks and hides cases from everyone but regulators', async () => {
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    const late = await request(url).post('/v1/cases').set(reg()).send({ title: 'late lead', alert_ids: [otherPlatformAlert], handler_id: accounts.regulator.id, approver_id: accounts.regulator2.id }).expect(201);
    const lateId = late.body.id;
    await owner.query(`UPDATE cases SET lead_due_at = now() - interval '1 day' WHERE id = $1`, [lateId]);
    await owner.end();
    const overdue = await request(url).get('/v1/cases').set(reg()).query({ overdue: true }).expect(200);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toEqual([lateId]);
    expect(overdue.body.items[0]).toMatchObject({ lead_overdue: true, decision_overdue: false });
    const onTime = await request(url).get('/v1/cases').set(reg()).query({ overdue: false }).expect(200);
    expect(onTime.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    for (const token of [accounts.platformA.token, accounts.consumer.token, accounts.admin.token]) {
      await request(url).get(`/v1/cases/${caseId}`).set(as(token)).expect(403);
    }
  });
});
