import { Global, Module } from '@nestjs/common';
import { TenantScope } from './tenant-scope.service';

/** Global so that ingestion and detection can run their work as the data's owner. */
@Global()
@Module({ providers: [TenantScope], exports: [TenantScope] })
export class TenancyModule {}
