import type { BenchEnvironment } from './bench-environment';
import { runCli } from './cli-child';

const PASSWORD = 'bench-password-0123456789';

export interface BenchCredentials {
  /** Bearer token of a regulator, who may create datasets and read their findings. */
  token: string;
  /** The same regulator's API key (datasets:read, datasets:write), for `fairmarket submit`. */
  apiKey: string;
}

/**
 * A regulator account in the scratch database, made the way an operator would: the first
 * admin with `fairmarket accounts:create-admin`, then an organisation and a user through the
 * API. Benchmarks measure authenticated requests, as production serves them.
 */
export async function createBenchCredentials(env: BenchEnvironment, url: string): Promise<BenchCredentials> {
  const adminEmail = `admin-${env.run}@bench.test`;
  const made = await runCli(['accounts:create-admin', '--email', adminEmail, '--password', PASSWORD], { env: env.serviceEnv() });
  if (made.code !== 0) throw new Error(`fairmarket accounts:create-admin exited ${made.code}: ${made.stderr.trim()}`);
  const admin = await login(url, adminEmail);
  const org = await post(url, admin, '/v1/admin/organisations', { name: `Bench regulator ${env.run}`, kind: 'regulator' });
  const email = `regulator-${env.run}@bench.test`;
  await post(url, admin, '/v1/admin/users', { org_id: org.id, email, display_name: 'bench regulator', password: PASSWORD, role: 'regulator' });
  const token = await login(url, email);
  const key = await post(url, token, '/v1/auth/api-keys', { name: 'bench uploads', scopes: ['datasets:write', 'datasets:read'] });
  return { token, apiKey: key.key as string };
}

async function login(url: string, email: string): Promise<string> {
  const body = await request(url, '/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return body.access_token as string;
}

function post(url: string, token: string, path: string, body: object): Promise<any> {
  return request(url, path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

async function request(url: string, path: string, init: RequestInit): Promise<any> {
  const res = await fetch(`${url}${path}`, init);
  const body: any = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`setting up the bench account: ${init.method} ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}
