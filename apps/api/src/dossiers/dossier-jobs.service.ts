import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { AuditLogService } from '@fairmarket/audit';
import { dossierPath, parseSigningKey, type DossierOwner } from '@fairmarket/dossier';
import type { Principal } from '@fairmarket/identity';
import { JobQueueService, JOB_QUEUE, type BuildDossierPayload } from '@fairmarket/jobs';

export interface DossierStatus {
  id: string;
  subject: DossierOwner['kind'];
  dataset_id?: string;
  case_id?: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: unknown;
  finding_ids?: string[];
  result: unknown;
  error: string | null;
  download: string | null;
}

/** A build-dossier payload before the dossier id is drawn. */
export type DossierJobRequest = BuildDossierPayload extends infer P ? (P extends unknown ? Omit<P, 'dossierId'> : never) : never;

const OWNER_ZH = { dataset: '数据集', case: '案件' } as const;

/**
 * What dataset and case dossiers share on the api: the signing-key check, queueing the one
 * build-dossier job (its id is the dossier id) after auditing the request, its state from the
 * queue and the bundle on disk, and the audited export of the bundle.
 */
@Injectable()
export class DossierJobs {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  /** Refuses early when the api cannot sign (the worker checks again). */
  requireSigningKey(): void {
    if (!this.config.DOSSIER_SIGNING_KEY) {
      throw new ServiceUnavailableException({ code: 'dossier_signing_key_missing', message: 'Dossiers are not configured: set DOSSIER_SIGNING_KEY (an Ed25519 key, `openssl genpkey -algorithm ed25519`) on the api and the worker.', message_zh: '未配置卷宗签名密钥：请在 api 与 worker 上设置 DOSSIER_SIGNING_KEY（Ed25519 私钥）。' });
    }
    parseSigningKey(this.config.DOSSIER_SIGNING_KEY);
  }

  /**
   * Audits the request, then queues the job: the audit entry exists before the worker reads the
   * trail, so a case dossier's chain of custody always shows who asked for it.
   */
  async queue(owner: DossierOwner, principal: Principal, job: DossierJobRequest, detail: Record<string, unknown>): Promise<DossierStatus> {
    const dossierId = randomUUID();
    await this.audit.append({ actorId: principal.userId, actorRole: principal.role, action: 'dossier.requested', subjectType: 'dossier', subjectId: dossierId, detail: { [`${owner.kind}_id`]: owner.id, ...detail } });
    await this.jobs.enqueue('build-dossier', { ...job, dossierId } as BuildDossierPayload, { jobId: dossierId, attempts: 2 });
    return this.status(owner, dossierId);
  }

  async status(owner: DossierOwner, dossierId: string): Promise<DossierStatus> {
    const path = dossierPath(this.config.DOSSIER_DIR, owner, dossierId);
    const job = await this.jobs.queue(JOB_QUEUE['build-dossier']).getJob(dossierId);
    if (job && !belongsTo(job.data as BuildDossierPayload, owner)) throw this.notFound(owner, dossierId);
    const onDisk = existsSync(path);
    if (!job && !onDisk) throw this.notFound(owner, dossierId);
    const state = job ? await job.getState() : 'completed';
    const status: DossierStatus['status'] = onDisk && state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : onDisk ? 'done' : 'queued';
    const data = job?.data as BuildDossierPayload | undefined;
    return {
      id: dossierId,
      subject: owner.kind,
      [`${owner.kind}_id`]: owner.id,
      status,
      progress: job?.progress ?? null,
      ...(owner.kind === 'dataset' ? { finding_ids: data && data.subject !== 'case' ? data.findingIds : [] } : {}),
      result: job?.returnvalue ?? null,
      error: status === 'failed' ? (job?.failedReason ?? 'failed') : null,
      download: status === 'done' ? `${this.base(owner)}/${dossierId}/download` : null,
    };
  }

  /** The bundle's path once built, after auditing its export; 404 while it is still being built. */
  async export(owner: DossierOwner, dossierId: string, principal: Principal): Promise<string> {
    const s = await this.status(owner, dossierId);
    if (s.status !== 'done') {
      throw new NotFoundException({ code: 'dossier_not_ready', message: `Dossier ${dossierId} is ${s.status}${s.error ? ` (${s.error})` : ''}: poll GET ${this.base(owner)}/${dossierId} until status is done.`, message_zh: `卷宗 ${dossierId} 尚未生成完成（${s.status}）。` });
    }
    await this.audit.append({ actorId: principal.userId, actorRole: principal.role, action: 'evidence.export', subjectType: 'dossier', subjectId: dossierId, detail: { [`${owner.kind}_id`]: owner.id, via: principal.via } });
    return dossierPath(this.config.DOSSIER_DIR, owner, dossierId);
  }

  private base(owner: DossierOwner): string {
    return `/v1/${owner.kind === 'case' ? 'cases' : 'datasets'}/${owner.id}/dossiers`;
  }

  private notFound(owner: DossierOwner, dossierId: string) {
    return new NotFoundException({ code: 'dossier_not_found', message: `${owner.kind === 'case' ? 'Case' : 'Dataset'} ${owner.id} has no dossier ${dossierId}.`, message_zh: `${OWNER_ZH[owner.kind]} ${owner.id} 没有卷宗 ${dossierId}。` });
  }
}

/** Whether a queued job builds this owner's dossier (jobs queued before cases carry no subject: datasets). */
function belongsTo(data: BuildDossierPayload, owner: DossierOwner): boolean {
  return data.subject === 'case' ? owner.kind === 'case' && data.caseId === owner.id : owner.kind === 'dataset' && data.datasetId === owner.id;
}
