import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { JobQueueService } from './job-queue.service';
import { createRedisConnection } from './redis-connection';
import { REDIS } from './redis.token';

/** The shared Redis connection and the typed job queues, for the api and the worker. */
@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: Environment) => createRedisConnection(config.REDIS_URL) },
    JobQueueService,
  ],
  exports: [REDIS, JobQueueService],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
