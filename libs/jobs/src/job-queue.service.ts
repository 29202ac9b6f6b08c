import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { JOB_QUEUE, QUEUES, type JobName, type JobPayloads, type QueueName } from './job-names';
import { REDIS } from './redis.token';

/** Puts typed jobs on their queues. Finished jobs are trimmed so Redis does not grow forever. */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  readonly flows: FlowProducer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Environment,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    for (const name of QUEUES) {
      this.queues.set(
        name,
        new Queue(name, {
          connection: redis,
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions: this.defaultJobOptions(),
        }),
      );
    }
    this.flows = new FlowProducer({ connection: redis, prefix: config.QUEUE_PREFIX });
  }

  defaultJobOptions(): JobsOptions {
    return {
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { count: this.config.KEEP_COMPLETED_JOBS },
      removeOnFail: { count: this.config.KEEP_FAILED_JOBS },
    };
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string | undefined> {
    const job = await this.queue(JOB_QUEUE[name]).add(name, payload, options);
    return job.id;
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.flows.close();
  }
}
