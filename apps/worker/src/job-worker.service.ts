import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import {
  JOB_HANDLER,
  JOB_NAMES,
  JOB_QUEUE,
  QUEUES,
  REDIS,
  createRedisConnection,
  evictionPolicyWarning,
  type JobHandlerOf,
  type JobName,
} from '@fairmarket/jobs';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';

/**
 * Runs BullMQ workers for every queue and hands each job to the one handler of its name.
 * At start-up it refuses to run when a job name has no handler or more than one, so a
 * missing or duplicated handler is found on deploy rather than when a job is lost.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, JobHandlerOf<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: Environment,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = collectHandlers(
      this.discovery.getProviders().map((w) => ({ instance: w.instance, metatype: w.metatype })),
      (target) => this.reflector.get<JobName | undefined>(JOB_HANDLER, target),
    );
    const warning = await evictionPolicyWarning(this.redis);
    if (warning) this.logger.warn(warning);
    for (const queue of QUEUES) {
      const worker = new Worker(queue, (job) => this.dispatch(job), {
        name: `${hostname()}:${process.pid}`,
        connection: createRedisConnection(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: this.config.WORKER_CONCURRENCY,
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.JOB_LOCK_MS,
        maxStalledCount: 3,
      });
      worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`worker error on queue ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`processing queues ${QUEUES.join(', ')} with handlers for ${[...this.handlers.keys()].join(', ')}`);
  }

  private dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${job.queueName}`);
    return handler.handle(job.data, job);
  }

  /** Graceful stop: stop taking jobs and let the running ones finish (a killed worker's jobs are retried). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.logger.log('worker stopped: no new jobs taken, running jobs finished');
  }
}

/** Every job name must have exactly one handler, on the queue the job is sent to. */
export function collectHandlers(
  providers: { instance: unknown; metatype: unknown }[],
  jobNameOf: (target: Function) => JobName | undefined,
): Map<JobName, JobHandlerOf<JobName>> {
  const found = new Map<JobName, JobHandlerOf<JobName>[]>();
  for (const { instance, metatype } of providers) {
    if (!instance || typeof metatype !== 'function') continue;
    const name = jobNameOf(metatype);
    if (!name) continue;
    if (!JOB_QUEUE[name]) throw new Error(`${metatype.name} handles unknown job "${name}"`);
    found.set(name, [...(found.get(name) ?? []), instance as JobHandlerOf<JobName>]);
  }
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    const handlers = found.get(name) ?? [];
    if (handlers.length === 0) problems.push(`job "${name}" has no handler`);
    if (handlers.length > 1) problems.push(`job "${name}" has ${handlers.length} handlers: ${handlers.map((h) => (h as object).constructor.name).join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`Job handlers are not one per job name: ${problems.join('; ')}`);
  return new Map([...found].map(([k, v]) => [k, v[0]]));
}
