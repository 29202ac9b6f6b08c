import { hkdfSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ROLES, type Role } from './roles';

export interface AccessClaims {
  sub: string;
  role: Role;
  org: string;
  plat: string | null;
}

const ISSUER = 'fairmarket';
const AUDIENCE = 'fairmarket-api';

/** JWT_SECRET, or a key derived from PSEUDONYM_KEY for this one purpose (never the key itself). */
export function tokenSigningKey(config: { JWT_SECRET?: string; PSEUDONYM_KEY: string }): Buffer {
  if (config.JWT_SECRET) return Buffer.from(config.JWT_SECRET, 'utf8');
  return Buffer.from(hkdfSync('sha256', config.PSEUDONYM_KEY, 'fairmarket', 'fairmarket access tokens v1', 32));
}

export function signAccessToken(claims: AccessClaims, key: Buffer, ttlSeconds: number): string {
  return jwt.sign({ role: claims.role, org: claims.org, plat: claims.plat }, key, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

/** The claims of a valid token, or null: wrong signature, expired, other algorithm, or malformed. */
export function verifyAccessToken(token: string, key: Buffer): AccessClaims | null {
  try {
    const payload = jwt.verify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
    if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role) || typeof payload.org !== 'string') return null;
    return { sub: payload.sub, role: payload.role, org: payload.org, plat: typeof payload.plat === 'string' ? payload.plat : null };
  } catch {
    return null;
  }
}
