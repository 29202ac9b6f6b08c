import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { PhysicalLine } from '../../contract/src/reading/line-splitter';
import type { EncodedSlice, SliceContext } from './encode-slice';

/**
 * Old-generation cap of each encoder thread. What a thread keeps is its pseudonym cache (at
 * most ~40 MB) and the slice at hand; without a cap its heap grows with garbage before V8
 * collects, and the worker's RSS (goal < 512 MB at any N) with it.
 */
const THREAD_OLD_SPACE_MB = 128;

/** Slices waiting or being encoded per thread: enough to keep each busy, few enough to bound memory. */
const SLICES_IN_FLIGHT_PER_THREAD = 4;

/**
 * Encoder threads for one file. Parsing, validating, pseudonymising and encoding are most of
 * the worker's CPU and independent line by line, so they run on several threads while the main
 * thread reads the file and writes batches; slices come back in file order whatever thread
 * finished first, so batches and checkpoints are exactly those of the in-process path.
 */
export class EncoderPool {
  private readonly threads: Worker[];
  private readonly done = new Map<number, EncodedSlice>();
  private readonly waiting = new Map<number, () => void>();
  private failure: Error | null = null;
  private sent = 0;

  constructor(context: SliceContext, size: number) {
    // Compiled next to this file (dist/libs/ingestion/src/encoder-thread.js).
    const entry = join(__dirname, 'encoder-thread.js');
    this.threads = Array.from({ length: size }, () => {
      const thread = new Worker(entry, { workerData: context, resourceLimits: { maxOldGenerationSizeMb: THREAD_OLD_SPACE_MB } });
      thread.on('message', (slice: EncodedSlice) => {
        // Buffers arrive as Uint8Arrays: give them back their Buffer methods (no copy).
        slice.chunks = slice.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
        this.done.set(slice.seq, slice);
        this.wake(slice.seq);
      });
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an encoder thread exited with code ${code}`));
      });
      return thread;
    });
  }

  /**
   * Encodes the slices in order, yielding each encoded slice in the same order; at most
   * SLICES_IN_FLIGHT_PER_THREAD × threads are outstanding at a time.
   */
  async *encode(slices: AsyncIterable<PhysicalLine[]>): AsyncGenerator<EncodedSlice> {
    let next = 0;
    const limit = SLICES_IN_FLIGHT_PER_THREAD * this.threads.length;
    for await (const lines of slices) {
      if (lines.length === 0) continue;
      const seq = this.sent++;
      this.threads[seq % this.threads.length].postMessage({ seq, lines });
      while (this.sent - next >= limit) yield await this.take(next++);
    }
    while (next < this.sent) yield await this.take(next++);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }

  private take(seq: number): Promise<EncodedSlice> {
    const ready = (): EncodedSlice | null => {
      if (this.failure) throw this.failure;
      const slice = this.done.get(seq);
      if (slice) this.done.delete(seq);
      return slice ?? null;
    };
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise<EncodedSlice>((resolve, reject) => {
      this.waiting.set(seq, () => {
        try {
          const slice = ready();
          if (slice) resolve(slice);
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  private wake(seq: number): void {
    const waiter = this.waiting.get(seq);
    if (waiter) {
      this.waiting.delete(seq);
      waiter();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const [seq, waiter] of [...this.waiting]) {
      this.waiting.delete(seq);
      waiter();
    }
  }
}

/** Cuts chunks of physical lines into slices of at most `size` lines, in order. */
export async function* slicesOf(chunks: AsyncIterable<PhysicalLine[]>, size: number, after: number): AsyncGenerator<PhysicalLine[]> {
  let slice: PhysicalLine[] = [];
  for await (const lines of chunks) {
    for (const line of lines) {
      if (line.line <= after) continue;
      slice.push(line);
      if (slice.length >= size) {
        yield slice;
        slice = [];
      }
    }
  }
  if (slice.length > 0) yield slice;
}
