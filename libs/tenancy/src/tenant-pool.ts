import type { Pool, PoolClient } from 'pg';
import { currentTenant, tenantSettings } from './tenant-context';

const SET_TENANT = `SELECT set_config('fm.tenant_kind', $1, false), set_config('fm.platform_id', $2, false), set_config('fm.org_id', $3, false)`;
const INSTALLED = Symbol('fmTenantPool');

/**
 * Makes every connection taken from the pool carry the tenant of the work that took it.
 * Setting it on checkout (rather than per statement) covers TypeORM's repositories, explicit
 * transactions, COPY and cursors alike; as every checkout overwrites all three settings, a
 * pooled connection never carries the previous user's tenant, and work with no context gets
 * empty settings, which the row policies read as "no rows".
 */
export function installTenantPool(pool: Pool): void {
  const target = pool as Pool & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void) => Promise<PoolClient> | void;
  const tagged = async (): Promise<PoolClient> => {
    const settings = tenantSettings(currentTenant());
    const client = await (connect() as Promise<PoolClient>);
    try {
      await client.query(SET_TENANT, settings);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };
  // pg-pool calls connect with a callback (TypeORM, pool.query) or without (promise users).
  (pool as unknown as { connect: unknown }).connect = (cb?: (err: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void) => {
    if (!cb) return tagged();
    tagged().then(
      (client) => cb(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (error: Error) => cb(error),
    );
    return undefined;
  };
}
