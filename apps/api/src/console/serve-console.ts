import type { NextFunction, Request, Response } from 'express';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the regulator console (apps/console, built by Vite into dist/console) from the API
 * process itself. It is plain Express middleware mounted before Nest's router, so it is not a
 * Nest route: no guard, no OpenAPI entry. The files are public; every piece of data the
 * console shows comes from the API with the user's bearer token.
 */

// Strict: scripts and styles only from our own files (Vite emits no inline script), data
// only from our own API; images may be data:/blob: (the favicon, downloaded dossiers).
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** dist/console next to the compiled API (dist/apps/api/src/console → dist/console). */
export function defaultConsoleDir(): string {
  return path.resolve(__dirname, '..', '..', '..', '..', 'console');
}

export function serveConsole(dir: string = defaultConsoleDir()) {
  const root = path.resolve(dir);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = req.path;
    if (url === '/' || url === '/console') return res.redirect(302, '/console/');
    if (!url.startsWith('/console/')) return next();

    let relative: string;
    try {
      relative = decodeURIComponent(url.slice('/console/'.length));
    } catch {
      res.status(400).end();
      return;
    }
    const file = path.resolve(root, relative);
    // Never outside dist/console, whatever ../ or encoded separators the address holds.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.status(404).end();
      return;
    }
    const found = isFile(file) ? file : null;
    // A missing asset is a 404 (never index.html served as JavaScript); any other path is an
    // in-app route, answered with the app shell (the History-API router takes it from there).
    const looksLikeAsset = path.extname(relative) !== '';
    const target = found ?? (looksLikeAsset ? null : path.join(root, 'index.html'));
    if (!target || !isFile(target)) {
      res.status(404).type('text/plain').send(found === null && !looksLikeAsset ? 'The console is not built: run `npm run build`. 控制台尚未构建。' : 'Not found');
      return;
    }
    send(res, req.method === 'HEAD', target);
  };
}

function send(res: Response, headOnly: boolean, file: string): void {
  const hashedAsset = file.includes(`${path.sep}assets${path.sep}`);
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Vite puts a content hash in every asset name, so assets never change; the shell must
  // always be revalidated so a new build's asset names are picked up.
  res.setHeader('Cache-Control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('Content-Length', String(statSync(file).size));
  if (headOnly) {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
