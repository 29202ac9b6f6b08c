import type { Job } from 'bullmq';

/** True when a failure of this attempt is the job's last: no retry will follow. */
export function isFinalAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
