import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection set up as BullMQ needs it: no per-command retry limit (a worker must
 * wait out a Redis restart instead of failing jobs) and the classic RESP2 replies.
 */
export function createRedisConnection(url: string, extra: RedisOptions = {}): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}

/**
 * BullMQ loses jobs if Redis evicts keys under memory pressure. Returns a warning to log
 * when the eviction policy is not `noeviction`, or null when it is fine.
 */
export async function evictionPolicyWarning(redis: Redis): Promise<string | null> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      return `Redis maxmemory-policy is "${policy}": BullMQ may lose jobs under memory pressure; set it to "noeviction"`;
    }
    return null;
  } catch {
    return 'could not read Redis maxmemory-policy (CONFIG GET refused); make sure it is "noeviction"';
  }
}
