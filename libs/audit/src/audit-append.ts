import { GENESIS_HASH, entryHash, type AuditEntry } from './audit-chain';

export interface AuditRecord {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export const AUDIT_COLUMNS = 'seq, at, actor_id, actor_role, action, subject_type, subject_id, detail, prev_hash, hash';

/**
 * Appends one entry inside the caller's open transaction. The advisory lock, held to the end
 * of that transaction, serialises appends so the chain never forks.
 */
export async function appendAuditEntry(query: Query, record: AuditRecord): Promise<AuditEntry> {
  await query(`SELECT pg_advisory_xact_lock(hashtext('audit_log'))`);
  const [last] = await query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const entry = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actor_id: record.actorId,
    actor_role: record.actorRole,
    action: record.action,
    subject_type: record.subjectType,
    subject_id: record.subjectId ?? null,
    detail: record.detail ?? {},
    prev_hash: last ? (last.hash as string) : GENESIS_HASH,
  };
  const hash = entryHash(entry);
  await query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
    entry.seq, entry.at, entry.actor_id, entry.actor_role, entry.action, entry.subject_type, entry.subject_id, JSON.stringify(entry.detail), entry.prev_hash, hash,
  ]);
  return { ...entry, hash };
}

export function toEntry(row: Record<string, unknown>): AuditEntry {
  return { ...(row as unknown as AuditEntry), seq: Number(row.seq), at: new Date(row.at as string).toISOString() };
}
