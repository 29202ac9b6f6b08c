import { Client } from 'pg';
import { ensureDatabase, migrate } from '../../libs/persistence/src/database-setup';

/**
 * One migrated database and one Redis key prefix per test run, so runs (and developers) never
 * collide. Durability is traded for speed on this throw-away database only.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const databaseUrl = `${base}/fm_test_${run}`;
  await ensureDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`ALTER DATABASE "fm_test_${run}" SET synchronous_commit = off`);
  await client.end();
  await migrate(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.QUEUE_PREFIX = `fmtest-${run}`;
  process.env.PSEUDONYM_KEY = process.env.PSEUDONYM_KEY ?? 'test-pseudonym-key-0123456789abcdef';
  process.env.FM_TEST_RUN = run;
}
