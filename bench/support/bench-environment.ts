import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { ensureDatabase, migrate } from '../../libs/persistence/src/database-setup';

/**
 * What one benchmark run owns: a scratch database (migrated, dropped at the end), a Redis key
 * prefix, a temp directory for files and uploads, and the environment the api and workers get.
 * Base URLs come from BENCH_DATABASE_BASE_URL / REDIS_URL, defaulting to the local services.
 */
export class BenchEnvironment {
  readonly run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  readonly queuePrefix: string;
  readonly dir: string;
  /** The same key in the services and in the baseline, so both store identical rows. */
  readonly pseudonymKey = randomBytes(32).toString('hex');

  private constructor(readonly label: string) {
    const base = (process.env.BENCH_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
    this.databaseName = `fm_bench_${label}_${this.run}`;
    this.databaseUrl = `${base}/${this.databaseName}`;
    this.queuePrefix = `fmbench-${label}-${this.run}`;
    this.dir = mkdtempSync(join(tmpdir(), `fm-bench-${label}-`));
  }

  static create(label: string): BenchEnvironment {
    return new BenchEnvironment(label);
  }

  /** Creates the scratch database and runs every migration, as a deployment would. */
  async migrateDatabase(): Promise<void> {
    await ensureDatabase(this.databaseUrl);
    await migrate(this.databaseUrl);
  }

  /** The variables an api or worker of this run needs (validated by libs/config at its start). */
  serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      PSEUDONYM_KEY: this.pseudonymKey,
      UPLOAD_DIR: join(this.dir, 'uploads'),
      LOG_LEVEL: 'info',
      // The benchmark is one client polling often: the per-client rate limit is not what it measures.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...extra,
    };
  }

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Drops the database, the run's Redis keys and the temp directory (unless asked to keep them). */
  async cleanUp(keep: boolean): Promise<void> {
    if (keep) {
      process.stderr.write(`kept: database ${this.databaseName}, directory ${this.dir}, Redis prefix ${this.queuePrefix}\n`);
      return;
    }
    const admin = new Client({ connectionString: this.databaseUrl.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const redis = new IORedis(this.redisUrl, { maxRetriesPerRequest: 3 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.queuePrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
