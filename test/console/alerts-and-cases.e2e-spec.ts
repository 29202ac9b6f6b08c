/// <reference lib="dom" />
// Functions passed to page.evaluate/waitForFunction run in the browser, hence the DOM types.
import { readFile } from 'node:fs/promises';
import type { BrowserSession } from '../support/browser-session';
import { ConsoleFixture, LANDING, PASSWORD } from '../support/console-fixture';

const SEVERITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };

/** A regulator in Chromium: the alert queue, bulk triage, one alert's detail, then a case and its dossier. */
describe('console: triage, alert detail, case and dossier', () => {
  const fx = new ConsoleFixture('alerts-and-cases');
  let s: BrowserSession;
  const rows = () => s.byTestId('alert-row');
  const rowIds = async () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-alert-id')));
  /** The alert ids the API lists for a query, in its order. */
  const apiIds = async (query: Record<string, string>): Promise<string[]> =>
    (await fx.regulatorApi().get('/v1/alerts').query({ ...query, per_page: 50 }).expect(200)).body.items.map((a: { id: string }) => a.id);
  /** Waits until the table shows exactly these rows in this order (a stale list fails it). */
  const showsRows = (ids: string[]) =>
    s.page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('[data-testid="alert-row"]')].map((r) => r.getAttribute('data-alert-id'))) === want, JSON.stringify(ids));

  beforeAll(async () => {
    await fx.start({ withAlerts: true });
    s = await fx.browser.session({ locale: 'zh-CN' });
    await s.signIn(fx.accounts.regulator.email, PASSWORD, LANDING.regulator);
  });
  afterEach(() => s.assertClean());
  afterAll(async () => {
    await s?.close();
    await fx.stop();
  });

  it('filters the queue through the URL, sorts it, and the back button restores the filter', async () => {
    await s.byTestId('filter-platform').fill(fx.accounts.platforms.a);
    await s.byTestId('filter-platform').press('Enter');
    await s.page.waitForURL((u) => u.searchParams.get('platform_id') === fx.accounts.platforms.a);
    await showsRows(await apiIds({ platform_id: fx.accounts.platforms.a }));
    expect((await rowIds()).sort()).toEqual(fx.alerts.map((a) => a.id).sort());
    expect(await s.byTestId('alert-total').innerText()).toContain(String(fx.alerts.length));
    await s.shot('queue-platform-a');

    // The severity that narrows the list most while keeping at least one alert.
    const counts = new Map<string, number>();
    for (const a of fx.alerts) counts.set(a.severity, (counts.get(a.severity) ?? 0) + 1);
    const [severity, expected] = [...counts].sort((x, y) => x[1] - y[1])[0];
    await s.byTestId('filter-severity').selectOption(severity);
    await s.page.waitForURL((u) => u.searchParams.get('severity') === severity && u.searchParams.get('platform_id') === fx.accounts.platforms.a);
    await showsRows(await apiIds({ platform_id: fx.accounts.platforms.a, severity }));
    expect(await rows().count()).toBe(expected);
    const badges = await s.byTestId('severity-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    expect(badges).toEqual(Array(expected).fill(severity));
    await s.shot(`queue-severity-${severity}`);

    await s.page.goBack();
    await s.page.waitForURL((u) => !u.searchParams.has('severity') && u.searchParams.get('platform_id') === fx.accounts.platforms.a);
    await showsRows(await apiIds({ platform_id: fx.accounts.platforms.a }));

    await s.byTestId('sort-severity').click();
    await s.page.waitForURL((u) => u.searchParams.get('sort') === 'severity');
    // A first click sorts descending (most severe first); the default order is left out of the URL.
    const order = new URL(s.page.url()).searchParams.get('order') ?? 'desc';
    expect(order).toBe('desc');
    const th = s.page.locator('th', { has: s.byTestId('sort-severity') });
    await s.page.waitForFunction(() => document.querySelector('th:has([data-testid="sort-severity"])')?.getAttribute('aria-sort') === 'descending');
    expect(await s.page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').count()).toBe(1);
    expect(await th.getAttribute('aria-sort')).toBe('descending');
    // The rows in exactly the API's order for the same query (this also waits out the old list)...
    await showsRows(await apiIds({ platform_id: fx.accounts.platforms.a, sort: 'severity', order: 'desc' }));
    await s.shot(`queue-sorted-severity-${order}`);
    // ...and that order puts the most severe first.
    const ranks = (await s.byTestId('severity-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity') ?? ''))).map((x) => SEVERITY_RANK[x]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('triages two selected alerts in bulk, and the API agrees', async () => {
    await s.goto(`/console/alerts?platform_id=${fx.accounts.platforms.a}&status=new`);
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert-row"]').length === n, fx.alerts.length);
    const picked = (await rowIds()).slice(0, 2) as string[];
    for (const id of picked) await s.page.locator(`[data-testid="alert-row"][data-alert-id="${id}"] [data-testid="alert-select"]`).check();
    await s.byTestId('bulk-bar').waitFor();
    expect(await s.byTestId('bulk-count').innerText()).toContain('2');
    await s.byTestId('bulk-to').selectOption('triaged');
    await s.shot('bulk-selected');
    await s.byTestId('bulk-apply').click();
    await s.byTestId('bulk-result').waitFor();
    expect(await s.byTestId('bulk-result').innerText()).toMatch(/2/);
    // The list is reloaded with the status=new filter still on: the triaged two have left it.
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert-row"]').length === n, fx.alerts.length - 2);
    await s.shot('bulk-triaged');
    for (const id of picked) expect((await fx.regulatorApi().get(`/v1/alerts/${id}`).expect(200)).body.status).toBe('triaged');
    const untouched = fx.alerts.filter((a) => !picked.includes(a.id));
    for (const a of untouched) expect((await fx.regulatorApi().get(`/v1/alerts/${a.id}`).expect(200)).body.status).toBe('new');
  });

  it('triages one alert with the keyboard alone: Tab to its checkbox, Space, Enter on the bulk action', async () => {
    await s.goto(`/console/alerts?platform_id=${fx.accounts.platforms.a}&status=new`);
    const left = fx.alerts.length - 2;
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert-row"]').length === n, left);
    const focused = () => s.page.evaluate(() => ({ testid: document.activeElement?.getAttribute('data-testid') ?? null, row: document.activeElement?.closest('[data-testid="alert-row"]')?.getAttribute('data-alert-id') ?? null }));
    /** Presses Tab (or Shift+Tab) until the element with this test id has the focus; fails if it never does. */
    const tabTo = async (testid: string, key: 'Tab' | 'Shift+Tab') => {
      for (let i = 0; i < 80; i++) {
        if ((await focused()).testid === testid) return;
        await s.page.keyboard.press(key);
      }
      throw new Error(`${key} never reached ${testid}; the focus is on ${JSON.stringify(await focused())}`);
    };
    // From the top of the page, as a keyboard user starts: the skip link, then on through the filters.
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('alert-select', 'Tab');
    const picked = (await focused()).row as string;
    expect(picked).toBe((await rowIds())[0]);
    await s.page.keyboard.press('Space');
    await s.byTestId('bulk-bar').waitFor();
    expect(await s.page.locator(`[data-testid="alert-row"][data-alert-id="${picked}"] [data-testid="alert-select"]`).isChecked()).toBe(true);
    expect(await s.byTestId('bulk-count').innerText()).toContain('1');
    // The bar appears above the table; the focus stayed on the checkbox, so back up to the action.
    expect((await focused()).testid).toBe('alert-select');
    await tabTo('bulk-apply', 'Shift+Tab');
    expect(await s.byTestId('bulk-to').inputValue()).toBe('triaged');
    await s.shot('keyboard-bulk-focused');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="bulk-result"]')?.textContent === '1 条成功，0 条失败');
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert-row"]').length === n, left - 1);
    expect((await fx.regulatorApi().get(`/v1/alerts/${picked}`).expect(200)).body.status).toBe('triaged');
    expect(await rowIds()).not.toContain(picked);
    // The result is kept as counts, so it is read out in the language chosen afterwards (also by keyboard).
    await s.byTestId('lang-switch').focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="bulk-result"]')?.textContent === '1 done, 0 failed');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  let alertId: string;

  it('shows an alert: statistics, chart, legal basis in both languages, evidence', async () => {
    // Of the alerts with numbers to chart, the one citing the most evidence lines, so every part has content.
    const full = await Promise.all(fx.alerts.map(async (a) => (await fx.regulatorApi().get(`/v1/alerts/${a.id}`).expect(200)).body));
    const charted = full.filter((a) => Object.values(a.finding.metrics ?? {}).some((v) => typeof v === 'number'));
    expect(charted.length).toBeGreaterThan(0);
    const alert = charted.sort((a, b) => b.finding.evidence.length - a.finding.evidence.length)[0];
    alertId = alert.id;
    await s.goto(`/console/alerts?platform_id=${fx.accounts.platforms.a}`);
    await s.page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"] [data-testid="alert-link"]`).click();
    await s.page.waitForURL(new RegExp(`/console/alerts/${alertId}$`));
    await s.byTestId('alert-summary').waitFor();
    expect(await s.byTestId('alert-summary').innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await s.byTestId('alert-status').getAttribute('data-status')).toBe(alert.status);
    expect(await s.byTestId('stats').locator('dt').count()).toBeGreaterThan(0);
    const chart = s.byTestId('chart');
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('rect, line, circle, path').count()).toBeGreaterThan(0);
    expect(await s.byTestId('chart-table').locator('tr').count()).toBeGreaterThan(1);
    const citations = s.byTestId('legal-citation');
    expect(await citations.count()).toBeGreaterThan(0);
    const zhBasis = await s.byTestId('legal-basis').innerText();
    expect(zhBasis).toMatch(/[\u4e00-\u9fff]/);
    const evidenceRows = await s.byTestId('evidence-table').locator('tbody tr').count();
    expect(evidenceRows).toBeGreaterThan(0);
    expect(evidenceRows).toBeLessThanOrEqual(alert.finding.evidence.length);
    expect(await s.byTestId('evidence-total').innerText()).toContain(String(alert.finding.evidence.length));
    await s.shot('alert-detail-zh');

    await s.byTestId('lang-switch').click();
    await s.page.waitForFunction(() => document.documentElement.lang === 'en');
    const enBasis = await s.byTestId('legal-basis').innerText();
    expect(enBasis).not.toBe(zhBasis);
    expect(enBasis).toMatch(/[A-Za-z]{4,}/);
    expect(await s.byTestId('legal-citation').first().getAttribute('data-code')).toBeTruthy();
    await s.shot('alert-detail-en');
    await s.byTestId('lang-switch').click();
    await s.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('opens a case from the alert, adds a task, shows its clocks, and downloads a real dossier', async () => {
    await s.byTestId('open-case').click();
    await s.page.waitForURL((u) => u.pathname === '/console/cases/new' && u.searchParams.get('alert_ids') === alertId);
    expect(await s.byTestId('case-alert-ids').inputValue()).toContain(alertId);
    await s.byTestId('case-title').fill('排他性条款 / Exclusivity clause');
    // Both are picked by name from the regulators of my own office; the handler (me) is not offered as approver.
    expect(await s.byTestId('case-handler').inputValue()).toBe(fx.accounts.regulator.id);
    const approver = s.byTestId('case-approver');
    await approver.locator(`option[value="${fx.accounts.regulator2.id}"]`).waitFor({ state: 'attached' });
    const offered = await approver.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(offered).toEqual([['', expect.any(String)], [fx.accounts.regulator2.id, 'regulator2']]);
    await approver.selectOption(fx.accounts.regulator2.id);
    await s.shot('case-new');
    await s.byTestId('case-submit').click();
    await s.page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/);
    const caseId = s.page.url().split('/').pop() as string;
    await s.byTestId('case-ref').waitFor();
    expect(await s.byTestId('case-ref').innerText()).toMatch(/CASE-\d{4}-\d{6}/);
    expect(await s.byTestId('case-status').getAttribute('data-status')).toBe('lead');
    expect(await s.byTestId('linked-alert').count()).toBe(1);
    for (const clock of ['clock-lead', 'clock-decision']) {
      expect(await s.byTestId(clock).getAttribute('data-overdue')).toBe('false');
      expect(await s.byTestId(clock).innerText()).toMatch(/剩\s*\d+\s*天|\d+\s*d left/);
    }

    await s.byTestId('task-title').fill('约谈平台合规负责人 / Interview the compliance officer');
    await s.byTestId('task-add').click();
    await s.byTestId('task-item').first().waitFor();
    expect(await s.byTestId('task-item').first().getAttribute('data-done')).toBe('false');
    await s.page.locator('[data-testid="timeline-item"][data-kind="task_added"]').waitFor();
    await s.shot('case-with-task');
    const viaApi = (await fx.regulatorApi().get(`/v1/cases/${caseId}`).expect(200)).body;
    expect(viaApi).toMatchObject({ status: 'lead', approver_id: fx.accounts.regulator2.id });
    expect(viaApi.tasks.map((t: { title: string }) => t.title)).toEqual(['约谈平台合规负责人 / Interview the compliance officer']);
    expect(viaApi.links.map((l: { subject_id: string }) => l.subject_id)).toEqual([alertId]);

    await s.byTestId('dossier-generate').click();
    await s.page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('[data-testid="dossier-progress"]')?.getAttribute('data-state') ?? ''), undefined, { timeout: 60_000 });
    expect(await s.byTestId('dossier-progress').getAttribute('data-state')).toBe('done');
    await s.byTestId('dossier-download').waitFor();
    // Done is said once ("完成", not "完成 · 完成"), and the announcement follows a language switch.
    const dossierLabel = () => s.byTestId('dossier-progress').locator('label').innerText();
    expect((await dossierLabel()).trim()).toBe('完成');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="status-live"]')?.textContent === '案卷已生成，可下载。');
    await s.byTestId('lang-switch').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="status-live"]')?.textContent === 'Dossier ready to download.');
    expect((await dossierLabel()).trim()).toBe('Done');
    await s.byTestId('lang-switch').click();
    await s.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await s.shot('dossier-ready');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.byTestId('dossier-download').click()]);
    const bytes = await readFile(await download.path());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\x03\x04');
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    await download.saveAs(`artifacts/console/alerts-and-cases/${download.suggestedFilename()}`);
  });
});
