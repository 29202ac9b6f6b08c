import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface SessionOptions {
  /** The browser's language (navigator.language); the console defaults to zh for zh-*. */
  locale?: string;
}

/** Where every screenshot goes; artifacts/ is git-ignored and kept by CI as test output. */
export const ARTIFACTS_DIR = join(process.cwd(), 'artifacts', 'console');
const shotsTaken = new Map<string, number>();

/**
 * One signed-in (or not yet) browser tab on the console. It records everything that would make a
 * user see a broken page — uncaught exceptions, console errors (CSP violations among them), failed
 * requests and server errors — so `assertClean()` fails a test on a JS error even when the
 * assertions on the page happened to pass.
 */
export class BrowserSession {
  readonly problems: string[] = [];
  /** Client errors (4xx) the test provokes on purpose, e.g. a wrong password. */
  private readonly expected: { status: number; path: RegExp }[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    private readonly suite: string,
  ) {}

  static async open(context: BrowserContext, baseUrl: string, suite: string, _options: SessionOptions): Promise<BrowserSession> {
    const page = await context.newPage();
    const session = new BrowserSession(context, page, baseUrl, suite);
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => session.problems.push(`uncaught exception: ${e.message}`));
    page.on('console', (m) => {
      // HTTP statuses are judged below from the responses themselves, with the test's expectations.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) session.problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      const failure = r.failure()?.errorText ?? '';
      // Aborted: a navigation or download superseded the request, which is not a fault.
      if (!failure.includes('ERR_ABORTED')) session.problems.push(`request failed: ${r.method()} ${r.url()} ${failure}`);
    });
    page.on('response', (r) => {
      const status = r.status();
      if (status < 400) return;
      const path = new URL(r.url()).pathname;
      if (status < 500 && session.expected.some((e) => e.status === status && e.path.test(path))) return;
      session.problems.push(`HTTP ${status}: ${r.request().method()} ${path}`);
    });
    return session;
  }

  /** Lets the page receive `status` from an API path matching `path` without failing the test. */
  expectHttpError(status: number, path: RegExp): void {
    this.expected.push({ status, path });
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).toString());
  }

  /** Signs in through the form, as a person would, and waits for the role's landing page. */
  async signIn(email: string, password: string, landing: RegExp): Promise<void> {
    await this.goto('/console/sign-in');
    await this.byTestId('signin-email').fill(email);
    await this.byTestId('signin-password').fill(password);
    await this.byTestId('signin-submit').click();
    await this.page.waitForURL(landing);
  }

  /** A full-page PNG under artifacts/console/<suite>/NN-<step>.png, numbered in the order taken. */
  async shot(step: string): Promise<string> {
    const n = (shotsTaken.get(this.suite) ?? 0) + 1;
    shotsTaken.set(this.suite, n);
    const dir = join(ARTIFACTS_DIR, this.suite);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${String(n).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  assertClean(): void {
    if (this.problems.length) throw new Error(`the console had errors:\n  ${this.problems.join('\n  ')}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
