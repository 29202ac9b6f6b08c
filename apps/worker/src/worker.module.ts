import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type Environment } from '@fairmarket/config';
import { DatabaseModule } from '@fairmarket/persistence';
import { JobsModule } from '@fairmarket/jobs';
import { IngestionModule } from '@fairmarket/ingestion';
import { DetectionModule } from '@fairmarket/detection';
import { TenancyModule } from '@fairmarket/tenancy';
import { AuditModule } from '@fairmarket/audit';
import { WorkflowModule } from '@fairmarket/workflow';
import { JobWorkerService } from './job-worker.service';
import { DetectDatasetJob } from './jobs/detect-dataset.job';
import { DetectPlatformJob } from './jobs/detect-platform.job';
import { IngestFileJob } from './jobs/ingest-file.job';
import { SyncAlertsJob } from './jobs/sync-alerts.job';
import { ComplaintDetectionJob } from './jobs/complaint-detection.job';
import { BuildDossierJob } from './jobs/build-dossier.job';

@Module({})
export class WorkerModule {
  static forRoot(config: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, TenancyModule, AuditModule, JobsModule, IngestionModule, DetectionModule, WorkflowModule, DiscoveryModule],
      providers: [JobWorkerService, IngestFileJob, DetectPlatformJob, DetectDatasetJob, SyncAlertsJob, ComplaintDetectionJob, BuildDossierJob],
    };
  }
}
