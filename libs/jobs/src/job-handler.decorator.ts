import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-names';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the one handler of a job name. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/** A job handler: thin, typed, delegating the work to a service. */
export interface JobHandlerOf<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
