import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSOLE_CSP, serveConsole } from './serve-console';

/** Real HTTP against a real Express app holding a built-console look-alike (no Nest needed). */
describe('serveConsole', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fm-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, '..', 'secret.txt'), 'outside');
    const app = express();
    app.use(serveConsole(dir));
    app.get('/v1/ping', (_req, res) => res.json({ ok: true }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(dir, '..', 'secret.txt'), { force: true });
  });

  it('sends / and /console to /console/', async () => {
    for (const p of ['/', '/console']) {
      const res = await fetch(base + p, { redirect: 'manual' });
      expect([res.status, res.headers.get('location')]).toEqual([302, '/console/']);
    }
  });

  it('answers in-app routes with the shell, uncached, under a strict CSP', async () => {
    for (const p of ['/console/', '/console/alerts', '/console/cases/1f0e6a1e-0000-4000-8000-000000000000?x=1']) {
      const res = await fetch(base + p);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>shell</title>');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
  });

  it('caches hashed assets for a year, and 404s a missing asset instead of serving the shell as script', async () => {
    const asset = await fetch(`${base}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/console/assets/gone-000.js`)).status).toBe(404);
  });

  it('never serves a file outside the console directory', async () => {
    for (const p of ['/console/..%2fsecret.txt', '/console/%2e%2e/secret.txt', '/console/assets/..%2f..%2fsecret.txt']) {
      const res = await fetch(base + p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
    }
  });

  it('leaves the API alone', async () => {
    const res = await fetch(`${base}/v1/ping`);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});
