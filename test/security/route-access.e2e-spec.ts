import request from 'supertest';
import { startApi, type ServiceProcess } from '../support/service-process';
import { createAccounts, type Accounts } from './support/accounts';

type Caller = 'anonymous' | 'admin' | 'regulator' | 'platform_compliance' | 'consumer_group';
const R = 'regulator';
const P = 'platform_compliance';
const C = 'consumer_group';
const EVERYONE: Caller[] = ['admin', R, P, 'consumer_group'];

/**
 * Every route of the api and who may call it. A route added without an entry here fails the
 * first test: each new endpoint must state its roles and be called below as every role.
 */
const EXPECTED: Record<string, Caller[] | 'public'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'POST /v1/auth/login': 'public',
  'GET /v1/auth/me': EVERYONE,
  'POST /v1/auth/api-keys': [R, P],
  'GET /v1/auth/api-keys': [R, P],
  'DELETE /v1/auth/api-keys/{keyId}': [R, P],
  'POST /v1/admin/organisations': ['admin'],
  'GET /v1/admin/organisations': ['admin'],
  'POST /v1/admin/users': ['admin'],
  'GET /v1/admin/users': ['admin'],
  'GET /v1/users/colleagues': [R],
  'GET /v1/audit': [R, 'admin'],
  'GET /v1/audit/verify': [R, 'admin'],
  'POST /v1/datasets': [R, P],
  'GET /v1/datasets': [R, P],
  'GET /v1/datasets/{id}': [R, P],
  'POST /v1/datasets/{id}/submit': [P],
  'POST /v1/datasets/{id}/files': [R, P],
  'GET /v1/datasets/{id}/files/{fileId}': [R, P],
  'GET /v1/datasets/{id}/report': [R, P],
  'POST /v1/datasets/{id}/detections': [R, P],
  'GET /v1/datasets/{id}/detections/{runId}': [R, P],
  'GET /v1/datasets/{id}/findings': [R, P],
  'GET /v1/alerts': [R, P],
  'POST /v1/alerts/bulk': [R],
  'GET /v1/alerts/{id}': [R, P],
  'POST /v1/alerts/{id}/transition': [R],
  'POST /v1/alerts/{id}/assign': [R],
  'POST /v1/alerts/{id}/comments': [R],
  'POST /v1/alerts/{id}/notify': [R],
  'POST /v1/alerts/{id}/response': [P],
  'POST /v1/alerts/{id}/evidence': [P],
  'GET /v1/alerts/{id}/evidence/{evidenceId}': [R, P],
  'POST /v1/datasets/{id}/dossiers': [R],
  'GET /v1/datasets/{id}/dossiers/{dossierId}': [R],
  'GET /v1/datasets/{id}/dossiers/{dossierId}/download': [R],
  'POST /v1/dossiers/verify': EVERYONE,
  'GET /v1/datasets/{id}/filings/{algorithmId}': [R, P],
  'POST /v1/cases': [R],
  'GET /v1/cases': [R],
  'GET /v1/cases/{id}': [R],
  'POST /v1/cases/{id}/alerts': [R],
  'POST /v1/cases/{id}/transition': [R],
  'POST /v1/cases/{id}/notes': [R],
  'POST /v1/cases/{id}/parties': [R],
  'POST /v1/cases/{id}/tasks': [R],
  'POST /v1/cases/{id}/tasks/{taskId}/done': [R],
  'POST /v1/cases/{id}/dossiers': [R],
  'GET /v1/cases/{id}/dossiers/{dossierId}': [R],
  'GET /v1/cases/{id}/dossiers/{dossierId}/download': [R],
  'POST /v1/complaints': [C],
  'GET /v1/complaints': [C, R],
  'GET /v1/complaints/{id}': [C, R],
  'POST /v1/complaints/{id}/attachments': [C],
  'GET /v1/complaints/{id}/attachments/{attachmentId}': [C, R],
  'POST /v1/complaints/{id}/status': [R],
};

describe('every route declares its roles and enforces them (function-level authorisation)', () => {
  let api: ServiceProcess;
  let url: string;
  let accounts: Accounts;
  let routes: { key: string; method: string; path: string; access: { roles: string[] | 'public' } | undefined }[];

  beforeAll(async () => {
    const started = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '100000' });
    api = started.process;
    url = started.url;
    accounts = await createAccounts(url);
    const doc = (await request(url).get('/docs-json').expect(200)).body;
    routes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, access: op['x-fairmarket-access'] })),
    );
  });

  afterAll(async () => {
    await api?.kill('SIGTERM');
  });

  it('lists exactly the routes the api serves, each with the roles it declares', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const route of routes) {
      const expected = EXPECTED[route.key];
      expect({ route: route.key, roles: route.access?.roles === 'public' ? 'public' : [...(route.access?.roles ?? [])].sort() }).toEqual({
        route: route.key,
        roles: expected === 'public' ? 'public' : [...expected].sort(),
      });
    }
  });

  it('lets exactly the declared roles through, and nobody without signing in', async () => {
    const tokens: Record<Exclude<Caller, 'anonymous'>, string> = {
      admin: accounts.admin.token,
      regulator: accounts.regulator.token,
      platform_compliance: accounts.platformA.token,
      consumer_group: accounts.consumer.token,
    };
    const outcomes: string[] = [];
    for (const route of routes) {
      const expected = EXPECTED[route.key] ?? []; // an unlisted route fails the test above
      const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const caller of ['anonymous', ...EVERYONE] as Caller[]) {
        let req = (request(url) as any)[route.method](path);
        if (caller !== 'anonymous') req = req.set('authorization', `Bearer ${tokens[caller as Exclude<Caller, 'anonymous'>]}`);
        if (route.method !== 'get' && route.method !== 'delete') req = req.send({});
        const res = await req;
        const allowed = expected === 'public' || expected.includes(caller);
        const want = allowed ? 'let in' : caller === 'anonymous' ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'let in';
        if (want !== got) outcomes.push(`${route.key} as ${caller}: wanted ${want}, got ${res.status} ${JSON.stringify(res.body)}`);
        if (!allowed) expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String), message_zh: expect.any(String) }));
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('refuses a forged or expired token with 401 and the error format', async () => {
    const res = await request(url).get('/v1/datasets').set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').expect(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_credentials', message_zh: expect.any(String) });
  });
});
