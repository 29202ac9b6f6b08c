import type { FileKind } from '@fairmarket/contract';

/** One detector's place in the run: what it waits for, and how to hand it records. */
export class SharedPassReader {
  waiting: FileKind | null = null;
  live = true;
  /** Set while the reader is in a shared read: the batch it was handed, or null at the end. */
  private inbox: unknown[] | null | undefined;
  /** Why the shared read failed, thrown to every reader of it. */
  private error: { reason: unknown } | null = null;
  private wake: (() => void) | null = null;
  /** Resolved when the reader has taken its batch (asked for the next one) or left. */
  private taken: (() => void) | null = null;
  joined: ((shared: boolean) => void) | null = null;

  offer(batch: unknown[] | null, error: { reason: unknown } | null = null): Promise<void> {
    this.inbox = batch;
    this.error = error;
    const done = new Promise<void>((resolve) => (this.taken = resolve));
    this.wake?.();
    this.wake = null;
    return done;
  }

  /** The next batch of the shared read, or null when it is over. */
  async take(): Promise<unknown[] | null> {
    this.release();
    if (this.inbox === undefined) await new Promise<void>((resolve) => (this.wake = resolve));
    const batch = this.inbox as unknown[] | null;
    this.inbox = undefined;
    if (this.error) throw this.error.reason;
    return batch;
  }

  /** Tells the read this reader no longer holds it back (batch taken, or loop left early). */
  release(): void {
    this.taken?.();
    this.taken = null;
  }
}
