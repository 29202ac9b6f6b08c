import { BadRequestException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { dossierPath, parseSigningKey } from '@fairmarket/dossier';
import { JobQueueService, JOB_QUEUE } from '@fairmarket/jobs';
import { DatasetService } from '@fairmarket/ingestion';

export interface DossierStatus {
  id: string;
  dataset_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: unknown;
  finding_ids: string[];
  result: unknown;
  error: string | null;
  download: string | null;
}

/**
 * Dossier requests of the api: checks the dataset is visible to the caller and the findings
 * exist, queues the build-dossier job (its id is the dossier id), and reports its state from
 * the queue and the bundle on disk.
 */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetService,
    private readonly jobs: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  async request(datasetId: string, findingIds: string[], options: { caseNumber?: string; rulePack?: string; requestedBy?: string }): Promise<DossierStatus> {
    if (!this.config.DOSSIER_SIGNING_KEY) {
      throw new ServiceUnavailableException({ code: 'dossier_signing_key_missing', message: 'Dossiers are not configured: set DOSSIER_SIGNING_KEY (an Ed25519 key, `openssl genpkey -algorithm ed25519`) on the api and the worker.', message_zh: '未配置卷宗签名密钥：请在 api 与 worker 上设置 DOSSIER_SIGNING_KEY（Ed25519 私钥）。' });
    }
    parseSigningKey(this.config.DOSSIER_SIGNING_KEY);
    const dataset = await this.datasets.get(datasetId);
    const rulePack = options.rulePack ?? dataset.rule_pack;
    const ids = [...new Set(findingIds)];
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM findings WHERE dataset_id = $1 AND rule_pack = $2 AND id = ANY($3::text[])', [datasetId, rulePack, ids]);
    const known = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new BadRequestException({ code: 'unknown_findings', message: `Dataset ${datasetId} has no finding ${missing.join(', ')} under rule pack ${rulePack}: take ids from GET /v1/datasets/${datasetId}/findings.`, message_zh: `数据集 ${datasetId} 在规则包 ${rulePack} 下没有检测结果 ${missing.join('、')}。`, details: { missing } });
    }
    const dossierId = randomUUID();
    await this.jobs.enqueue('build-dossier', { datasetId, dossierId, findingIds: ids, rulePack, caseNumber: options.caseNumber, requestedBy: options.requestedBy }, { jobId: dossierId, attempts: 2 });
    return this.status(datasetId, dossierId);
  }

  async status(datasetId: string, dossierId: string): Promise<DossierStatus> {
    await this.datasets.get(datasetId);
    const path = dossierPath(this.config.DOSSIER_DIR, datasetId, dossierId);
    const job = await this.jobs.queue(JOB_QUEUE['build-dossier']).getJob(dossierId);
    if (job && job.data.datasetId !== datasetId) throw this.notFound(datasetId, dossierId);
    const onDisk = existsSync(path);
    if (!job && !onDisk) throw this.notFound(datasetId, dossierId);
    const state = job ? await job.getState() : 'completed';
    const status: DossierStatus['status'] = onDisk && state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : onDisk ? 'done' : 'queued';
    return {
      id: dossierId,
      dataset_id: datasetId,
      status,
      progress: job?.progress ?? null,
      finding_ids: job?.data.findingIds ?? [],
      result: job?.returnvalue ?? null,
      error: status === 'failed' ? (job?.failedReason ?? 'failed') : null,
      download: status === 'done' ? `/v1/datasets/${datasetId}/dossiers/${dossierId}/download` : null,
    };
  }

  /** The bundle's path once built; 409 while it is still being built. */
  async bundle(datasetId: string, dossierId: string): Promise<string> {
    const s = await this.status(datasetId, dossierId);
    if (s.status !== 'done') {
      throw new NotFoundException({ code: 'dossier_not_ready', message: `Dossier ${dossierId} is ${s.status}${s.error ? ` (${s.error})` : ''}: poll GET /v1/datasets/${datasetId}/dossiers/${dossierId} until status is done.`, message_zh: `卷宗 ${dossierId} 尚未生成完成（${s.status}）。` });
    }
    return dossierPath(this.config.DOSSIER_DIR, datasetId, dossierId);
  }

  private notFound(datasetId: string, dossierId: string) {
    return new NotFoundException({ code: 'dossier_not_found', message: `Dataset ${datasetId} has no dossier ${dossierId}.`, message_zh: `数据集 ${datasetId} 没有卷宗 ${dossierId}。` });
  }
}
