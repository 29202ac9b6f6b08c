import { performance } from 'node:perf_hooks';

/**
 * Where one file's ingestion time went, for the worker's log: reading, validating and
 * encoding run while the previous batch is written, so the figure that tells which side
 * limits throughput is how long the reader stood waiting for the database.
 */
export class IngestionTimer {
  private readonly startedAt = performance.now();
  private waitMs = 0;
  private writeMs = 0;
  private batches = 0;

  /** Awaits `pending` (the batch in flight), counting the time as waiting for the database. */
  async waitingForDatabase(pending: Promise<void>): Promise<void> {
    const from = performance.now();
    await pending;
    this.waitMs += performance.now() - from;
  }

  /** Counts how long one batch's transaction took, from BEGIN to COMMIT. */
  writing<T>(commit: Promise<T>): Promise<T> {
    const from = performance.now();
    this.batches++;
    return commit.finally(() => {
      this.writeMs += performance.now() - from;
    });
  }

  summary(fileId: string, lines: number): string {
    const totalMs = performance.now() - this.startedAt;
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    const perSecond = totalMs > 0 ? Math.round((lines / totalMs) * 1000) : 0;
    return (
      `file ${fileId}: ${lines} lines in ${seconds(totalMs)} s (${perSecond}/s); ` +
      `read+validate+encode ${seconds(totalMs - this.waitMs)} s, waiting for the database ${seconds(this.waitMs)} s, ` +
      `${this.batches} batch transactions ${seconds(this.writeMs)} s`
    );
  }
}
