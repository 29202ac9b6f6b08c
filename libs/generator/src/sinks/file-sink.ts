import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '@fairmarket/contract';
import type { Label } from '../scenario';
import type { DatasetSink } from './dataset-sink';

const FLUSH_AT_BYTES = 1 << 20;

interface OpenFile {
  fd: number;
  chunks: string[];
  size: number;
}

/**
 * Writes `<kind>.ndjson` files and `labels.json` into a directory with bounded memory: each
 * file keeps at most ~1 MB of lines before it is flushed with a synchronous write, so the
 * generator never holds a dataset in memory, whatever its scale. Files are created on first
 * write (a kind with no record gets no file) and truncated if they existed.
 */
export class FileSink implements DatasetSink {
  private readonly files = new Map<FileKind, OpenFile>();
  private closed = false;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  write(kind: FileKind, record: Record<string, unknown>): void {
    if (this.closed) throw new Error(`FileSink(${this.dir}) is closed: create a new sink to write another dataset`);
    let file = this.files.get(kind);
    if (!file) {
      file = { fd: openSync(join(this.dir, `${kind}.ndjson`), 'w'), chunks: [], size: 0 };
      this.files.set(kind, file);
    }
    const line = JSON.stringify(record) + '\n';
    file.chunks.push(line);
    // Length in UTF-16 units: a close enough bound for deciding when to flush.
    file.size += line.length;
    if (file.size >= FLUSH_AT_BYTES) this.flush(file);
  }

  /** Labels come last: the data files are flushed too, so the directory is complete on disk. */
  writeLabels(labels: Label[]): void {
    for (const file of this.files.values()) this.flush(file);
    const fd = openSync(join(this.dir, 'labels.json'), 'w');
    try {
      writeSync(fd, JSON.stringify(labels, null, 2) + '\n');
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const file of this.files.values()) {
      this.flush(file);
      closeSync(file.fd);
    }
  }

  private flush(file: OpenFile): void {
    if (file.chunks.length === 0) return;
    writeSync(file.fd, file.chunks.join(''));
    file.chunks = [];
    file.size = 0;
  }
}
