import type { PoolClient } from 'pg';
import type { IngestionTimer } from './ingestion-timer';

/**
 * Connections a file is written on, each holding one batch's transaction. With one, the
 * database loads a batch while the worker reads the next, and whichever is slower sets the
 * pace; with two, a second batch's COPY and INSERT proceed while the first one's finish, so
 * the database side can use a second core.
 */
export const COPY_CONNECTIONS = 2;

/** How a batch in flight waits for the one before it. */
export interface BatchOrder {
  /** Resolved once the batch before has moved its rows into the event table (or failed). */
  moved: Promise<void>;
  /** Resolved once the batch before has committed; rejected when it failed. */
  committed: Promise<void>;
}

/**
 * Writes one batch on `client`: stage its rows, await `previous.moved`, move them, call
 * `onMoved`, await `previous.committed`, then update the checkpoint and commit. Moving after
 * the batch before has moved means that when two batches hold the same key, the later one
 * waits for the earlier one's transaction and never the reverse (no wait cycle through us);
 * committing after it keeps checkpoints in file order.
 */
export type BatchWrite = (client: PoolClient, previous: BatchOrder, onMoved: () => void) => Promise<void>;

/**
 * Runs batch writes on the connections in turn, at most one per connection: batch n waits
 * for the connection batch n - 2 used, so reading and encoding go on while two batches are
 * written. The first failure is rethrown to the next submit and by drain.
 */
export class OrderedBatchLanes {
  private readonly busy: Promise<void>[];
  private previous: BatchOrder = { moved: Promise.resolve(), committed: Promise.resolve() };
  private submitted = 0;
  private failure: unknown = null;

  constructor(
    private readonly clients: readonly PoolClient[],
    private readonly timer: IngestionTimer,
  ) {
    this.busy = clients.map(() => Promise.resolve());
  }

  /** Starts `write` once a connection is free; `afterCommit` runs when it has committed. */
  async submit(write: BatchWrite, afterCommit: () => Promise<void>): Promise<void> {
    const lane = this.submitted++ % this.clients.length;
    await this.timer.waitingForDatabase(this.busy[lane]);
    if (this.failure) throw this.failure;
    const moved = deferred();
    const done = this.timer
      .writing(write(this.clients[lane], this.previous, moved.resolve))
      // Once this batch has failed, the next must not wait for a move that never comes.
      .finally(moved.resolve)
      .then(afterCommit);
    this.previous = { moved: moved.promise, committed: done };
    this.busy[lane] = done.catch((error) => {
      this.failure ??= error;
    });
  }

  /** Waits for every batch submitted; throws the first failure. */
  async drain(): Promise<void> {
    await this.timer.waitingForDatabase(Promise.all(this.busy).then(() => undefined));
    if (this.failure) throw this.failure;
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
