import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ConfigModule, type Environment } from '@fairmarket/config';
import { DatabaseModule } from '@fairmarket/persistence';
import { JobsModule } from '@fairmarket/jobs';
import { IngestionModule } from '@fairmarket/ingestion';
import { DetectionModule } from '@fairmarket/detection';
import { TenancyModule } from '@fairmarket/tenancy';
import { AuditModule } from '@fairmarket/audit';
import { IdentityModule } from '@fairmarket/identity';
import { WorkflowModule } from '@fairmarket/workflow';
import { ApiErrorFilter } from './common/api-error.filter';
import { DatasetsController } from './datasets/datasets.controller';
import { DetectionsController } from './datasets/detections.controller';
import { DatasetSubmissionService } from './datasets/dataset-submission.service';
import { MultipartUploadService } from './datasets/multipart-upload.service';
import { HealthController } from './health/health.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthMiddleware } from './auth/auth.middleware';
import { AdminController } from './users/admin.controller';
import { ColleaguesController } from './users/colleagues.controller';
import { AuditController } from './audit/audit.controller';
import { AlertsController } from './alerts/alerts.controller';
import { CasesController } from './cases/cases.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintAttachmentsService } from './complaints/complaint-attachments.service';
import { DossiersModule } from './dossiers/dossiers.module';

const LOGIN_PATH = '/v1/auth/login';

@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: Environment): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TenancyModule,
        AuditModule,
        JobsModule,
        IngestionModule,
        DetectionModule,
        IdentityModule,
        WorkflowModule,
        TerminusModule,
        DossiersModule,
        // Per client address: every route, and login alone much tighter (password guessing).
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
            { name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_MINUTE, skipIf: (ctx) => ctx.switchToHttp().getRequest().path !== LOGIN_PATH },
          ],
        }),
      ],
      controllers: [DatasetsController, DetectionsController, HealthController, AuthController, AdminController, ColleaguesController, AuditController, AlertsController, CasesController, ComplaintsController],
      providers: [
        MultipartUploadService,
        DatasetSubmissionService,
        ComplaintAttachmentsService,
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('*path');
  }
}
