import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { waitFor } from '../../support/test-config';

const EXAMPLE = join(process.cwd(), 'libs', 'contract', 'test-fixtures', 'example');

/** The spec's example dataset rewritten for one platform, so each suite can own its platforms. */
export async function exampleFiles(platformId: string): Promise<{ name: string; content: Buffer }[]> {
  const names = (await readdir(EXAMPLE)).filter((n) => n.endsWith('.ndjson'));
  return Promise.all(
    names.map(async (name) => ({ name, content: Buffer.from((await readFile(join(EXAMPLE, name), 'utf8')).replace(/"platform_id": *"p1"/g, `"platform_id": "${platformId}"`)) })),
  );
}

/** Creates a dataset as `token`, uploads the example for `platformId`, waits for its first detection run. */
export async function ingestExample(url: string, token: string, platformId: string, body: Record<string, unknown>): Promise<string> {
  const auth = { authorization: `Bearer ${token}` };
  const created = await request(url).post('/v1/datasets').set(auth).send({ name: 'example', ...body });
  if (created.status !== 201) throw new Error(`creating a dataset: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  let upload = request(url).post(`/v1/datasets/${id}/files`).set(auth);
  for (const f of await exampleFiles(platformId)) upload = upload.attach('files', f.content, f.name);
  const uploaded = await upload;
  if (uploaded.status !== 202) throw new Error(`uploading: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  await waitFor(`findings of dataset ${id}`, async () => {
    const res = await request(url).get(`/v1/datasets/${id}/findings`).set(auth);
    return res.status === 200 && res.body.run?.status === 'done' ? true : null;
  }, 90000);
  return id;
}
