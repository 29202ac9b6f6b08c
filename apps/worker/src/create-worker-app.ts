import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Environment } from '@fairmarket/config';
import { PinoLogger, createRootLogger } from '@fairmarket/logging';
import { WorkerModule } from './worker.module';

/** The worker: no HTTP, just the job handlers, started as an application context. */
export async function createWorkerApp(config: Environment): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoLogger(createRootLogger(config.LOG_LEVEL, 'fairmarket-worker')),
  });
  app.enableShutdownHooks();
  return app;
}
