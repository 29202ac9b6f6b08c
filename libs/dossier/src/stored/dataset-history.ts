import type { CustodyEntry, TimelineEntry } from '../dossier-input';
import type { SqlQuery } from './sql-query';

export interface DatasetHistory {
  name: string;
  timeline: TimelineEntry[];
  custody: CustodyEntry[];
  /** The detection runs recorded (ids), for the manifest's parameters. */
  runs: string[];
}

export const iso = (d: unknown): string => (d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString());

/**
 * What happened to a dataset's data before anyone alleged anything: created, each file
 * received (with its SHA-256) and ingested line by line, detection runs. Both kinds of
 * dossier put this in their timeline and chain of custody. Null when the dataset is not
 * visible (deleted, or outside the reader's tenancy).
 */
export async function datasetHistory(query: SqlQuery, datasetId: string, rulePack?: string): Promise<DatasetHistory | null> {
  const [dataset] = await query('SELECT id, name, created_at, ready_at FROM datasets WHERE id = $1', [datasetId]);
  if (!dataset) return null;
  const files = await query('SELECT file_name, kind, sha256, size_bytes, created_at, finished_at, status FROM dataset_files WHERE dataset_id = $1 ORDER BY created_at, file_name', [datasetId]);
  const runs = await query(
    'SELECT id, rule_pack, status, created_at, finished_at, findings_count FROM detection_runs WHERE dataset_id = $1 AND ($2::text IS NULL OR rule_pack = $2) ORDER BY created_at',
    [datasetId, rulePack ?? null],
  );
  const name = String(dataset.name);
  const timeline: TimelineEntry[] = [{ at: iso(dataset.created_at), event: `dataset "${name}" created`, event_zh: `数据集“${name}”创建` }];
  const custody: CustodyEntry[] = [];
  for (const f of files) {
    custody.push({ at: iso(f.created_at), actor: 'api', action: `upload received: ${f.file_name}`, detail: `dataset ${datasetId}, ${f.kind}, ${f.size_bytes} bytes`, sha256: f.sha256 });
    if (f.finished_at) custody.push({ at: iso(f.finished_at), actor: 'worker', action: `ingested: ${f.file_name} (${f.status})`, detail: 'each line stored with its SHA-256 line hash', sha256: f.sha256 });
  }
  if (dataset.ready_at) timeline.push({ at: iso(dataset.ready_at), event: `dataset "${name}": all files ingested`, event_zh: `数据集“${name}”全部文件入库完成` });
  for (const run of runs) {
    timeline.push({ at: iso(run.created_at), event: `detection run ${run.id} started (${run.rule_pack})`, event_zh: `检测运行 ${run.id} 开始（${run.rule_pack}）` });
    if (run.finished_at) timeline.push({ at: iso(run.finished_at), event: `detection run ${run.id} ${run.status}: ${run.findings_count ?? 0} findings`, event_zh: `检测运行 ${run.id} 结束：${run.findings_count ?? 0} 项结果` });
    custody.push({ at: iso(run.finished_at ?? run.created_at), actor: 'worker', action: `detection run ${run.status}`, detail: `run ${run.id}, rule pack ${run.rule_pack}` });
  }
  return { name, timeline, custody, runs: runs.map((r) => String(r.id)) };
}

/** Entries in time order (stable for equal times, so the order of insertion breaks ties). */
export function byTime<T extends { at: string }>(entries: T[]): T[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i).map(({ e }) => e);
}
