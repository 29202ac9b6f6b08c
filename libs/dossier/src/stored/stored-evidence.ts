import { FILE_KINDS, type FileKind, type Finding } from '@fairmarket/contract';
import type { EvidenceRow, EvidenceRowSource } from '../dossier-input';
import type { SqlQuery, SqlRowStream } from './sql-query';

/** The dataset a finding's lines were stored in: one for a dataset's dossier, per alert for a case's. */
export type DatasetOfFinding = string | ((finding: Finding) => string);

/**
 * The stored input lines behind each finding, read from ev_<kind> by natural id with their
 * ingestion hashes, in the order the finding lists its evidence, through one server-side
 * cursor per finding (a finding with many rows never sits in memory). A cited line the store
 * does not hold becomes a `missing` row, so the exhibit shows the gap instead of hiding it.
 */
export function storedEvidenceRows(stream: SqlRowStream, datasetOf: DatasetOfFinding): EvidenceRowSource {
  return async function* rows(finding: Finding): AsyncGenerator<EvidenceRow> {
    if (finding.evidence.length === 0) return;
    const datasetId = typeof datasetOf === 'string' ? datasetOf : datasetOf(finding);
    const kinds = [...new Set(finding.evidence.map((e) => e.file))].filter((k): k is FileKind => FILE_KINDS.includes(k as FileKind));
    let next = 0;
    for await (const r of stream(evidenceSql(kinds), [datasetId, finding.platform_id, finding.evidence.map((e) => e.file), finding.evidence.map((e) => e.id)])) {
      const e = finding.evidence[next++]!;
      yield { file: e.file, natural_id: e.id, line_no: r.line_no === null ? null : Number(r.line_no), line_hash: r.line_hash ?? '', doc: r.doc ?? null, note: e.note };
    }
    if (next !== finding.evidence.length) throw new Error(`finding ${finding.id}: the evidence cursor returned ${next} of ${finding.evidence.length} rows; build the dossier again`);
  };
}

/**
 * One row per cited line, in the finding's order (WITH ORDINALITY): the first stored line of
 * that natural id in the kind's table, or nulls when the store does not have it.
 */
function evidenceSql(kinds: FileKind[]): string {
  const lookups = kinds.map(
    (k) => `SELECT line_no, line_hash, doc FROM ev_${k} s WHERE w.kind = '${k}' AND s.dataset_id = $1 AND s.platform_id = $2 AND s.natural_id = w.natural_id`,
  );
  const found = lookups.length > 0 ? `LEFT JOIN LATERAL (${lookups.join(' UNION ALL ')} ORDER BY line_no LIMIT 1) f ON true` : 'LEFT JOIN (SELECT NULL::int AS line_no, NULL::bytea AS line_hash, NULL::jsonb AS doc) f ON false';
  return (
    `SELECT w.ord, f.line_no, encode(f.line_hash, 'hex') AS line_hash, f.doc ` +
    `FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS w(kind, natural_id, ord) ${found} ORDER BY w.ord`
  );
}

/** The findings of a dataset by id, in the order asked; throws naming the ids it does not have. */
export async function storedFindings(query: SqlQuery, datasetId: string, rulePack: string, ids: readonly string[]): Promise<Finding[]> {
  const rows = await query('SELECT id, doc FROM findings WHERE dataset_id = $1 AND rule_pack = $2 AND id = ANY($3::text[])', [datasetId, rulePack, [...ids]]);
  const byId = new Map(rows.map((r) => [r.id as string, r.doc as Finding]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new UnknownFindingsError(datasetId, rulePack, missing);
  return ids.map((id) => byId.get(id)!);
}

export class UnknownFindingsError extends Error {
  constructor(
    readonly datasetId: string,
    readonly rulePack: string,
    readonly missing: string[],
  ) {
    super(`dataset ${datasetId} has no finding ${missing.join(', ')} under rule pack ${rulePack}: take ids from GET /v1/datasets/${datasetId}/findings`);
  }
}
