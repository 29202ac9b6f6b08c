import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { spawnSync } from 'node:child_process';
import { ApiClient } from '../support/api-client';
import { quoteFile } from '../support/quote-lines';
import { waitFor, workerEnv } from '../support/test-config';
import { ServiceProcess, startApi, startWorker } from '../support/service-process';
import { regulatorToken } from '../security/support/accounts';

/** Worker processes as deployed: killed mid-file, and two at once on one dataset. */
describe('worker processes', () => {
  let api: ServiceProcess;
  let client: ApiClient;
  let db: Client;
  const fast = { JOB_LOCK_MS: '2000', INGEST_BATCH_LINES: '2000' };

  beforeAll(async () => {
    const started = await startApi();
    api = started.process;
    client = new ApiClient(started.url, await regulatorToken(started.url));
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await api?.kill('SIGTERM');
  });

  async function storedCount(datasetId: string): Promise<{ total: number; distinct: number }> {
    const { rows } = await db.query(
      'SELECT count(*)::int AS total, count(DISTINCT natural_id)::int AS distinct FROM ev_price_quotes WHERE dataset_id = $1',
      [datasetId],
    );
    return rows[0];
  }

  it('stores every line exactly once when a worker is killed with SIGKILL mid-file and another takes over', async () => {
    const N = 120000;
    const id = await client.createDataset();
    const first = await startWorker(fast);
    await client.upload(id, [{ name: 'price_quotes.ndjson', content: quoteFile(N) }]).expect(202);
    await waitFor('the first batches to be committed', async () => {
      const { rows } = await db.query('SELECT lines FROM dataset_files WHERE dataset_id = $1', [id]);
      return rows[0]?.lines > 0 ? true : null;
    });
    await first.kill('SIGKILL');
    const { rows: mid } = await db.query('SELECT lines, status FROM dataset_files WHERE dataset_id = $1', [id]);
    expect(mid[0].status).toBe('processing');
    expect(mid[0].lines).toBeLessThan(N);

    const second = await startWorker(fast);
    try {
      const ready = await client.waitReady(id, 120000);
      expect(ready.files[0]).toMatchObject({ lines: N, accepted: N, rejected: 0, status: 'done' });
      expect(await storedCount(id)).toEqual({ total: N, distinct: N });
    } finally {
      await second.kill('SIGTERM');
    }
  });

  it('lets two workers share one dataset through the queue, each line stored once', async () => {
    const workers = await Promise.all([startWorker({ INGEST_BATCH_LINES: '1000' }), startWorker({ INGEST_BATCH_LINES: '1000' })]);
    try {
      const id = await client.createDataset();
      const files = [0, 1, 2].map((i) => ({ name: 'price_quotes.ndjson', content: quoteFile(20000, i * 20000) }));
      const up = await client.upload(id, files).expect(202);
      await client.waitReady(id, 120000);
      expect(await storedCount(id)).toEqual({ total: 60000, distinct: 60000 });

      const redis = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
      const queue = new Queue('ingest', { connection: redis, prefix: process.env.QUEUE_PREFIX });
      const jobs = await Promise.all(up.body.files.map((f: { id: string }) => queue.getJob(`ingest-${f.id}`)));
      const processedBy = new Set(jobs.map((j) => j?.processedBy));
      await queue.close();
      await redis.quit();
      expect(processedBy.size).toBe(2);
    } finally {
      await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    }
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const worker = await startWorker();
    await worker.kill('SIGTERM');
    expect(worker.output).toMatch(/worker stopped: no new jobs taken, running jobs finished/);
  });

  it('refuses to start with bad configuration and names the variable', () => {
    const result = spawnSync(process.execPath, [ServiceProcess.entry('worker')], { env: workerEnv({ REDIS_URL: 'http://nope', PSEUDONYM_KEY: 'short' }), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
    expect(result.stderr).toMatch(/PSEUDONYM_KEY must be at least 32/);
  });
});
