import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { DetectionRunnerService } from '@fairmarket/detection';
import { isFinalAttempt } from './final-attempt';

/** One platform's share of a detection run: every detector's `analyze` over that platform's rows. */
@Injectable()
@JobHandler('detect-platform')
export class DetectPlatformJob implements JobHandlerOf<'detect-platform'> {
  constructor(private readonly runner: DetectionRunnerService) {}

  async handle(payload: JobPayloads['detect-platform'], job: Job<JobPayloads['detect-platform']>) {
    try {
      await this.runner.analyzePlatform(payload.datasetId, payload.runId, payload.platformId);
      return { platformId: payload.platformId };
    } catch (error) {
      if (isFinalAttempt(job)) await this.runner.fail(payload.runId, error as Error);
      throw error;
    }
  }
}
