import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { runCli } from './cli';

/**
 * A generated marketplace cut down to one platform's files, rewritten to `platformId`: what a
 * platform's compliance officer uploads for a self-audit (a platform's dataset refuses other
 * platforms' lines). The generator's platform p1 carries planted fake-promotion and below-cost
 * cases, so detection has something to find. Streamed line by line, never read whole.
 */
export async function generatedSelfAuditFiles(platformId: string, options: { seed?: number; scale?: number } = {}): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'fm-console-self-audit-'));
  const generated = join(root, 'generated');
  const made = await runCli(['generate', '--out', generated, '--seed', String(options.seed ?? 3), '--scale', String(options.scale ?? 0.05)]);
  if (made.code !== 0) throw new Error(`fairmarket generate failed: ${made.stderr}`);
  const out = join(root, platformId);
  await mkdir(out);
  const files: string[] = [];
  for (const name of (await readdir(generated)).filter((n) => n.endsWith('.ndjson')).sort()) {
    const target = join(out, name);
    const writer = createWriteStream(target);
    for await (const line of createInterface({ input: createReadStream(join(generated, name)), crlfDelay: Infinity })) {
      if (!line.includes('"platform_id":"p1"')) continue;
      if (!writer.write(`${line.replace('"platform_id":"p1"', `"platform_id":${JSON.stringify(platformId)}`)}\n`)) await once(writer, 'drain');
    }
    writer.end();
    await once(writer, 'finish');
    files.push(target);
  }
  return files;
}
