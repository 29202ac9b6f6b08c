export * from './job-names';
export * from './job-handler.decorator';
export * from './redis-connection';
export * from './redis.token';
export * from './job-queue.service';
export * from './jobs.module';
