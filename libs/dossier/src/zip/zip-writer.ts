import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';
import {
  MAX_ZIP_BYTES,
  METHOD_DEFLATE,
  METHOD_STORE,
  centralHeader,
  dataDescriptor,
  endOfCentralDirectory,
  localHeader,
  type ZipEntryRecord,
  type ZipMethod,
} from './zip-format';

/** What the manifest records of one written entry. */
export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
  /** The entry's bytes as they sit in the archive (compressed or not), so a change there is caught even where inflating hides it. */
  stored: { method: 'deflate' | 'store'; size: number; sha256: string };
}

/**
 * Writes the canonical ZIP of zip-format.ts to a stream, entry by entry, streaming each entry's
 * content through deflate, CRC-32 and SHA-256 so that no entry is ever held in memory.
 */
export class ZipWriter {
  private offset = 0;
  private readonly records: ZipEntryRecord[] = [];

  constructor(private readonly out: Writable) {}

  async add(path: string, content: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, method: ZipMethod = METHOD_DEFLATE): Promise<WrittenEntry> {
    if (this.records.some((r) => r.name === path)) throw new Error(`the bundle already has a file named ${path}`);
    const record: ZipEntryRecord = { name: path, method, crc32: 0, compressedSize: 0, size: 0, offset: this.offset };
    await this.write(localHeader(path, method));
    const plain = createHash('sha256');
    const stored = createHash('sha256');
    const emit = async (chunk: Buffer) => {
      stored.update(chunk);
      record.compressedSize += chunk.length;
      await this.write(chunk);
    };
    const take = (chunk: Buffer) => {
      plain.update(chunk);
      record.crc32 = crc32(chunk, record.crc32);
      record.size += chunk.length;
    };
    if (method === METHOD_STORE) {
      for await (const piece of content) {
        const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece, 'utf8');
        take(chunk);
        await emit(chunk);
      }
    } else {
      const deflate = createDeflateRaw({ level: 6 });
      const feeding = (async () => {
        for await (const piece of content) {
          const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece, 'utf8');
          take(chunk);
          if (!deflate.write(chunk)) await once(deflate, 'drain');
        }
        deflate.end();
      })().catch((error) => deflate.destroy(error as Error));
      for await (const chunk of deflate) await emit(chunk as Buffer);
      await feeding;
    }
    await this.write(dataDescriptor(record));
    this.records.push(record);
    return {
      path,
      size: record.size,
      sha256: plain.digest('hex'),
      stored: { method: method === METHOD_STORE ? 'store' : 'deflate', size: record.compressedSize, sha256: stored.digest('hex') },
    };
  }

  /** Writes the central directory and the end record, and ends the stream. */
  async finish(): Promise<number> {
    const cdOffset = this.offset;
    for (const r of this.records) await this.write(centralHeader(r));
    await this.write(endOfCentralDirectory(this.records.length, this.offset - cdOffset, cdOffset));
    this.out.end();
    await once(this.out, 'finish');
    return this.offset;
  }

  private async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (this.offset > MAX_ZIP_BYTES) {
      throw new Error(`the bundle would exceed 4 GiB, the limit of a ZIP without ZIP64: split the case into several dossiers`);
    }
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
