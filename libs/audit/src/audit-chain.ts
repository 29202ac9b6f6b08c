import { createHash } from 'node:crypto';

/** One audit entry as stored; `hash` covers every other field and the previous entry's hash. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb does not keep key order, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { prev_hash, hash: _ignored, ...body } = entry;
  return createHash('sha256').update(prev_hash).update('\n').update(canonicalJson({ ...body, at: new Date(body.at).toISOString() })).digest('hex');
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first entry that does not follow from the one before it, and why. */
  first_broken: { seq: number; reason: string; reason_zh: string } | null;
}

/** Walks the chain in order; stops at the first entry whose links or contents do not add up. */
export function verifyChain(entries: Iterable<AuditEntry>): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let count = 0;
  for (const entry of entries) {
    count++;
    const broken = (reason: string, reason_zh: string): ChainVerdict => ({ ok: false, entries: count, first_broken: { seq: entry.seq, reason, reason_zh } });
    if (entry.seq !== prevSeq + 1) return broken(`entry ${prevSeq + 1} is missing (next is ${entry.seq})`, `第 ${prevSeq + 1} 条记录缺失`);
    if (entry.prev_hash !== prevHash) return broken(`its prev_hash does not match entry ${prevSeq}'s hash`, `前一哈希与第 ${prevSeq} 条记录不符`);
    if (entryHash(entry) !== entry.hash) return broken('its contents were changed after it was written', '记录内容在写入后被修改');
    prevHash = entry.hash;
    prevSeq = entry.seq;
  }
  return { ok: true, entries: count, first_broken: null };
}
