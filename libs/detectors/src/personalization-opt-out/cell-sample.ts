import { compareHashed, stableHash } from './stable-hash';

/** A user characteristic value as kept for overlap tests (only scalar traits are kept). */
export type TraitValue = string | number | boolean;

/** One request as kept for the top-k overlap test: who asked and which items came first. */
export interface SampledRequest {
  request_id: string;
  /**
   * Who asked. Two requests of one user are not two independent draws (a session returns the
   * same list twice), so a cell keeps at most one request per user and no pair is ever formed
   * from two requests of the same user.
   */
  user_id: string;
  /** The user characteristics the tests look at (scalar values only). */
  traits: Record<string, TraitValue>;
  /** sku_ids of the first `top_k` items by rank. */
  top: string[];
}

/** Requests that asked the same thing at the same time: same surface, query and hour. */
export interface SampledCell {
  key: string;
  /** Every request seen in the cell, kept or not. */
  total: number;
  requests: SampledRequest[];
}

export interface CellSampleJSON {
  maxCells: number;
  perCell: number;
  /** Requests seen in every cell, kept or not. */
  seen: number;
  cells: SampledCell[];
}

interface LiveCell {
  key: string;
  hash: number;
  total: number;
  requests: Kept[];
  /**
   * Once the cell holds `perCell` users, the last of them in (hash, id) order: a request of a
   * user sorting after it can never be kept (the bar only falls), so it is counted, not stored.
   */
  bar: Kept | null;
}

/** A request with the hashes that rank it: its user's first, then its own. */
interface Kept {
  userHash: number;
  hash: number;
  request: SampledRequest;
}

function kept(request: SampledRequest): Kept {
  return { userHash: stableHash(request.user_id), hash: stableHash(request.request_id), request };
}

/**
 * How far a sample may run over its bounds before it is cut back. Cutting is exact at any
 * size (bottom-k), so the slack only trades sorting for memory: with twice the bounds, as
 * before, ten million requests kept four times the sample alive (hundreds of MB per run).
 */
const CELL_SLACK = 1 / 8;
const REQUEST_SLACK = 4;

/**
 * A bounded, order-independent sample of requests grouped in cells, for the top-k overlap
 * tests. It keeps the `maxCells` cells with the smallest hash of their key, and in each cell
 * the `perCell` users with the smallest hash of their user_id, each by its request with the
 * smallest hash of its request_id (bottom-k sketches), so
 * memory is bounded by maxCells x perCell whatever the number of rows, and the sample is the
 * same whatever order rows arrive in or however platforms are split between workers.
 * A cell that survives to the end was never evicted, so its `total` counts all its requests.
 */
export class CellSample {
  private readonly cells = new Map<string, LiveCell>();
  /** Once pruned, cells whose (hash, key) sorts after this one can never be in the final sample. */
  private cutoff: { hash: number; key: string } | null = null;
  private seen = 0;

  constructor(
    readonly maxCells: number,
    readonly perCell: number,
  ) {}

  add(cellKey: string, request: SampledRequest): void {
    this.addLazily(cellKey, request.user_id, () => request);
  }

  /**
   * As add, with the request built only when the sample keeps it: a request of a cell past
   * the cutoff, or of a user past a full cell's bar, is only counted (most requests, once a
   * sample is full), so its top-k and traits need not be gathered.
   */
  addLazily(cellKey: string, userId: string, build: () => SampledRequest): void {
    this.seen++;
    let cell = this.cells.get(cellKey);
    if (!cell) {
      const hash = stableHash(cellKey);
      if (this.cutoff && compareHashed(hash, cellKey, this.cutoff.hash, this.cutoff.key) > 0) return;
      cell = { key: cellKey, hash, total: 0, requests: [], bar: null };
      this.cells.set(cellKey, cell);
      if (this.cells.size >= this.maxCells + Math.ceil(this.maxCells * CELL_SLACK)) this.pruneCells();
    }
    cell.total++;
    // The request's own hash only matters once its user passes the bar.
    const userHash = stableHash(userId);
    const bar = cell.bar;
    if (bar && compareHashed(userHash, userId, bar.userHash, bar.request.user_id) > 0) return;
    const request = build();
    cell.requests.push({ userHash, hash: stableHash(request.request_id), request });
    if (cell.requests.length >= this.perCell + REQUEST_SLACK) trimRequests(cell, this.perCell);
  }

  merge(other: CellSample | CellSampleJSON): void {
    const json = other instanceof CellSample ? other.toJSON() : other;
    this.seen += json.seen;
    for (const incoming of json.cells) {
      const hash = stableHash(incoming.key);
      let cell = this.cells.get(incoming.key);
      if (!cell) {
        cell = { key: incoming.key, hash, total: 0, requests: [], bar: null };
        this.cells.set(incoming.key, cell);
      }
      cell.total += incoming.total;
      for (const request of incoming.requests) cell.requests.push(kept(request));
      trimRequests(cell, this.perCell);
    }
    this.pruneCells();
  }

  /** Requests seen, kept or not. */
  get requestsSeen(): number {
    return this.seen;
  }

  toJSON(): CellSampleJSON {
    this.pruneCells();
    const cells = [...this.cells.values()]
      .sort((a, b) => compareHashed(a.hash, a.key, b.hash, b.key))
      .map((cell) => {
        trimRequests(cell, this.perCell);
        return { key: cell.key, total: cell.total, requests: cell.requests.map((r) => r.request) };
      });
    return { maxCells: this.maxCells, perCell: this.perCell, seen: this.seen, cells };
  }

  static fromJSON(json: CellSampleJSON): CellSample {
    const sample = new CellSample(json.maxCells, json.perCell);
    sample.merge(json);
    return sample;
  }

  private pruneCells(): void {
    if (this.cells.size <= this.maxCells) return;
    const ordered = [...this.cells.values()].sort((a, b) => compareHashed(a.hash, a.key, b.hash, b.key));
    for (const dropped of ordered.slice(this.maxCells)) this.cells.delete(dropped.key);
    const last = ordered[this.maxCells - 1];
    this.cutoff = { hash: last.hash, key: last.key };
  }
}

function trimRequests(cell: LiveCell, perCell: number): void {
  // Users in (hash, id) order, each by its least request: a user dropped here has perCell
  // users before it that stay, so the sample is exact whatever the order rows arrive in.
  // Duplicates (the same request submitted twice) are kept once, as any second request of a user.
  cell.requests.sort(
    (a, b) =>
      compareHashed(a.userHash, a.request.user_id, b.userHash, b.request.user_id) ||
      compareHashed(a.hash, a.request.request_id, b.hash, b.request.request_id),
  );
  const unique = cell.requests.filter((r, i, all) => i === 0 || all[i - 1].request.user_id !== r.request.user_id);
  cell.requests = unique.slice(0, perCell);
  cell.bar = cell.requests.length === perCell ? cell.requests[perCell - 1] : null;
}
