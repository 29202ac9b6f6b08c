import request from 'supertest';
import { newSigningKeyPem } from '@fairmarket/dossier';
import { createAccounts, PASSWORD, type Accounts } from '../security/support/accounts';
import { ingestExample } from '../security/support/example-dataset';
import { ARTIFACTS_DIR } from './browser-session';
import { ConsoleBrowser } from './browser';
import { onePlatformFiles } from './console-dataset';
import { startApi, startWorker, type ServiceProcess } from './service-process';
import { waitFor } from './test-config';

export { PASSWORD };

/** Where each role lands after signing in (apps/console/UI-CONTRACT.md). */
export const LANDING = {
  regulator: /\/console\/alerts(\?.*)?$/,
  platform: /\/console\/self-audit(\?.*)?$/,
  consumer: /\/console\/complaints(\?.*)?$/,
};

/**
 * What every console test file shares: one compiled api (which serves the console at /console/)
 * and one worker, one user per role, optionally two submissions of platform A with their alerts,
 * and one Chromium. Started once per file to keep the suite inside its time budget on two cores.
 */
export class ConsoleFixture {
  api!: ServiceProcess;
  worker!: ServiceProcess;
  url!: string;
  accounts!: Accounts & { platforms: { a: string; b: string } };
  browser!: ConsoleBrowser;
  /** Platform A's alerts from the example submission (empty unless `withAlerts`). */
  alerts: { id: string; severity: string; detector: string; status: string }[] = [];

  constructor(private readonly suite: string) {}

  async start(options: { withAlerts?: boolean } = {}): Promise<this> {
    const env = {
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      DOSSIER_SIGNING_KEY: newSigningKeyPem().replace(/\n/g, '\\n'),
      DOSSIER_DIR: `var/test-dossiers/${process.env.FM_TEST_RUN}`,
    };
    const started = await startApi(env);
    this.api = started.process;
    this.url = started.url;
    [this.worker, this.accounts, this.browser] = await Promise.all([startWorker(env), createAccounts(this.url), ConsoleBrowser.launch(this.url, this.suite)]);
    if (options.withAlerts) {
      // Clause findings (text, no numbers) from the spec's example, and price discrimination
      // (an effect with its interval, for the chart) from the generated marketplace.
      const datasets = await Promise.all([
        ingestExample(this.url, this.accounts.platformA.token, this.accounts.platforms.a, { scope: 'submission' }),
        onePlatformFiles('ppd-1', this.accounts.platforms.a).then((files) => this.submit(this.accounts.platformA.token, files)),
      ]);
      let expected = 0;
      for (const id of datasets) {
        const findings = (await this.regulatorApi().get(`/v1/datasets/${id}/findings`).expect(200)).body.findings as { severity: string }[];
        expected += findings.filter((f) => f.severity !== 'info').length;
      }
      this.alerts = await waitFor('one alert per finding of platform A', async () => {
        const res = await this.regulatorApi().get('/v1/alerts').query({ platform_id: this.accounts.platforms.a, per_page: 500 });
        return res.body.total === expected ? res.body.items : null;
      });
    }
    return this;
  }

  /** Uploads files from disk as a submission of `token`'s platform; resolves when detection has run. */
  async submit(token: string, files: string[]): Promise<string> {
    const created = await this.as(token).post('/v1/datasets').send({ name: 'generated submission', scope: 'submission' }).expect(201);
    const id = created.body.id as string;
    let upload = this.as(token).post(`/v1/datasets/${id}/files`);
    for (const file of files) upload = upload.attach('files', file);
    await upload.expect(202);
    await waitFor(`findings of dataset ${id}`, async () => {
      const res = await this.as(token).get(`/v1/datasets/${id}/findings`);
      return res.status === 200 && res.body.run?.status === 'done' ? true : null;
    }, 90_000);
    return id;
  }

  /** The API as the regulator, to check through the API what the console claims to have done. */
  regulatorApi() {
    return request.agent(this.url).set('authorization', `Bearer ${this.accounts.regulator.token}`);
  }

  as(token: string) {
    return request.agent(this.url).set('authorization', `Bearer ${token}`);
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.worker?.kill('SIGTERM');
    await this.api?.kill('SIGTERM');
    process.stdout.write(`console screenshots: ${ARTIFACTS_DIR}/${this.suite}/\n`);
  }
}
