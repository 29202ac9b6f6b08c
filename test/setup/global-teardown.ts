import { Client } from 'pg';
import IORedis from 'ioredis';

/** Drops the run's database and Redis keys unless KEEP_TEST_DATA is set (to inspect a failure). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.FM_TEST_RUN;
  if (!run || process.env.KEEP_TEST_DATA) return;
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `fmtest-${run}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new Client({ connectionString: `${base}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "fm_test_${run}" WITH (FORCE)`);
  await client.end();
}
