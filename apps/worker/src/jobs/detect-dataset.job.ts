import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { DetectionRunnerService } from '@fairmarket/detection';
import { isFinalAttempt } from './final-attempt';

/** The end of a detection run, after every platform's child job: run-wide decisions and storage. */
@Injectable()
@JobHandler('detect-dataset')
export class DetectDatasetJob implements JobHandlerOf<'detect-dataset'> {
  constructor(private readonly runner: DetectionRunnerService) {}

  async handle(payload: JobPayloads['detect-dataset'], job: Job<JobPayloads['detect-dataset']>) {
    try {
      return { findings: await this.runner.decide(payload.datasetId, payload.runId) };
    } catch (error) {
      if (isFinalAttempt(job)) await this.runner.fail(payload.runId, error as Error);
      throw error;
    }
  }
}
