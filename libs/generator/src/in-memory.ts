import { FILE_KINDS, Pseudonymizer, validateRecord, type EventsByKind, type FileKind } from '@fairmarket/contract';
// MemorySource is not exported by @fairmarket/detectors' index (it is test support), and the
// path alias maps only `@fairmarket/<lib>` to a lib's src, hence the relative path.
import { MemorySource } from '../../detectors/src/testing/memory-source';
import { generateDataset } from './generate-dataset';
import type { Label, Scenario } from './scenario';
import { MemorySink } from './sinks/memory-sink';

/** Generates a dataset into memory: for tests and the precision/recall evaluation. */
export function generateInMemory(
  seed: number,
  scale: number,
  options: { scenarios?: readonly Scenario[] } = {},
): { raw: MemorySink; labels: Label[] } {
  const raw = new MemorySink();
  const { labels } = generateDataset({ seed, scale, sink: raw, scenarios: options.scenarios });
  return { raw, labels };
}

/**
 * Runs every raw record through the contract's validation (with pseudonymised user ids), as
 * the CLI and the worker do, and returns them as a MemorySource for detectors. A record that
 * fails validation is a generator bug: this throws with the file, id and reason.
 */
export function toValidatedSource(raw: MemorySink, pseudonymKey: string): MemorySource {
  const pseudonymizer = new Pseudonymizer(pseudonymKey);
  const data: { [K in FileKind]?: EventsByKind[K][] } = {};
  for (const kind of FILE_KINDS) {
    const rows: unknown[] = [];
    for (const record of raw.get(kind)) {
      const result = validateRecord(kind, record, pseudonymizer);
      if (!result.ok) {
        throw new Error(`generated ${kind} record ${JSON.stringify(record).slice(0, 160)} fails validation: ${result.reason}`);
      }
      rows.push(result.record);
    }
    (data as Record<string, unknown[]>)[kind] = rows;
  }
  return new MemorySource(data);
}
