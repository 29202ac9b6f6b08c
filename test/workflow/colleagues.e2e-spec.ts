import request from 'supertest';
import { startApi, type ServiceProcess } from '../support/service-process';
import { createAccounts, login, PASSWORD, type Accounts } from '../security/support/accounts';

/** Whom a regulator may pick as a case's handler or approver: the active regulators of their own office. */
describe('GET /v1/users/colleagues', () => {
  let api: ServiceProcess;
  let url: string;
  let accounts: Accounts;

  beforeAll(async () => {
    const started = await startApi({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    api = started.process;
    url = started.url;
    accounts = await createAccounts(url);
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
  });

  const colleagues = async (token: string) => (await request(url).get('/v1/users/colleagues').set('authorization', `Bearer ${token}`).expect(200)).body;

  it("lists the regulators of the caller's organisation by id and name only, not another office's", async () => {
    // A second regulator office with one regulator: neither office sees the other's people.
    const admin = (path: string, body: object) => request(url).post(path).set('authorization', `Bearer ${accounts.admin.token}`).send(body);
    const office = (await admin('/v1/admin/organisations', { name: `Provincial office ${Date.now()}`, kind: 'regulator' }).expect(201)).body.id;
    const email = `elsewhere-${Date.now()}@fm.test`;
    const elsewhere = (await admin('/v1/admin/users', { org_id: office, email, display_name: 'elsewhere', password: PASSWORD, role: 'regulator' }).expect(201)).body.id;

    expect(await colleagues(accounts.regulator.token)).toEqual([
      { id: accounts.regulator.id, display_name: 'regulator' },
      { id: accounts.regulator2.id, display_name: 'regulator2' },
    ]);
    expect(await colleagues(await login(url, email))).toEqual([{ id: elsewhere, display_name: 'elsewhere' }]);
  });
});
