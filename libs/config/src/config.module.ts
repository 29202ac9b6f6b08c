import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Environment } from './environment';
import { APP_CONFIG } from './tokens';

/** Provides the validated configuration to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Environment): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
