/// <reference lib="dom" />
// Functions passed to page.evaluate/waitForFunction run in the browser, hence the DOM types.
import type { BrowserSession } from '../support/browser-session';
import { ConsoleFixture, LANDING, PASSWORD } from '../support/console-fixture';

/** Sign-in, the role's landing page, the zh/en switch and a keyboard-only sign-in, in Chromium. */
describe('console: sign-in and language', () => {
  const fx = new ConsoleFixture('sign-in');
  const sessions: BrowserSession[] = [];
  const open = async (locale?: string) => {
    const s = await fx.browser.session({ locale });
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    await fx.start();
  });
  afterEach(async () => {
    const done = sessions.splice(0);
    for (const s of done) await s.close();
    for (const s of done) s.assertClean();
  });
  afterAll(() => fx.stop());

  it('sends a visitor to sign-in, shows the API error for a wrong password, then lands on the page asked for', async () => {
    const s = await open();
    await s.goto('/console/alerts?status=new');
    await s.page.waitForURL(/\/console\/sign-in\?next=/);
    expect(decodeURIComponent(new URL(s.page.url()).searchParams.get('next') ?? '')).toBe('/console/alerts?status=new');
    await s.shot('signed-out-redirect');

    s.expectHttpError(401, /^\/v1\/auth\/login$/);
    await s.byTestId('signin-email').fill(fx.accounts.regulator.email);
    await s.byTestId('signin-password').fill('not-the-password');
    await s.byTestId('signin-submit').click();
    const error = s.page.getByRole('alert').and(s.byTestId('error'));
    await error.waitFor();
    expect((await error.innerText()).trim().length).toBeGreaterThan(0);
    expect(s.page.url()).toMatch(/\/console\/sign-in/);
    await s.shot('wrong-password');

    await s.byTestId('signin-password').fill(PASSWORD);
    await s.byTestId('signin-submit').click();
    await s.page.waitForURL(/\/console\/alerts\?status=new$/);
    await s.byTestId('alert-table').waitFor();
    expect(await s.byTestId('user-name').innerText()).toContain('regulator');
    expect(await s.byTestId('nav-alerts').isVisible()).toBe(true);
    expect(await s.byTestId('nav-self-audit').count()).toBe(0);
    expect(await s.page.evaluate(() => sessionStorage.getItem('fm.token'))).toBeTruthy();
    await s.shot('regulator-signed-in');

    await s.byTestId('sign-out').click();
    await s.page.waitForURL(/\/console\/sign-in/);
    expect(await s.page.evaluate(() => sessionStorage.getItem('fm.token'))).toBeNull();
    await s.goto('/console/cases');
    await s.page.waitForURL(/\/console\/sign-in\?next=/);
  });

  it('lands each role on its own home with only its own navigation', async () => {
    const platform = await open();
    await platform.signIn(fx.accounts.platformA.email, PASSWORD, LANDING.platform);
    await platform.byTestId('nav-self-audit').waitFor();
    expect(await platform.byTestId('nav-cases').count()).toBe(0);
    expect(await platform.byTestId('nav-complaint-new').count()).toBe(0);
    await platform.shot('platform-home');

    const consumer = await open();
    await consumer.signIn(fx.accounts.consumer.email, PASSWORD, LANDING.consumer);
    await consumer.byTestId('nav-complaint-new').waitFor();
    expect(await consumer.byTestId('nav-alerts').count()).toBe(0);
    expect(await consumer.byTestId('nav-cases').count()).toBe(0);
    await consumer.shot('consumer-home');
  });

  it('switches between Chinese and English: visible text, <html lang> and the saved choice', async () => {
    const s = await open('zh-CN');
    await s.signIn(fx.accounts.regulator.email, PASSWORD, LANDING.regulator);
    await s.byTestId('alert-table').waitFor();
    const html = () => s.page.evaluate(() => document.documentElement.lang);
    expect(await html()).toBe('zh-CN');
    const zhNav = await s.byTestId('nav-alerts').innerText();
    expect(zhNav).toMatch(/[\u4e00-\u9fff]/);
    expect(await s.byTestId('lang-switch').innerText()).toContain('English');
    await s.shot('zh');

    await s.byTestId('lang-switch').click();
    await s.page.waitForFunction(() => document.documentElement.lang === 'en');
    const enNav = await s.byTestId('nav-alerts').innerText();
    expect(enNav).not.toBe(zhNav);
    expect(enNav).toMatch(/alert/i);
    expect(await s.byTestId('lang-switch').innerText()).toContain('中文');
    expect(await s.page.evaluate(() => localStorage.getItem('fm.lang'))).toBe('en');
    await s.shot('en');

    await s.page.reload();
    await s.byTestId('alert-table').waitFor();
    expect(await html()).toBe('en');
    expect(await s.byTestId('nav-alerts').innerText()).toBe(enNav);
  });

  it('signs in with the keyboard alone: skip link first, then Tab to the fields and Enter', async () => {
    const s = await open('en-US');
    await s.goto('/console/sign-in');
    await s.byTestId('signin-form').waitFor();
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    const focused = () => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
    await s.page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-link');
    for (let i = 0; i < 10 && (await focused()) !== 'signin-email'; i++) await s.page.keyboard.press('Tab');
    expect(await focused()).toBe('signin-email');
    await s.page.keyboard.type(fx.accounts.regulator.email);
    await s.page.keyboard.press('Tab');
    expect(await focused()).toBe('signin-password');
    await s.page.keyboard.type(PASSWORD);
    await s.shot('keyboard-sign-in');
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(LANDING.regulator);
    await s.byTestId('alert-table').waitFor();
    await s.shot('keyboard-signed-in');
  });
});
