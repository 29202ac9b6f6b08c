import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { quoteFile, quoteLine } from '../support/quote-lines';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { regulatorToken } from '../security/support/accounts';

describe('ingestion through the API and the queue', () => {
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let client: ApiClient;
  let db: Client;

  beforeAll(async () => {
    const env = { MAX_UPLOAD_BYTES: String(256 * 1024), MAX_FILES_PER_UPLOAD: '3', INGEST_BATCH_LINES: '50' };
    const started = await startApi(env);
    api = started.process;
    worker = await startWorker(env);
    client = new ApiClient(started.url, await regulatorToken(started.url));
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
  });

  it('keeps every valid line and reports each bad one with file, line, field and reason', async () => {
    const lines = [
      quoteLine(1),
      '{"platform_id": "p1", "quote_id": "q-x"',
      quoteLine(2, { price: -5 }),
      '',
      quoteLine(3, { ts: '2026-03-01T10:00:00' }),
      quoteLine(4, { user_id: undefined }),
      quoteLine(5, { quote_id: 'bad id with spaces' }),
      quoteLine(6, { list_price: 99.5 }),
      quoteLine(7),
      quoteLine(8, { unknown_field: 'kept' }),
    ];
    const id = await client.createDataset({ platform_id: 'p1' });
    const up = await client.upload(id, [{ name: 'price_quotes.ndjson', content: lines.join('\n') + '\n' }]).expect(202);
    expect(up.body.files).toHaveLength(1);
    await client.waitReady(id);

    const report = (await client.http.get(`/v1/datasets/${id}/report`).expect(200)).body;
    expect(report.files.price_quotes).toEqual({ lines: 9, accepted: 3, rejected: 6 });
    expect(report.rejections.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [2, undefined],
      [3, 'price'],
      [5, 'ts'],
      [6, 'user_id'],
      [7, 'quote_id'],
      [8, 'list_price'],
    ]);
    for (const r of report.rejections) expect(r.file).toBe('price_quotes');
    expect(report.rejections[1].reason).toMatch(/^price: /);
    expect(report.rejections[0].reason).toMatch(/JSON/);

    const { rows } = await db.query('SELECT natural_id, doc FROM ev_price_quotes WHERE dataset_id = $1 ORDER BY natural_id', [id]);
    expect(rows.map((r) => r.natural_id)).toEqual(['q-1', 'q-7', 'q-8']);
    // Pseudonymised at ingestion: the raw user id is nowhere in the stored record.
    for (const r of rows) {
      expect(r.doc.user_id).toMatch(/^u_[0-9a-f]{32}$/);
      expect(JSON.stringify(r.doc)).not.toMatch(/"u-\d+"/);
    }
    expect(rows[2].doc.unknown_field).toBe('kept');
  });

  it('stores nothing twice when the same file is uploaded again', async () => {
    const id = await client.createDataset();
    const content = quoteFile(300);
    await client.upload(id, [{ name: 'price_quotes.ndjson', content }]).expect(202);
    await client.waitReady(id);
    await client.upload(id, [{ name: 'price_quotes.ndjson', content }]).expect(202);
    const ready = await client.waitReady(id);
    expect(ready.files.map((f: { stored: number; duplicates: number }) => [f.stored, f.duplicates])).toEqual([
      [300, 0],
      [0, 300],
    ]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM ev_price_quotes WHERE dataset_id = $1', [id]);
    expect(rows[0].n).toBe(300);
  });

  it('stores a line repeated within one file once, when its copies are in batches written at the same time', async () => {
    // Batches of 50 lines, two in flight: each quote's second copy is 60 lines after its first,
    // so the two copies are in neighbouring batches that stage, move and commit concurrently.
    const id = await client.createDataset();
    const lines = quoteFile(300).trimEnd().split('\n');
    const repeated: string[] = [];
    for (let start = 0; start < 300; start += 60) {
      const group = lines.slice(start, start + 60);
      repeated.push(...group, ...group);
    }
    await client.upload(id, [{ name: 'price_quotes.ndjson', content: repeated.join('\n') + '\n' }]).expect(202);
    const ready = await client.waitReady(id);
    expect(ready.files.map((f: { lines: number; stored: number; duplicates: number }) => [f.lines, f.stored, f.duplicates])).toEqual([[600, 300, 300]]);
    const { rows } = await db.query('SELECT count(*)::int AS n, count(DISTINCT natural_id)::int AS d FROM ev_price_quotes WHERE dataset_id = $1', [id]);
    expect(rows[0]).toEqual({ n: 300, d: 300 });
  });

  it('refuses a file over the size limit and too many files with 413, and unknown files with 415', async () => {
    const id = await client.createDataset();
    const big = quoteFile(1500);
    expect(big.length).toBeGreaterThan(256 * 1024);
    const tooBig = await client.upload(id, [{ name: 'price_quotes.ndjson', content: big }]).expect(413);
    expect(tooBig.body.error.code).toBe('file_too_large');
    expect(tooBig.body.error.message_zh).toBeTruthy();
    const many = ['merchants', 'skus', 'orders', 'costs'].map((k) => ({ name: `${k}.ndjson`, content: '' }));
    expect((await client.upload(id, many).expect(413)).body.error.code).toBe('too_many_files');
    expect((await client.upload(id, [{ name: 'passwords.txt', content: 'x' }]).expect(415)).body.error.code).toBe('unknown_file_type');
    await client.http.post(`/v1/datasets/${id}/files`).send({ files: [] }).expect(415);
    const files = (await client.http.get(`/v1/datasets/${id}`).expect(200)).body.files;
    expect(files).toEqual([]);
  });

  it('validates request bodies and names the field', async () => {
    const res = await client.http.post('/v1/datasets').send({ name: 'x', scope: 'public', admin: true }).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/scope/);
    expect(res.body.error.message).toMatch(/admin/);
    await client.http.get('/v1/datasets/not-a-uuid').expect(400);
    await client.http.get('/v1/datasets/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('answers health checks and serves the OpenAPI document', async () => {
    const health = await client.http.get('/health').expect(200);
    expect(health.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    const docs = await client.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toContain('/v1/datasets/{id}/files');
  });
});
