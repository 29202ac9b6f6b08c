import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@fairmarket/identity';
import { DatasetService } from '@fairmarket/ingestion';
import { DossierJobs, type DossierStatus } from './dossier-jobs.service';

/**
 * Dossiers of a dataset's selected findings: checks the dataset is visible to the caller and
 * the findings exist, then leaves queueing, status and export to DossierJobs.
 */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetService,
    private readonly dossiers: DossierJobs,
  ) {}

  async request(datasetId: string, findingIds: string[], options: { caseNumber?: string; rulePack?: string }, principal: Principal): Promise<DossierStatus> {
    this.dossiers.requireSigningKey();
    const dataset = await this.datasets.get(datasetId);
    const rulePack = options.rulePack ?? dataset.rule_pack;
    const ids = [...new Set(findingIds)];
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM findings WHERE dataset_id = $1 AND rule_pack = $2 AND id = ANY($3::text[])', [datasetId, rulePack, ids]);
    const known = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new BadRequestException({ code: 'unknown_findings', message: `Dataset ${datasetId} has no finding ${missing.join(', ')} under rule pack ${rulePack}: take ids from GET /v1/datasets/${datasetId}/findings.`, message_zh: `数据集 ${datasetId} 在规则包 ${rulePack} 下没有检测结果 ${missing.join('、')}。`, details: { missing } });
    }
    return this.dossiers.queue(
      { kind: 'dataset', id: datasetId },
      principal,
      { subject: 'dataset', datasetId, findingIds: ids, rulePack, caseNumber: options.caseNumber, requestedBy: principal.userId },
      { finding_ids: ids },
    );
  }

  async status(datasetId: string, dossierId: string): Promise<DossierStatus> {
    await this.datasets.get(datasetId);
    return this.dossiers.status({ kind: 'dataset', id: datasetId }, dossierId);
  }

  async export(datasetId: string, dossierId: string, principal: Principal): Promise<string> {
    await this.datasets.get(datasetId);
    return this.dossiers.export({ kind: 'dataset', id: datasetId }, dossierId, principal);
  }
}
