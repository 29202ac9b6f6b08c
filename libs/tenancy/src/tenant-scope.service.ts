import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { currentTenant, runAsTenant, type TenantContext } from './tenant-context';
import { installTenantPool } from './tenant-pool';

export type TenantSubject = 'dataset' | 'file' | 'run';

/**
 * Ties the database pool to the tenant context, refuses to run as a role that row-level
 * security does not bind, and lets background work act as the owner of the data it processes.
 */
@Injectable()
export class TenantScope implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    installTenantPool((this.dataSource.driver as unknown as { master: Pool }).master);
    const [role] = await this.dataSource.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    if (!role || role.rolsuper || role.rolbypassrls) {
      throw new Error(
        `the database role "${role?.name}" bypasses row-level security: connect as fairmarket_app (set APP_DATABASE_URL, or run \`fairmarket migrate\` to create the role)`,
      );
    }
  }

  /**
   * Runs background work (a job) as the owner of a dataset, file or run: the dataset's
   * platform, or the regulator for a dataset that spans platforms. Work that already has a
   * context (an API request) keeps it: a caller never widens its own view this way.
   */
  async asOwnerOf<T>(subject: TenantSubject, id: string, work: () => Promise<T>): Promise<T> {
    if (currentTenant()) return work();
    const rows: { platform_id: string | null }[] = await this.dataSource.query('SELECT platform_id FROM fm_tenant_of($1, $2)', [subject, id]);
    const context: TenantContext = rows.length === 0 ? { kind: 'none' } : rows[0].platform_id ? { kind: 'platform', platformId: rows[0].platform_id } : { kind: 'regulator' };
    return runAsTenant(context, work);
  }

  /** Runs work with an explicit context (jobs that act for the regulator, such as alert creation). */
  as<T>(context: TenantContext, work: () => Promise<T>): Promise<T> {
    return runAsTenant(context, work);
  }
}
