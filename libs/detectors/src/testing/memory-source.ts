import type { EventsByKind, FileKind } from '@fairmarket/contract';
import type { DatasetSource } from '../detector';

/**
 * A DatasetSource over records held in memory, for unit tests and for the generator's
 * precision/recall evaluation. The records must already be validated (see
 * `validateRecord` in @fairmarket/contract), exactly as the file and database sources yield them.
 */
export class MemorySource implements DatasetSource {
  constructor(private readonly data: { [K in FileKind]?: EventsByKind[K][] }) {}

  kinds(): ReadonlySet<FileKind> {
    return new Set((Object.keys(this.data) as FileKind[]).filter((k) => (this.data[k]?.length ?? 0) > 0));
  }

  async *rows<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K]> {
    for (const row of (this.data[kind] ?? []) as EventsByKind[K][]) yield row;
  }

  /** The same rows restricted to one platform, as a worker's child job sees them. */
  forPlatform(platformId: string): MemorySource {
    const out: { [K in FileKind]?: unknown[] } = {};
    for (const kind of Object.keys(this.data) as FileKind[]) {
      out[kind] = (this.data[kind] as { platform_id: string }[]).filter((r) => r.platform_id === platformId);
    }
    return new MemorySource(out as { [K in FileKind]?: EventsByKind[K][] });
  }
}
