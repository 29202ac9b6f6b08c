import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { verifyChain, type AuditEntry, type ChainVerdict } from './audit-chain';
import { AUDIT_COLUMNS as COLUMNS, appendAuditEntry, toEntry, type AuditRecord } from './audit-append';

/**
 * The append-only audit log. Appends are serialised by an advisory lock held to the end of
 * the caller's transaction, so the chain has no forks; written inside the transaction of the
 * change it records, an entry exists exactly when the change does.
 */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async append(record: AuditRecord, em?: EntityManager): Promise<AuditEntry> {
    if (!em) return this.dataSource.transaction((tx) => this.append(record, tx));
    return appendAuditEntry((sql, params) => em.query(sql, params), record);
  }

  async list(options: { subjectType?: string; subjectId?: string; limit: number; afterSeq?: number }): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_log WHERE ($1::text IS NULL OR subject_type = $1) AND ($2::text IS NULL OR subject_id = $2) AND seq > $3 ORDER BY seq LIMIT $4`,
      [options.subjectType ?? null, options.subjectId ?? null, options.afterSeq ?? 0, options.limit],
    );
    return rows.map(toEntry);
  }

  async verify(): Promise<ChainVerdict> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);
    return verifyChain(rows.map(toEntry));
  }
}
