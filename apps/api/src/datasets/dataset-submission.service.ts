import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '@fairmarket/audit';
import type { Principal } from '@fairmarket/identity';
import { DatasetService } from '@fairmarket/ingestion';
import { JobQueueService } from '@fairmarket/jobs';
import { DatasetEntity } from '@fairmarket/persistence';

/** A platform hands a self-audit to the regulator: scope becomes submission, alerts follow. */
@Injectable()
export class DatasetSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetService,
    private readonly audit: AuditLogService,
    private readonly jobs: JobQueueService,
  ) {}

  async submit(id: string, principal: Principal): Promise<DatasetEntity> {
    const dataset = await this.datasets.get(id);
    if (dataset.scope === 'submission') {
      throw new ConflictException({ code: 'already_submitted', message: `Dataset ${id} is already submitted.`, message_zh: `数据集 ${id} 已提交。` });
    }
    const runs: { id: string }[] = await this.dataSource.transaction(async (em) => {
      await em.update(DatasetEntity, { id }, { scope: 'submission' });
      await this.audit.append({ actorId: principal.userId, actorRole: principal.role, action: 'dataset.submit', subjectType: 'dataset', subjectId: id }, em);
      return em.query(`SELECT DISTINCT ON (rule_pack) id FROM detection_runs WHERE dataset_id = $1 AND status = 'done' ORDER BY rule_pack, created_at DESC`, [id]);
    });
    for (const run of runs) await this.jobs.enqueue('sync-alerts', { datasetId: id, runId: run.id }, { jobId: `sync-alerts-${run.id}-submitted` });
    return { ...dataset, scope: 'submission' };
  }
}
