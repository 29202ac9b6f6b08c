import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli } from '../support/cli';
import { startApi, startWorker, type ServiceProcess } from '../support/service-process';
import { regulatorToken } from '../security/support/accounts';
import { waitFor } from '../support/test-config';

/**
 * The offline self-audit and the server must agree by construction: same detector code, the
 * server splitting the run into one child job per platform across two workers.
 */
describe('CLI and server give identical findings', () => {
  let api: ServiceProcess;
  let url: string;
  let workers: ServiceProcess[];
  let dir: string;
  let token: string;

  beforeAll(async () => {
    const started = await startApi();
    api = started.process;
    url = started.url;
    token = await regulatorToken(url);
    workers = await Promise.all([startWorker(), startWorker()]);
    dir = join(await mkdtemp(join(tmpdir(), 'fm-parity-')), 'data');
    expect((await runCli(['generate', '--out', dir, '--seed', '3', '--scale', '0.15'])).code).toBe(0);
  });

  afterAll(async () => {
    await Promise.all((workers ?? []).map((w) => w.kill('SIGTERM')));
    await api?.kill('SIGTERM');
  });

  for (const pack of ['cn', 'eu']) {
    it(`under the ${pack} rule pack`, async () => {
      const out = join(dir, '..', `cli-${pack}.json`);
      expect((await runCli(['detect', '--input', dir, '--out', out, '--rules', pack])).code).toBe(0);
      const cli = JSON.parse(await readFile(out, 'utf8'));

      const submitted = await runCli(['submit', '--api', url, '--input', dir, '--rules', pack, '--name', `parity ${pack}`], { FAIRMARKET_TOKEN: token });
      expect(submitted.stderr).toMatch(/detection run .*: done/);
      expect(submitted.code).toBe(0);
      const datasetId = submitted.stdout.trim();
      const server = await waitFor('the findings', async () => {
        const res = await request(url).get(`/v1/datasets/${datasetId}/findings`).set('authorization', `Bearer ${token}`).query({ rule_pack: pack }).expect(200);
        return res.body.run?.status === 'done' ? res.body : null;
      });

      expect(server.dataset.files).toEqual(cli.dataset.files);
      expect(server.findings.length).toBeGreaterThan(5);
      expect(server.findings).toEqual(cli.findings);
    });
  }
});
