import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DetectorName } from '@fairmarket/contract';
import { DETECTOR_NAMES } from '@fairmarket/contract';
import { rulePack } from '@fairmarket/rules';
import { JobQueueService } from '@fairmarket/jobs';
import { DatasetEntity, DetectionRunEntity } from '@fairmarket/persistence';
import { TenantScope } from '@fairmarket/tenancy';
import { DetectionStore } from './detection-store';

/**
 * Starts detection runs. A run is a BullMQ flow: one `detect-platform` child per platform
 * (they spread over every worker), and a `detect-dataset` parent that runs when all children
 * are done and makes the run-wide decisions.
 */
@Injectable()
export class DetectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly store: DetectionStore,
    private readonly tenants: TenantScope,
  ) {}

  /** From the api: as the caller (who must see the dataset). From a job: as the dataset's owner. */
  start(datasetId: string, options: { rulePack?: string; detectors?: DetectorName[]; reason?: string } = {}): Promise<DetectionRunEntity> {
    return this.tenants.asOwnerOf('dataset', datasetId, () => this.startVisible(datasetId, options));
  }

  private async startVisible(datasetId: string, options: { rulePack?: string; detectors?: DetectorName[]; reason?: string }): Promise<DetectionRunEntity> {
    const dataset = await this.dataSource.getRepository(DatasetEntity).findOneBy({ id: datasetId });
    if (!dataset) throw new NotFoundException({ code: 'dataset_not_found', message: `No dataset ${datasetId}`, message_zh: `数据集 ${datasetId} 不存在` });
    const pack = rulePack(options.rulePack ?? dataset.rule_pack).name;
    const detectors = (options.detectors ?? []).filter((d) => DETECTOR_NAMES.includes(d));
    const runs = this.dataSource.getRepository(DetectionRunEntity);
    const run = await runs.save(runs.create({ dataset_id: datasetId, rule_pack: pack, detectors }));
    const platforms = await this.store.platforms(datasetId);
    const opts = this.jobs.defaultJobOptions();
    await this.jobs.flows.add({
      name: 'detect-dataset',
      queueName: 'detect',
      data: { datasetId, runId: run.id },
      opts: { ...opts, jobId: `detect-${run.id}` },
      children: platforms.map((platformId) => ({
        name: 'detect-platform',
        queueName: 'detect',
        data: { datasetId, runId: run.id, platformId },
        opts: { ...opts, failParentOnFailure: true, jobId: `detect-${run.id}-${Buffer.from(platformId).toString('hex')}` },
      })),
    });
    return run;
  }

  async run(datasetId: string, runId: string): Promise<DetectionRunEntity> {
    const run = await this.dataSource.getRepository(DetectionRunEntity).findOneBy({ id: runId, dataset_id: datasetId });
    if (!run) throw new NotFoundException({ code: 'run_not_found', message: `No detection run ${runId} for dataset ${datasetId}`, message_zh: `检测任务 ${runId} 不存在` });
    return run;
  }
}
