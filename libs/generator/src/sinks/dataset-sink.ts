import type { FileKind } from '@fairmarket/contract';
import type { Label } from '../scenario';

/**
 * Where a generated dataset goes. `write` receives raw records (before validation, user ids
 * not yet pseudonymised) in generation order; `writeLabels` is called once at the end.
 * The caller of the generator awaits `close()`.
 */
export interface DatasetSink {
  write(kind: FileKind, record: Record<string, unknown>): void;
  writeLabels(labels: Label[]): void;
  close(): Promise<void>;
}
