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

  it('reports rejections in file order, the first ones kept and all counted, for a file encoded on threads', async () => {
    // Over 8 MB, a file is encoded on threads: bad lines in several slices and batches.
    const worker = await startWorker({ INGEST_BATCH_LINES: '5000', MAX_REJECTIONS_KEPT: '3' });
    try {
      const id = await client.createDataset({ platform_id: 'p1' });
      const lines = quoteFile(40000).trimEnd().split('\n');
      const bad = [5, 2001, 17003, 39999];
      lines[bad[0] - 1] = '{"platform_id": "p1"';
      lines[bad[1] - 1] = lines[bad[1] - 1].replace('"price":9900', '"price":-1');
      lines[bad[2] - 1] = lines[bad[2] - 1].replace('"platform_id":"p1"', '"platform_id":"p2"');
      lines[bad[3] - 1] = lines[bad[3] - 1].replace('"price":9900', '"price":"x"');
      const content = lines.join('\n') + '\n';
      expect(Buffer.byteLength(content)).toBeGreaterThan(8 * 1024 * 1024);
      await client.upload(id, [{ name: 'price_quotes.ndjson', content }]).expect(202);
      await client.waitReady(id, 120000);
      const report = (await client.http.get(`/v1/datasets/${id}/report`).expect(200)).body;
      expect(report.files.price_quotes).toEqual({ lines: 40000, accepted: 39996, rejected: 4 });
      expect(report.rejections.map((r: { line: number; field?: string }) => [r.line, r.field])).toEqual([
        [5, undefined],
        [2001, 'price'],
        [17003, 'platform_id'],
      ]);
      expect(await storedCount(id)).toEqual({ total: 39996, distinct: 39996 });
    } finally {
      await worker.kill('SIGTERM');
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
