import type { Finding } from '@fairmarket/contract';
import { CITATIONS } from '@fairmarket/rules';
import type { DossierInput } from '../dossier-input';
import { byTime, datasetHistory } from './dataset-history';
import type { SqlQuery } from './sql-query';

export interface DatasetDossierRequest {
  datasetId: string;
  dossierId: string;
  rulePack: string;
  findings: Finding[];
  caseNumber?: string;
  requestedBy?: string;
  requestedAt: Date;
}

/**
 * The dossier input for a dataset's selected findings (no case behind them): the platforms
 * as respondents, the dataset's uploads, ingestion and detection runs as timeline and chain
 * of custody. A case's dossier (case-dossier-input.ts) adds its parties, answers and audit trail.
 */
export async function datasetDossierInput(query: SqlQuery, r: DatasetDossierRequest): Promise<DossierInput> {
  const history = await datasetHistory(query, r.datasetId, r.rulePack);
  if (!history) throw new Error(`dataset ${r.datasetId} is not visible any more: it was deleted, or the dossier's owner lost access`);
  const at = r.requestedAt.toISOString();
  const timeline = [...history.timeline, { at, event: `dossier ${r.dossierId} requested`, event_zh: `卷宗 ${r.dossierId} 申请生成` }];
  const custody = [...history.custody, { at, actor: r.requestedBy ?? 'api', action: 'dossier requested', detail: `findings ${r.findings.map((f) => f.id).join(', ')}` }];
  const platforms = [...new Set(r.findings.map((f) => f.platform_id))].sort();
  const day = at.slice(0, 10).replace(/-/g, '');
  return {
    case: {
      number: r.caseNumber ?? `FM-${day}-${r.dossierId.slice(0, 8)}`,
      title: `Findings of dataset "${history.name}"`,
      title_zh: `数据集“${history.name}”的检测结果`,
      parties: platforms.map((p) => ({ role: 'respondent / 被调查平台', name: p, id: p })),
      opened_at: at.slice(0, 10),
      rule_pack: r.rulePack,
    },
    timeline: byTime(timeline),
    allegations: r.findings,
    answers: [],
    custody: byTime(custody),
    citations: CITATIONS,
    parameters: { subject: 'dataset', dataset_id: r.datasetId, dossier_id: r.dossierId, rule_pack: r.rulePack, finding_ids: r.findings.map((f) => f.id), detection_runs: history.runs },
  };
}
