import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DetectorName } from '@fairmarket/contract';
import { analyzeAll, decideAll, DETECTORS, selectDetectors } from '@fairmarket/detectors';
import { rulePack } from '@fairmarket/rules';
import { DetectionRunEntity } from '@fairmarket/persistence';
import { JobQueueService } from '@fairmarket/jobs';
import { TenantScope } from '@fairmarket/tenancy';
import { DetectionStore } from './detection-store';

/**
 * The server side of a run, using the very detector code the CLI runs: `analyze` per
 * platform in child jobs, `decide` once over every platform's partials.
 */
@Injectable()
export class DetectionRunnerService {
  private readonly logger = new Logger(DetectionRunnerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DetectionStore,
    private readonly tenants: TenantScope,
    private readonly jobs: JobQueueService,
  ) {}

  private async loadRun(runId: string): Promise<DetectionRunEntity> {
    return this.dataSource.getRepository(DetectionRunEntity).findOneByOrFail({ id: runId });
  }

  /** Each step runs as the dataset's owner, so row-level security confines it to that dataset. */
  analyzePlatform(datasetId: string, runId: string, platformId: string): Promise<void> {
    return this.tenants.asOwnerOf('dataset', datasetId, () => this.analyzeAsOwner(datasetId, runId, platformId));
  }

  private async analyzeAsOwner(datasetId: string, runId: string, platformId: string): Promise<void> {
    const run = await this.loadRun(runId);
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId, status: 'queued' }, { status: 'running' });
    const rules = rulePack(run.rule_pack);
    const source = await this.store.openSource(datasetId, platformId);
    // The CLI's very step: every detector at once over one shared read per table (shared-passes.ts).
    const partials = await analyzeAll(DETECTORS, source, rules, { only: run.detectors as DetectorName[] });
    await this.store.savePartials(runId, platformId, Object.fromEntries(partials));
  }

  async decide(datasetId: string, runId: string): Promise<number> {
    const found = await this.tenants.asOwnerOf('dataset', datasetId, () => this.decideAsOwner(datasetId, runId));
    // Alerts are the regulator's: a job of their own turns a submission's findings into alerts.
    await this.jobs.enqueue('sync-alerts', { datasetId, runId }, { jobId: `sync-alerts-${runId}` });
    return found;
  }

  private async decideAsOwner(datasetId: string, runId: string): Promise<number> {
    const run = await this.loadRun(runId);
    const rules = rulePack(run.rule_pack);
    const partials = (await this.store.loadPartials(runId)) as Map<DetectorName, unknown[]>;
    // The CLI's very step (run-detectors.ts), over every platform's partials.
    const findings = decideAll(selectDetectors(DETECTORS, run.detectors as DetectorName[]), partials, rules);
    await this.store.replaceFindings(datasetId, run.rule_pack, runId, findings);
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId }, { status: 'done', findings_count: findings.length, finished_at: new Date() });
    await this.store.deletePartials(runId);
    this.logger.log(`run ${runId} of dataset ${datasetId}: ${findings.length} findings`);
    return findings.length;
  }

  async fail(runId: string, error: Error): Promise<void> {
    await this.tenants.asOwnerOf('run', runId, () => this.failAsOwner(runId, error));
  }

  private async failAsOwner(runId: string, error: Error): Promise<void> {
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId }, { status: 'failed', error: error.message, finished_at: new Date() });
  }
}
