import jwt from 'jsonwebtoken';
import { signAccessToken, tokenSigningKey, verifyAccessToken } from './access-token';
import { apiKeySecretMatches, formatApiKey, hashApiKeySecret, newApiKeySecret, parseApiKey } from './api-key-secret';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hash';
import { tenantOf } from './roles';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('anything', DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('API keys', () => {
  it('round-trips a key and matches only its own secret', () => {
    const id = '0b4c2f8e-1a2b-4c3d-8e9f-001122334455';
    const secret = newApiKeySecret();
    const parsed = parseApiKey(formatApiKey(id, secret));
    expect(parsed).toEqual({ keyId: id, secret });
    expect(apiKeySecretMatches(secret, hashApiKeySecret(secret))).toBe(true);
    expect(apiKeySecretMatches(newApiKeySecret(), hashApiKeySecret(secret))).toBe(false);
  });

  it('refuses malformed keys', () => {
    expect(parseApiKey('fmk_nothex_abc')).toBeNull();
    expect(parseApiKey('Bearer x')).toBeNull();
  });
});

describe('access tokens', () => {
  const key = tokenSigningKey({ PSEUDONYM_KEY: 'k'.repeat(32) });

  it('verifies its own tokens', () => {
    const token = signAccessToken({ sub: 'u1', role: 'regulator', org: 'o1', plat: null }, key, 60);
    expect(verifyAccessToken(token, key)).toEqual({ sub: 'u1', role: 'regulator', org: 'o1', plat: null });
  });

  it('refuses a token signed with another key, unsigned, or expired', () => {
    const other = signAccessToken({ sub: 'u1', role: 'admin', org: 'o1', plat: null }, Buffer.from('x'.repeat(32)), 60);
    expect(verifyAccessToken(other, key)).toBeNull();
    const none = jwt.sign({ role: 'admin', org: 'o1' }, '', { algorithm: 'none', subject: 'u1', issuer: 'fairmarket', audience: 'fairmarket-api' });
    expect(verifyAccessToken(none, key)).toBeNull();
    const expired = jwt.sign({ role: 'admin', org: 'o1', exp: Math.floor(Date.now() / 1000) - 10 }, key, { subject: 'u1', issuer: 'fairmarket', audience: 'fairmarket-api' });
    expect(verifyAccessToken(expired, key)).toBeNull();
  });

  it('derives a key distinct from the pseudonym key, and prefers JWT_SECRET', () => {
    expect(key.toString('utf8')).not.toContain('kkkk');
    expect(tokenSigningKey({ PSEUDONYM_KEY: 'k'.repeat(32), JWT_SECRET: 's'.repeat(32) }).toString()).toBe('s'.repeat(32));
  });
});

describe('tenantOf', () => {
  it('binds a platform user to its platform and gives admins no platform data', () => {
    const base = { userId: 'u', orgId: 'o', via: 'token' as const };
    expect(tenantOf({ ...base, role: 'platform_compliance', platformId: 'p1' })).toMatchObject({ kind: 'platform', platformId: 'p1' });
    expect(tenantOf({ ...base, role: 'platform_compliance', platformId: null }).kind).toBe('none');
    expect(tenantOf({ ...base, role: 'admin', platformId: null }).kind).toBe('none');
    expect(tenantOf({ ...base, role: 'consumer_group', platformId: null })).toMatchObject({ kind: 'consumer_group', orgId: 'o' });
    expect(tenantOf(null).kind).toBe('none');
  });
});
