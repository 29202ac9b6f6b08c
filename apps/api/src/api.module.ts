import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, type Environment } from '@fairmarket/config';
import { DatabaseModule } from '@fairmarket/persistence';
import { JobsModule } from '@fairmarket/jobs';
import { IngestionModule } from '@fairmarket/ingestion';
import { DetectionModule } from '@fairmarket/detection';
import { ApiErrorFilter } from './common/api-error.filter';
import { DatasetsController } from './datasets/datasets.controller';
import { DetectionsController } from './datasets/detections.controller';
import { MultipartUploadService } from './datasets/multipart-upload.service';
import { HealthController } from './health/health.controller';

@Module({})
export class ApiModule {
  static forRoot(config: Environment): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, JobsModule, IngestionModule, DetectionModule, TerminusModule],
      controllers: [DatasetsController, DetectionsController, HealthController],
      providers: [MultipartUploadService, { provide: APP_FILTER, useClass: ApiErrorFilter }],
    };
  }
}
