import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { DatasetFile } from '@fairmarket/contract';

export interface BareReadResult {
  lines: number;
  bytes: number;
  seconds: number;
  /** Items over all impression lines (each request's ranked list), 0 for other kinds. */
  items: number;
}

/**
 * The floor under any detector run: stream a file, cut it into lines and JSON.parse each, with
 * nothing else (no validation, no pseudonymization, no detector). Reads in the same 256 KiB
 * chunks as libs/contract, so the ratio against the CLI measures what the CLI adds.
 */
export async function bareRead(file: DatasetFile): Promise<BareReadResult> {
  const start = process.hrtime.bigint();
  const disk = createReadStream(file.path, { highWaterMark: 256 * 1024 });
  const stream = file.gzip ? disk.pipe(createGunzip({ chunkSize: 256 * 1024 })) : disk;
  stream.setEncoding('utf8');
  let pending = '';
  let lines = 0;
  let items = 0;
  const take = (line: string) => {
    if (line.length === 0) return;
    const value = JSON.parse(line) as { items?: unknown[] };
    lines++;
    if (Array.isArray(value.items)) items += value.items.length;
  };
  for await (const chunk of stream) {
    const text = pending + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      from = nl + 1;
    }
    pending = text.slice(from);
  }
  take(pending);
  return { lines, bytes: disk.bytesRead, seconds: Number(process.hrtime.bigint() - start) / 1e9, items };
}
