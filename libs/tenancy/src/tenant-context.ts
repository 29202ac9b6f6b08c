import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose data a piece of work may touch. The database reads it from `fm.*` settings and its
 * row policies decide; `none` (an anonymous request, or work that forgot to say) sees nothing.
 */
export type TenantContext =
  | { kind: 'platform'; platformId: string; userId?: string }
  | { kind: 'regulator'; userId?: string }
  | { kind: 'consumer_group'; orgId: string; userId?: string }
  | { kind: 'none'; userId?: string };

/** One store per process: the api sets it per request, the worker per job. */
export const tenantStorage = new AsyncLocalStorage<TenantContext>();

export function currentTenant(): TenantContext | undefined {
  return tenantStorage.getStore();
}

export function runAsTenant<T>(context: TenantContext, work: () => T): T {
  return tenantStorage.run(context, work);
}

/** The values of the `fm.tenant_kind`, `fm.platform_id` and `fm.org_id` settings for a context. */
export function tenantSettings(context: TenantContext | undefined): [string, string, string] {
  if (!context || context.kind === 'none') return ['', '', ''];
  return [context.kind, context.kind === 'platform' ? context.platformId : '', context.kind === 'consumer_group' ? context.orgId : ''];
}
