import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { dataSourceOptions } from './data-source-options';

/** TypeORM's DataSource for the api and the worker (migrations run separately, never synchronize). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: Environment) => dataSourceOptions(config.DATABASE_URL),
    }),
  ],
})
export class DatabaseModule {}
