import { FILE_KINDS, type FileKind, type Finding } from '@fairmarket/contract';
import type { EvidenceRow, EvidenceRowSource } from '../dossier-input';
import type { SqlQuery } from './sql-query';

/** Natural ids looked up per query: bounded, so a finding with many rows streams in slices. */
const SLICE = 1000;

/**
 * The stored input lines behind each finding, read from ev_<kind> by natural id with their
 * ingestion hashes, in the order the finding lists its evidence. A cited line the store does
 * not hold becomes a `missing` row, so the exhibit shows the gap instead of hiding it.
 */
export function storedEvidenceRows(query: SqlQuery, datasetId: string): EvidenceRowSource {
  return async function* rows(finding: Finding): AsyncGenerator<EvidenceRow> {
    for (let at = 0; at < finding.evidence.length; at += SLICE) {
      const slice = finding.evidence.slice(at, at + SLICE);
      const found = new Map<string, Record<string, any>>();
      const kinds = [...new Set(slice.map((e) => e.file))];
      for (const kind of kinds) {
        if (!FILE_KINDS.includes(kind as FileKind)) continue;
        const ids = slice.filter((e) => e.file === kind).map((e) => e.id);
        const stored = await query(
          `SELECT natural_id, line_no, encode(line_hash, 'hex') AS line_hash, doc FROM ev_${kind} ` +
            'WHERE dataset_id = $1 AND platform_id = $2 AND natural_id = ANY($3::text[]) ORDER BY natural_id, line_no',
          [datasetId, finding.platform_id, ids],
        );
        for (const r of stored) if (!found.has(`${kind}\u0001${r.natural_id}`)) found.set(`${kind}\u0001${r.natural_id}`, r);
      }
      for (const e of slice) {
        const r = found.get(`${e.file}\u0001${e.id}`);
        yield { file: e.file, natural_id: e.id, line_no: r ? Number(r.line_no) : null, line_hash: r?.line_hash ?? '', doc: r?.doc ?? null, note: e.note };
      }
    }
  };
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
