import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `fmk_<key id>_<secret>`. The id finds the row; only the secret's SHA-256 is
 * stored (the secret is 32 random bytes, so a slow hash adds nothing). Shown once, at creation.
 */
export function newApiKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatApiKey(keyId: string, secret: string): string {
  return `fmk_${keyId.replace(/-/g, '')}_${secret}`;
}

export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const m = /^fmk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  if (!m) return null;
  const h = m[1];
  return { keyId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, secret: m[2] };
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKeySecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
