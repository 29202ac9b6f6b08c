/**
 * One read per file kind for every detector of a run. Each detector still runs its own
 * `analyze` over a DatasetSource and still receives records, never files; but the sources it
 * gets are views of one SharedPasses, and when several detectors ask for the same kind at the
 * same time they are fed from a single read of it, batch by batch (no detector runs ahead of
 * the others by more than one batch, so memory stays bounded).
 *
 * Scheduling: a read starts only once every running detector is waiting for some kind; the
 * kind read is the earliest in READ_ORDER that anyone waits for, and everyone waiting for it
 * joins. Small reference files come first and the two big files last, so that by the time
 * impressions are read every detector that needs them is waiting for them. A detector asking
 * for a kind whose shared read has already begun (a second pass over a small file, as
 * fake_promotion makes) reads it again on its own: correct, merely not shared.
 */
import type { EventsByKind, FileKind } from '@fairmarket/contract';
import type { DatasetSource } from './detector';
import { SharedPassReader } from './shared-pass-reader';

/** Reference data first, then the files that only some detectors read, the big two last. */
export const READ_ORDER: readonly FileKind[] = [
  'merchants',
  'skus',
  'algorithms',
  'documents',
  'costs',
  'merchant_events',
  'listings',
  'orders',
  'price_quotes',
  'impressions',
];

/** Records handed to every reader at once: large enough to amortise the hand-over. */
const BATCH = 512;

export class SharedPasses {
  private readonly readers = new Set<SharedPassReader>();
  private readonly started = new Set<FileKind>();
  /** The readers of the shared read in progress (at most one at a time). */
  private readonly members = new Set<SharedPassReader>();
  private reading = false;

  /** `onRead` is told each kind as its shared read begins (for progress reports). */
  constructor(
    private readonly source: DatasetSource,
    private readonly onRead?: (kind: FileKind) => void,
  ) {}

  /**
   * Runs every task concurrently, each with its own view of the source, and returns their
   * results in the tasks' order. A task that throws fails the run (after the others stop).
   */
  async run<T>(tasks: readonly ((source: DatasetSource) => Promise<T>)[]): Promise<T[]> {
    // Every reader exists before any task starts, so that no read begins before all can join it.
    const readers = tasks.map(() => new SharedPassReader());
    for (const reader of readers) this.readers.add(reader);
    const settled = await Promise.allSettled(
      tasks.map(async (task, i) => {
        const reader = readers[i];
        try {
          return await task(this.view(reader));
        } finally {
          reader.live = false;
          this.readers.delete(reader);
          this.schedule();
        }
      }),
    );
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  }

  private view(reader: SharedPassReader): DatasetSource {
    return {
      kinds: () => this.source.kinds(),
      rows: <K extends FileKind>(kind: K) => this.rowsFor(reader, kind),
      batches: <K extends FileKind>(kind: K) => this.batchesFor(reader, kind),
    };
  }

  private async *rowsFor<K extends FileKind>(reader: SharedPassReader, kind: K): AsyncIterable<EventsByKind[K]> {
    for await (const batch of this.batchesFor(reader, kind)) yield* batch;
  }

  private async *batchesFor<K extends FileKind>(reader: SharedPassReader, kind: K): AsyncIterable<EventsByKind[K][]> {
    if (this.started.has(kind) || !this.source.kinds().has(kind) || this.members.has(reader)) {
      // Already read (or never there): this reader reads on its own, the others are not held.
      yield* batchesOf(this.source, kind);
      return;
    }
    const shared = await new Promise<boolean>((resolve) => {
      reader.waiting = kind;
      reader.joined = resolve;
      this.schedule();
    });
    if (!shared) {
      yield* batchesOf(this.source, kind);
      return;
    }
    try {
      for (let batch = await reader.take(); batch !== null; batch = await reader.take()) {
        // Batches are shared by every reader of the read: a reader must not change them.
        yield batch as EventsByKind[K][];
      }
    } finally {
      this.leaveRead(reader);
    }
  }

  /** Starts the next shared read when every running detector is waiting for one. */
  private schedule(): void {
    if (this.reading) return;
    const live = [...this.readers].filter((r) => r.live);
    if (live.length === 0 || live.some((r) => r.waiting === null)) return;
    const kind = READ_ORDER.find((k) => live.some((r) => r.waiting === k)) ?? (live[0].waiting as FileKind);
    const members = live.filter((r) => r.waiting === kind);
    this.started.add(kind);
    this.reading = true;
    this.onRead?.(kind);
    for (const r of live.filter((x) => x.waiting !== null && x.waiting !== kind && this.started.has(x.waiting))) {
      // Waiting for a kind another read already started (cannot happen with READ_ORDER, but never hang).
      const join = r.joined;
      r.waiting = null;
      r.joined = null;
      join?.(false);
    }
    for (const r of members) {
      // From here until it leaves the read, the reader counts as busy, not waiting.
      const join = r.joined;
      r.waiting = null;
      r.joined = null;
      join?.(true);
    }
    void this.read(kind, members).finally(() => {
      this.reading = false;
      this.schedule();
    });
  }

  /** Feeds one read of `kind` to its members, a batch at a time, each batch once all took the last. */
  private async read(kind: FileKind, members: SharedPassReader[]): Promise<void> {
    for (const m of members) this.members.add(m);
    const deliver = (batch: unknown[] | null, error: { reason: unknown } | null = null) =>
      Promise.all([...this.members].map((m) => m.offer(batch, error)));
    let error: { reason: unknown } | null = null;
    try {
      for await (const batch of batchesOf(this.source, kind)) {
        if (this.members.size === 0) break;
        await deliver(batch);
      }
    } catch (reason) {
      error = { reason };
    }
    // The end (or the failure) is told without waiting: readers leave the read on their own.
    void deliver(null, error);
    this.members.clear();
  }

  private leaveRead(reader: SharedPassReader): void {
    this.members.delete(reader);
    reader.release();
  }
}

/**
 * The rows of one kind in arrays: the source's own when it has them, else gathered BATCH at
 * a time. For loops over the big files: one await per array instead of one per row.
 */
export async function* batchesOf<K extends FileKind>(source: DatasetSource, kind: K): AsyncIterable<EventsByKind[K][]> {
  if (source.batches !== undefined) {
    yield* source.batches(kind);
    return;
  }
  let batch: EventsByKind[K][] = [];
  for await (const record of source.rows(kind)) {
    batch.push(record);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
