import request from 'supertest';
import { waitFor } from './test-config';

/** Small helpers over supertest for the dataset routes of a running api. */
export class ApiClient {
  /** `token`: a bearer token (see test/security/support/accounts.ts); every request carries it. */
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  get http() {
    return this.token ? request.agent(this.baseUrl).set('authorization', `Bearer ${this.token}`) : request(this.baseUrl);
  }

  async createDataset(body: Record<string, unknown> = {}): Promise<string> {
    const res = await this.http.post('/v1/datasets').send({ name: 'test', scope: 'submission', ...body }).expect(201);
    return res.body.id as string;
  }

  upload(datasetId: string, files: { name: string; content: Buffer | string }[]) {
    let req = this.http.post(`/v1/datasets/${datasetId}/files`);
    for (const f of files) req = req.attach('files', Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content), f.name);
    return req;
  }

  async waitReady(datasetId: string, timeoutMs = 90000): Promise<Record<string, any>> {
    return waitFor(
      `dataset ${datasetId} to be ready`,
      async () => {
        const res = await this.http.get(`/v1/datasets/${datasetId}`).expect(200);
        return res.body.status === 'ready' ? res.body : null;
      },
      timeoutMs,
    );
  }
}
