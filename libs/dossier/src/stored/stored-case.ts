import type { Finding } from '@fairmarket/contract';
import { CITATIONS } from '@fairmarket/rules';
import type { CustodyEntry, DossierInput, TimelineEntry } from '../dossier-input';
import type { SqlQuery } from './sql-query';

export interface StoredCaseRequest {
  datasetId: string;
  dossierId: string;
  rulePack: string;
  findings: Finding[];
  caseNumber?: string;
  requestedBy?: string;
  requestedAt: Date;
}

/**
 * The dossier input for a dataset's selected findings, until cases exist (issue 5): the
 * platforms as respondents, the dataset's uploads, ingestion and detection runs as timeline and
 * chain of custody (with each file's SHA-256). A case will fill the same model with its own
 * parties, timeline, answers and audit trail.
 */
export async function storedCaseInput(query: SqlQuery, r: StoredCaseRequest): Promise<DossierInput> {
  const [dataset] = await query('SELECT id, name, created_at, ready_at FROM datasets WHERE id = $1', [r.datasetId]);
  if (!dataset) throw new Error(`dataset ${r.datasetId} is not visible any more: it was deleted, or the dossier's owner lost access`);
  const files = await query('SELECT file_name, kind, sha256, size_bytes, created_at, finished_at, status FROM dataset_files WHERE dataset_id = $1 ORDER BY created_at, file_name', [r.datasetId]);
  const runs = await query('SELECT id, rule_pack, status, created_at, finished_at, findings_count FROM detection_runs WHERE dataset_id = $1 AND rule_pack = $2 ORDER BY created_at', [r.datasetId, r.rulePack]);
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
  const timeline: TimelineEntry[] = [{ at: iso(dataset.created_at), event: `dataset "${dataset.name}" created`, event_zh: `数据集“${dataset.name}”创建` }];
  const custody: CustodyEntry[] = [];
  for (const f of files) {
    custody.push({ at: iso(f.created_at), actor: 'api', action: `upload received: ${f.file_name}`, detail: `${f.kind}, ${f.size_bytes} bytes`, sha256: f.sha256 });
    if (f.finished_at) custody.push({ at: iso(f.finished_at), actor: 'worker', action: `ingested: ${f.file_name} (${f.status})`, detail: 'each line stored with its SHA-256 line hash', sha256: f.sha256 });
  }
  if (dataset.ready_at) timeline.push({ at: iso(dataset.ready_at), event: 'all files ingested', event_zh: '全部文件入库完成' });
  for (const run of runs) {
    timeline.push({ at: iso(run.created_at), event: `detection run ${run.id} started (${run.rule_pack})`, event_zh: `检测运行 ${run.id} 开始（${run.rule_pack}）` });
    if (run.finished_at) timeline.push({ at: iso(run.finished_at), event: `detection run ${run.id} ${run.status}: ${run.findings_count ?? 0} findings`, event_zh: `检测运行 ${run.id} 结束：${run.findings_count ?? 0} 项结果` });
    custody.push({ at: iso(run.finished_at ?? run.created_at), actor: 'worker', action: `detection run ${run.status}`, detail: `run ${run.id}, rule pack ${run.rule_pack}` });
  }
  timeline.push({ at: r.requestedAt.toISOString(), event: `dossier ${r.dossierId} requested`, event_zh: `卷宗 ${r.dossierId} 申请生成` });
  custody.push({ at: r.requestedAt.toISOString(), actor: r.requestedBy ?? 'api', action: 'dossier requested', detail: `findings ${r.findings.map((f) => f.id).join(', ')}` });
  const platforms = [...new Set(r.findings.map((f) => f.platform_id))].sort();
  const day = r.requestedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return {
    case: {
      number: r.caseNumber ?? `FM-${day}-${r.dossierId.slice(0, 8)}`,
      title: `Findings of dataset "${dataset.name}"`,
      title_zh: `数据集“${dataset.name}”的检测结果`,
      parties: platforms.map((p) => ({ role: 'respondent / 被调查平台', name: p, id: p })),
      opened_at: r.requestedAt.toISOString().slice(0, 10),
      rule_pack: r.rulePack,
    },
    timeline: timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    allegations: r.findings,
    answers: [],
    custody: custody.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    citations: CITATIONS,
    parameters: { dataset_id: r.datasetId, dossier_id: r.dossierId, rule_pack: r.rulePack, finding_ids: r.findings.map((f) => f.id), detection_runs: runs.map((x) => x.id) },
  };
}
