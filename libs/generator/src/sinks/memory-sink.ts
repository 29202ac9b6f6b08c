import { FILE_KINDS, type FileKind } from '@fairmarket/contract';
import type { Label } from '../scenario';
import type { DatasetSink } from './dataset-sink';

/** Keeps raw records per file kind in memory, in the order written: for tests and evaluation. */
export class MemorySink implements DatasetSink {
  readonly records = Object.fromEntries(FILE_KINDS.map((k) => [k, [] as Record<string, unknown>[]])) as Record<FileKind, Record<string, unknown>[]>;
  labels: Label[] = [];

  write(kind: FileKind, record: Record<string, unknown>): void {
    this.records[kind].push(record);
  }

  writeLabels(labels: Label[]): void {
    this.labels = [...labels];
  }

  get<K extends FileKind>(kind: K): Record<string, unknown>[] {
    return this.records[kind];
  }

  async close(): Promise<void> {}
}
