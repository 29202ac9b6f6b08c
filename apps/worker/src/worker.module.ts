import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type Environment } from '@fairmarket/config';
import { DatabaseModule } from '@fairmarket/persistence';
import { JobsModule } from '@fairmarket/jobs';
import { IngestionModule } from '@fairmarket/ingestion';
import { DetectionModule } from '@fairmarket/detection';
import { JobWorkerService } from './job-worker.service';
import { DetectDatasetJob } from './jobs/detect-dataset.job';
import { DetectPlatformJob } from './jobs/detect-platform.job';
import { IngestFileJob } from './jobs/ingest-file.job';

@Module({})
export class WorkerModule {
  static forRoot(config: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, JobsModule, IngestionModule, DetectionModule, DiscoveryModule],
      providers: [JobWorkerService, IngestFileJob, DetectPlatformJob, DetectDatasetJob],
    };
  }
}
