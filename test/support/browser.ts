import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ARTIFACTS_DIR, BrowserSession, type SessionOptions } from './browser-session';

/** Debian's Chromium, installed by scripts/install.sh; CHROMIUM_PATH overrides it on other machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags issue 7 asks for. --no-sandbox because CI runs as root in a container; the rest keep
 * the browser from reaching the network on its own (updates, sync, QUIC probes), so a test only
 * sees the requests the console makes. The fresh --user-data-dir is playwright-core's own: every
 * launch gets a new temporary profile (it refuses the flag in `args`) and deletes it on close.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** One headless Chromium per test file; each signed-in user gets its own context (cookies, storage). */
export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    private readonly suite: string,
  ) {}

  /** `suite` names the screenshot folder: artifacts/console/<suite>/. */
  static async launch(baseUrl: string, suite: string): Promise<ConsoleBrowser> {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run scripts/install.sh (apt-get install chromium) or set CHROMIUM_PATH`);
    // This run's screenshots only: a stale PNG from an earlier run would pass for this one's.
    rmSync(join(ARTIFACTS_DIR, suite), { recursive: true, force: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
    return new ConsoleBrowser(browser, baseUrl, suite);
  }

  get version(): string {
    return this.browser.version();
  }

  async session(options: SessionOptions = {}): Promise<BrowserSession> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: options.locale ?? 'zh-CN',
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    return BrowserSession.open(context, this.baseUrl, this.suite, options);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
