import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { runCli } from './cli';

/**
 * Platforms of the generated marketplace and what is planted in them: p1 carries fake-promotion
 * and below-cost cases (several record kinds), ppd-1 price discrimination (quotes only; its
 * findings have an effect with a confidence interval, which the alert page charts).
 */
export type GeneratedPlatform = 'p1' | 'ppd-1';

/**
 * One generated marketplace (seed 3, scale 0.05) shared by the console suites and kept between
 * runs: generating takes seconds of CPU that two cores should spend once. It is made again when
 * the build changes (the generator may have), so one copy only ever sits in var/.
 */
async function generatedMarketplace(): Promise<string> {
  const dir = join(process.cwd(), 'var', 'test-generated', 'seed-3-scale-0.05');
  const build = await readFile(join(process.cwd(), 'dist', '.build-stamp'), 'utf8').catch(() => 'unbuilt');
  if ((await readFile(join(dir, '.complete'), 'utf8').catch(() => null)) === build) return dir;
  await rm(dir, { recursive: true, force: true });
  const made = await runCli(['generate', '--out', dir, '--seed', '3', '--scale', '0.05']);
  if (made.code !== 0) throw new Error(`fairmarket generate failed: ${made.stderr}`);
  await writeFile(join(dir, '.complete'), build);
  return dir;
}

/**
 * The generated marketplace cut down to one platform's lines, rewritten to `platformId`: what that
 * platform's compliance officer would upload (a platform's dataset refuses other platforms' lines).
 * Record kinds the platform has no line of are left out. Streamed line by line, never read whole.
 */
export async function onePlatformFiles(source: GeneratedPlatform, platformId: string): Promise<string[]> {
  const generated = await generatedMarketplace();
  const out = await mkdtemp(join(tmpdir(), `fm-console-${source}-`));
  const from = `"platform_id":${JSON.stringify(source)}`;
  const to = `"platform_id":${JSON.stringify(platformId)}`;
  const files: string[] = [];
  for (const name of (await readdir(generated)).filter((n) => n.endsWith('.ndjson')).sort()) {
    const target = join(out, name);
    const writer = createWriteStream(target);
    for await (const line of createInterface({ input: createReadStream(join(generated, name)), crlfDelay: Infinity })) {
      if (!line.includes(from)) continue;
      if (!writer.write(`${line.replace(from, to)}\n`)) await once(writer, 'drain');
    }
    writer.end();
    await once(writer, 'finish');
    if ((await stat(target)).size > 0) files.push(target);
    else await rm(target);
  }
  return files;
}
