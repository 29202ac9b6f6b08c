import type { TenantContext } from '@fairmarket/tenancy';

export const ROLES = ['regulator', 'platform_compliance', 'consumer_group', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['regulator', 'platform', 'consumer_group', 'operator'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which kind of organisation each role belongs to: a role cannot be held outside its kind. */
export const ROLE_ORGANISATION: Record<Role, OrganisationKind> = {
  regulator: 'regulator',
  platform_compliance: 'platform',
  consumer_group: 'consumer_group',
  admin: 'operator',
};

/** What an API key may be allowed to do; a route accepts keys only for the scope it names. */
export const API_KEY_SCOPES = ['datasets:write', 'datasets:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Who is calling, after authentication. */
export interface Principal {
  userId: string;
  role: Role;
  orgId: string;
  /** Set for platform_compliance: the one platform this user speaks for. */
  platformId: string | null;
  via: 'token' | 'api_key';
  /** Set for API keys only. */
  scopes?: ApiKeyScope[];
  apiKeyId?: string;
}

/**
 * The database tenant of a principal. Admins run the platform but see no platform data, and
 * consumer groups see only their own complaints: neither is a regulator or a platform here.
 */
export function tenantOf(principal: Principal | null): TenantContext {
  if (!principal) return { kind: 'none' };
  switch (principal.role) {
    case 'regulator':
      return { kind: 'regulator', userId: principal.userId };
    case 'platform_compliance':
      return principal.platformId ? { kind: 'platform', platformId: principal.platformId, userId: principal.userId } : { kind: 'none' };
    case 'consumer_group':
      return { kind: 'consumer_group', orgId: principal.orgId, userId: principal.userId };
    default:
      return { kind: 'none', userId: principal.userId };
  }
}
