#!/usr/bin/env node
/**
 * Runs a compiled entry point, building first when any TypeScript source is newer than the
 * last build. `npm run fairmarket -- …`, `npm run api` and the benchmarks go through here,
 * so a fresh clone or an edited file never runs stale code.
 *   node scripts/run-built.js <entry relative to dist, e.g. apps/cli/src/main.js> [args…]
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'migrations', 'bench'];

function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    // .tsx/.css/.html/.mts: the console (apps/console), built by Vite into dist/console.
    else if (/\.(ts|tsx|mts|json|css|html)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function built() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
}

function build() {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  const steps = [
    [bin('tsc'), ['-p', 'tsconfig.build.json']],
    [bin('tsc-alias'), ['-p', 'tsconfig.build.json']],
    // The same two steps as `npm run build:console`: type-check the console, then bundle it.
    [bin('tsc'), ['-p', 'apps/console', '--noEmit']],
    [bin('vite'), ['build', '--config', 'apps/console/vite.config.mts', '--logLevel', 'warn']],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) {
      process.stderr.write(`build failed (${path.basename(cmd)} exited ${r.status}); fix the errors above\n`);
      process.exit(r.status || 1);
    }
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-built.js <entry> [args…]\n');
  process.exit(2);
}
const newest = Math.max(...SOURCES.map((d) => newestSource(path.join(root, d))), fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (newest > built()) build();
process.argv = [process.argv[0], path.join(root, 'dist', entry), ...args];
require(path.join(root, 'dist', entry));
