import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { appDatabaseUrl } from '../../tenancy/src/app-database-url';
import { dataSourceOptions } from './data-source-options';

/**
 * TypeORM's DataSource for the api and the worker, as the fairmarket_app role that row-level
 * security binds (migrations run separately as the owner, never synchronize).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: Environment) => dataSourceOptions(appDatabaseUrl(config)),
    }),
  ],
})
export class DatabaseModule {}
