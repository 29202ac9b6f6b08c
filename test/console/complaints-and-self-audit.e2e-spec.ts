/// <reference lib="dom" />
// Functions passed to page.evaluate/waitForFunction run in the browser, hence the DOM types.
import { statSync } from 'node:fs';
import type { BrowserSession } from '../support/browser-session';
import { onePlatformFiles } from '../support/console-dataset';
import { ConsoleFixture, LANDING, PASSWORD } from '../support/console-fixture';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]);

/** A consumer group's complaint reaching the regulator's inbox, and a platform's self-audit, in Chromium. */
describe('console: complaints and self-audit', () => {
  const fx = new ConsoleFixture('complaints-and-self-audit');
  const sessions: BrowserSession[] = [];
  const open = async (locale = 'zh-CN') => {
    const s = await fx.browser.session({ locale });
    sessions.push(s);
    return s;
  };
  let files: Promise<string[]>;

  beforeAll(async () => {
    await fx.start();
    // Generated while the complaint test runs; the self-audit test awaits it.
    files = onePlatformFiles('p1', fx.accounts.platforms.a);
    files.catch(() => undefined);
  });
  afterEach(async () => {
    const done = sessions.splice(0);
    for (const s of done) await s.close();
    for (const s of done) s.assertClean();
  });
  afterAll(() => fx.stop());

  let complaintId: string;

  it('lets a consumer group submit a complaint with a screenshot and follow its status', async () => {
    const s = await open();
    await s.signIn(fx.accounts.consumer.email, PASSWORD, LANDING.consumer);
    await s.byTestId('nav-complaint-new').click();
    await s.page.waitForURL(/\/console\/complaints\/new$/);
    await s.byTestId('complaint-platform').fill(fx.accounts.platforms.a);
    await s.byTestId('complaint-sku').fill('p1-s-42');
    await s.byTestId('complaint-category').selectOption('price_discrimination');
    await s.byTestId('observed-price').fill('129.00');
    await s.byTestId('observed-at').fill('2026-03-02T10:00');
    await s.byTestId('observed-note').fill('会员账号 / logged-in member account');
    await s.byTestId('complaint-narrative-input').fill('同一商品同一时间，老会员看到的价格比新账号高30元。The same product cost a member 30 yuan more.');
    await s.byTestId('complaint-files').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: PNG });
    await s.shot('complaint-form');
    await s.byTestId('complaint-submit').click();
    await s.page.waitForURL(/\/console\/complaints\/[0-9a-f-]{36}$/);
    complaintId = s.page.url().split('/').pop() as string;
    await s.byTestId('complaint-ref').waitFor();
    expect(await s.byTestId('complaint-ref').innerText()).toMatch(/CMP-/);
    expect(await s.byTestId('complaint-status').getAttribute('data-status')).toMatch(/^(received|detection_running|under_review|linked)$/);
    await s.byTestId('attachment-item').first().waitFor();
    expect(await s.byTestId('attachment-item').count()).toBe(1);
    expect(await s.byTestId('complaint-alerts').count()).toBe(0);
    await s.shot('complaint-status-page');

    const viaApi = (await fx.regulatorApi().get(`/v1/complaints/${complaintId}`).expect(200)).body;
    expect(viaApi).toMatchObject({ platform_id: fx.accounts.platforms.a, sku_id: 'p1-s-42', category: 'price_discrimination' });
    expect(viaApi.observed[0]).toMatchObject({ price_minor: 12900, currency: 'CNY' });
    expect(Date.parse(viaApi.observed[0].seen_at)).not.toBeNaN();

    await s.byTestId('nav-complaints').click();
    await s.page.locator(`[data-testid="complaint-row"][data-complaint-id="${complaintId}"]`).waitFor();
  });

  it('shows the complaint in the regulator inbox, and the status the regulator sets reaches the submitter', async () => {
    const s = await open();
    await s.signIn(fx.accounts.regulator.email, PASSWORD, LANDING.regulator);
    await s.byTestId('nav-complaints').click();
    const row = s.page.locator(`[data-testid="complaint-row"][data-complaint-id="${complaintId}"]`);
    await row.waitFor();
    await s.shot('regulator-inbox');
    await row.getByTestId('complaint-link').click();
    await s.page.waitForURL(new RegExp(`/console/complaints/${complaintId}$`));
    await s.byTestId('complaint-narrative').waitFor();
    expect(await s.byTestId('complaint-narrative').innerText()).toContain('老会员');
    expect(await s.byTestId('attachment-item').count()).toBe(1);
    expect(await s.byTestId('complaint-open-case').getAttribute('href')).toContain(`complaint_ids=${complaintId}`);
    await s.shot('regulator-complaint');

    const NOTE = '已受理，正在核查。Received; we are looking into it.';
    await s.byTestId('complaint-set-status').selectOption('under_review');
    await s.byTestId('complaint-note').fill(NOTE);
    await s.byTestId('complaint-status-submit').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="complaint-status"]')?.getAttribute('data-status') === 'under_review');
    expect((await fx.as(fx.accounts.consumer.token).get(`/v1/complaints/${complaintId}`).expect(200)).body).toMatchObject({ status: 'under_review', status_note: NOTE });

    // The submitter sees the new status and the note written for it, in English this time.
    const consumer = await open('en-US');
    await consumer.signIn(fx.accounts.consumer.email, PASSWORD, LANDING.consumer);
    await consumer.goto(`/console/complaints/${complaintId}`);
    await consumer.byTestId('complaint-status-note').waitFor();
    expect(await consumer.byTestId('complaint-status').getAttribute('data-status')).toBe('under_review');
    expect(await consumer.byTestId('complaint-status-note').innerText()).toBe(NOTE);
    await consumer.shot('consumer-sees-status-note');
  });

  it('lets a platform upload a generated self-audit dataset, watch it become ready, run detection and read the findings', async () => {
    const paths = await files;
    const s = await open();
    await s.signIn(fx.accounts.platformA.email, PASSWORD, LANDING.platform);
    await s.byTestId('dataset-name').fill('2026年3月自查 / March self-audit');
    await s.byTestId('dataset-create').click();
    await s.page.waitForURL(/\/console\/self-audit\/[0-9a-f-]{36}$/);
    const datasetId = s.page.url().split('/').pop() as string;
    const created = (await fx.as(fx.accounts.platformA.token).get(`/v1/datasets/${datasetId}`).expect(200)).body;
    expect(created).toMatchObject({ scope: 'self_audit', platform_id: fx.accounts.platforms.a });

    await s.byTestId('upload-files').setInputFiles(paths);
    await s.byTestId('upload-submit').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="upload-progress"]')?.getAttribute('data-percent') === '100', undefined, { timeout: 60_000 });
    await s.shot('upload-sent');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="dataset-status"]')?.getAttribute('data-status') === 'ready', undefined, { timeout: 90_000 });
    expect(await s.byTestId('file-progress').count()).toBe(paths.length);
    await s.byTestId('ingest-report').waitFor();
    await s.shot('dataset-ready');
    const ready = (await fx.as(fx.accounts.platformA.token).get(`/v1/datasets/${datasetId}`).expect(200)).body;
    expect(ready.status).toBe('ready');
    expect(paths.reduce((n, p) => n + statSync(p).size, 0)).toBeGreaterThan(100_000);

    await s.byTestId('detect-run').click();
    await s.page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('[data-testid="detect-status"]')?.getAttribute('data-state') ?? ''), undefined, { timeout: 90_000 });
    expect(await s.byTestId('detect-status').getAttribute('data-state')).toBe('done');
    await s.byTestId('finding-row').first().waitFor();
    const shown = await s.byTestId('finding-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')));
    const api = (await fx.as(fx.accounts.platformA.token).get(`/v1/datasets/${datasetId}/findings`).expect(200)).body;
    const ids = new Set(api.findings.map((f: { id: string }) => f.id));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(ids.has(id)).toBe(true);
    expect(await s.byTestId('findings-summary').innerText()).toMatch(/\d/);
    await s.shot('self-audit-findings');
  });
});
