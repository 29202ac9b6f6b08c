import request from 'supertest';
import { startApi, type ServiceProcess } from '../support/service-process';
import { createAccounts, type Accounts } from './support/accounts';

describe('limits and request hygiene', () => {
  let api: ServiceProcess;
  let url: string;
  let accounts: Accounts;

  beforeAll(async () => {
    const started = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '8', MAX_JSON_BODY_BYTES: '2048' });
    api = started.process;
    url = started.url;
    accounts = await createAccounts(url);
  });

  afterAll(async () => {
    await api?.kill('SIGTERM');
  });

  it('refuses fields a route does not accept (no mass assignment)', async () => {
    const res = await request(url).post('/v1/datasets').set('authorization', `Bearer ${accounts.platformA.token}`).send({ name: 'x', scope: 'self_audit', status: 'ready' }).expect(400);
    expect(res.body.error.message).toMatch(/status should not exist/);
    const user = await request(url).post('/v1/admin/users').set('authorization', `Bearer ${accounts.admin.token}`)
      .send({ org_id: accounts.orgs.regulator, email: 'x@fm.test', display_name: 'x', password: 'long-enough-password', role: 'regulator', active: false, password_hash: 'x' }).expect(400);
    expect(user.body.error.details.join(' ')).toMatch(/password_hash should not exist/);
  });

  it('refuses a role outside its organisation kind', async () => {
    const res = await request(url).post('/v1/admin/users').set('authorization', `Bearer ${accounts.admin.token}`)
      .send({ org_id: accounts.orgs.consumer, email: `odd-${Date.now()}@fm.test`, display_name: 'x', password: 'long-enough-password', role: 'regulator' }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'role_organisation_mismatch', message_zh: expect.any(String) });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await request(url).post('/v1/auth/login').send({ email: 'a@b.test', password: 'x'.repeat(5000) }).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('rate-limits login attempts per client with 429 in both languages', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await request(url).post('/v1/auth/login').send({ email: 'nobody@fm.test', password: 'wrong-password' })).status);
    expect(statuses).toContain(401);
    expect(statuses[statuses.length - 1]).toBe(429);
    const res = await request(url).post('/v1/auth/login').send({ email: 'nobody@fm.test', password: 'wrong-password' }).expect(429);
    expect(res.body.error).toMatchObject({ code: 'rate_limited', message_zh: expect.any(String) });
  });
});
