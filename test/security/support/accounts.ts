import request from 'supertest';
import { runCli } from '../../support/cli';

export const PASSWORD = 'correct-horse-battery-staple';

export interface Account {
  id: string;
  email: string;
  token: string;
}

export interface Accounts {
  admin: Account;
  regulator: Account;
  regulator2: Account;
  platformA: Account;
  platformB: Account;
  consumer: Account;
  orgs: Record<string, string>;
}

let seq = 0;
const unique = () => `${process.env.FM_TEST_RUN}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

export async function login(url: string, email: string, password = PASSWORD): Promise<string> {
  const res = await request(url).post('/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.access_token;
}

/** The first admin through the CLI, then one organisation and user per role through the API. */
export async function createAccounts(url: string, platforms: { a: string; b: string } = { a: `pa-${unique()}`, b: `pb-${unique()}` }): Promise<Accounts & { platforms: { a: string; b: string } }> {
  const tag = unique();
  const adminEmail = `admin-${tag}@fm.test`;
  const made = await runCli(['accounts:create-admin', '--email', adminEmail, '--password', PASSWORD]);
  if (made.code !== 0) throw new Error(`accounts:create-admin failed: ${made.stderr}`);
  const admin = { id: made.stdout.trim(), email: adminEmail, token: await login(url, adminEmail) };
  const as = (path: string, body: object) => request(url).post(path).set('authorization', `Bearer ${admin.token}`).send(body);
  const org = async (name: string, kind: string, platform_id?: string) => {
    const res = await as('/v1/admin/organisations', { name, kind, ...(platform_id ? { platform_id } : {}) });
    if (res.status !== 201) throw new Error(`creating organisation ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const orgs = {
    regulator: await org(`SAMR ${tag}`, 'regulator'),
    platformA: await org(`Platform A ${tag}`, 'platform', platforms.a),
    platformB: await org(`Platform B ${tag}`, 'platform', platforms.b),
    consumer: await org(`Consumers ${tag}`, 'consumer_group'),
  };
  const user = async (name: string, orgId: string, role: string): Promise<Account> => {
    const email = `${name}-${tag}@fm.test`;
    const res = await as('/v1/admin/users', { org_id: orgId, email, display_name: name, password: PASSWORD, role });
    if (res.status !== 201) throw new Error(`creating user ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, email, token: await login(url, email) };
  };
  return {
    admin,
    regulator: await user('regulator', orgs.regulator, 'regulator'),
    regulator2: await user('regulator2', orgs.regulator, 'regulator'),
    platformA: await user('platform-a', orgs.platformA, 'platform_compliance'),
    platformB: await user('platform-b', orgs.platformB, 'platform_compliance'),
    consumer: await user('consumer', orgs.consumer, 'consumer_group'),
    orgs,
    platforms,
  };
}

/** An API key of a user, for machine uploads (the CLI's submit reads FAIRMARKET_API_KEY). */
export async function apiKey(url: string, token: string, scopes = ['datasets:write', 'datasets:read']): Promise<string> {
  const res = await request(url).post('/v1/auth/api-keys').set('authorization', `Bearer ${token}`).send({ name: 'test uploads', scopes });
  if (res.status !== 201) throw new Error(`creating an API key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key;
}

/** A regulator's token for suites that test something else and only need to be let in. */
export async function regulatorToken(url: string): Promise<string> {
  const tag = unique();
  const adminEmail = `admin-${tag}@fm.test`;
  const made = await runCli(['accounts:create-admin', '--email', adminEmail, '--password', PASSWORD]);
  if (made.code !== 0) throw new Error(`accounts:create-admin failed: ${made.stderr}`);
  const admin = await login(url, adminEmail);
  const org = await request(url).post('/v1/admin/organisations').set('authorization', `Bearer ${admin}`).send({ name: `Regulator ${tag}`, kind: 'regulator' });
  const email = `reg-${tag}@fm.test`;
  const res = await request(url).post('/v1/admin/users').set('authorization', `Bearer ${admin}`).send({ org_id: org.body.id, email, display_name: 'regulator', password: PASSWORD, role: 'regulator' });
  if (res.status !== 201) throw new Error(`creating a regulator: ${res.status} ${JSON.stringify(res.body)}`);
  return login(url, email);
}
