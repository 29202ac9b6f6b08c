import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DetectorName, Finding } from '@fairmarket/contract';
import { DETECTORS, selectDetectors, sortFindings } from '@fairmarket/detectors';
import { rulePack } from '@fairmarket/rules';
import { DetectionRunEntity } from '@fairmarket/persistence';
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
  ) {}

  private async loadRun(runId: string): Promise<DetectionRunEntity> {
    return this.dataSource.getRepository(DetectionRunEntity).findOneByOrFail({ id: runId });
  }

  async analyzePlatform(datasetId: string, runId: string, platformId: string): Promise<void> {
    const run = await this.loadRun(runId);
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId, status: 'queued' }, { status: 'running' });
    const rules = rulePack(run.rule_pack);
    const source = await this.store.openSource(datasetId, platformId);
    const partials: Record<string, unknown> = {};
    for (const detector of selectDetectors(DETECTORS, run.detectors as DetectorName[])) {
      if (!detector.inputs.some((k) => source.kinds().has(k))) continue;
      partials[detector.name] = await detector.analyze(source, rules);
    }
    await this.store.savePartials(runId, platformId, partials);
  }

  async decide(datasetId: string, runId: string): Promise<number> {
    const run = await this.loadRun(runId);
    const rules = rulePack(run.rule_pack);
    const partials = await this.store.loadPartials(runId);
    const findings: Finding[] = [];
    for (const detector of selectDetectors(DETECTORS, run.detectors as DetectorName[])) {
      const mine = partials.get(detector.name);
      if (!mine) continue;
      findings.push(...detector.decide(mine, { rules, priorFindings: findings }));
    }
    sortFindings(findings);
    await this.store.replaceFindings(datasetId, run.rule_pack, runId, findings);
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId }, { status: 'done', findings_count: findings.length, finished_at: new Date() });
    await this.store.deletePartials(runId);
    this.logger.log(`run ${runId} of dataset ${datasetId}: ${findings.length} findings`);
    return findings.length;
  }

  async fail(runId: string, error: Error): Promise<void> {
    await this.dataSource.getRepository(DetectionRunEntity).update({ id: runId }, { status: 'failed', error: error.message, finished_at: new Date() });
  }
}
