/**
 * Standard errors clustered by user, for the marginal group tests. A user who asks for the same
 * item ten times in an hour, or who pays his own personal price in every hour, is one source of
 * noise, not ten: treating his quotes as independent makes p-values far too small
 * (pseudo-replication). The point estimate stays the within-stratum regression on quotes; its
 * variance is the cluster-robust sandwich (CR1, Cameron & Miller 2015)
 *   V = G/(G-1) · (N-1)/(N-K) · Σ_g (Σ_{i∈g} c·x̃_i ẽ_i)²,
 * c the tested row of the inverse within Gram matrix, x̃ and ẽ the within-stratum regressors and
 * residuals, with t(G-1) as reference.
 *
 * Memory stays bounded: clusters are USER_CLUSTERS hash buckets of user_id, not users. Each user
 * falls wholly in one bucket, so buckets are a coarser partition of independent users and the
 * sandwich stays valid; with a fixed number of clusters the t(G-1) reference is the one
 * Bester, Conley & Hansen (2011) justify. A test keeps one number per bucket. The only per-user
 * state is one byte per (test, user), to count distinct users on each side for the group-size
 * rule.
 */
import { LOG_UNITS } from './effective-price';
import type { StratumTable } from './stratum-table';
import type { Dummy } from './within-design';

export const USER_CLUSTERS = 128;

/** The bucket of a user: FNV-1a of the pseudonymised id (stable within a run, whatever the row order). */
export function userCluster(userId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % USER_CLUSTERS;
}

/** A fitted within regression whose tested coefficient gets clustered errors. */
export interface ClusteredFit {
  attributeIndex: number;
  /** Regressors in fit order; the tested one is last. */
  dummies: readonly Dummy[];
  beta: readonly number[];
  /** Row of the inverse within Gram matrix for the tested coefficient. */
  weights: readonly number[];
  /** The two sides of the contrast, for counting users in strata holding both. */
  columns: readonly number[];
  restColumns: readonly number[];
}

export interface ClusterTally {
  /** Σ_g score_g² of the tested coefficient. */
  scoreSquares: number;
  /** Buckets whose users contribute to the tested coefficient. */
  clusters: number;
  usersGroup: number;
  usersRest: number;
}

/** Numbers (8 bytes each) of stratum rows cached at once before the cache starts over (a bound, not a need). */
const POOL_LIMIT = 1 << 18;
/** slotOf of a stratum with a single quote: it has no within variation, nothing to cache. */
const SINGLE = -2;

/**
 * Clustered scores of every prepared fit, fed quote by quote. Per quote only the fits whose
 * dummies vary within the quote's stratum are visited: in a stratum where every quote sits on
 * the same side of each dummy, x̃ = 0 exactly, so the quote adds nothing to the score (nor,
 * with one side absent, to the user counts). Most strata of a sku-hour hold a handful of quotes,
 * so this skips most (quote, fit) pairs. The per-stratum part (the dummy means and which fits
 * vary) is computed once per stratum into a bounded cache; the arithmetic of a visited pair,
 * and the quote order of the additions into each bucket, are those of the plain sandwich, so
 * the result does not move by one bit.
 */
export class ClusteredScores {
  private readonly fitCount: number;
  private readonly width: number;
  /** Per fit: its characteristic, and where its dummies start in the per-dummy arrays (fitCount + 1 entries). */
  private readonly attributeOfFit: Int32Array;
  private readonly dummyStart: Int32Array;
  private readonly weights: Float64Array;
  private readonly beta: Float64Array;
  /** Per dummy × column: 1 when the column belongs to the dummy. */
  private readonly members: Uint8Array;
  /** Scratch for one stratum: occupied columns of a characteristic and their counts. */
  private readonly occupied: Int32Array;
  private readonly occupiedCounts: Float64Array;
  /** Per fit × column: 1 on the group side, 2 on the rest side, 0 neither. */
  private readonly sideOf: Uint8Array;
  /** Per attribute (in fit order): its fits, and its column range in the layout. */
  private readonly attributeFits: { first: number; last: number; from: number; to: number }[] = [];
  private readonly scores: Float64Array;
  private readonly active: Uint8Array;
  /** Per user × fit: bit 1 seen on the group side, bit 2 on the rest side, in strata holding both. */
  private readonly sides: Uint8Array;
  // The stratum cache: per cached stratum, a run of the pool holding, per varying fit,
  // [fit, both sides present, its dummy means...].
  /** Per stratum: its cache slot, -1 when not cached, SINGLE. */
  private readonly slotOf: Int32Array;
  private readonly cached: number[] = [];
  private readonly slotStart: number[] = [];
  private readonly slotEnd: number[] = [];
  private readonly slotMinimum: number[] = [];
  private readonly slotMean: number[] = [];
  private pool: Float64Array;
  private used = 0;

  constructor(
    private readonly table: StratumTable,
    fits: readonly ClusteredFit[],
    private readonly users: number,
    private readonly poolLimit = POOL_LIMIT,
  ) {
    const width = (this.width = table.layout.width);
    const fitCount = (this.fitCount = fits.length);
    this.attributeOfFit = Int32Array.from(fits, (f) => f.attributeIndex);
    this.dummyStart = new Int32Array(fitCount + 1);
    fits.forEach((f, t) => (this.dummyStart[t + 1] = this.dummyStart[t] + f.dummies.length));
    const dummies = this.dummyStart[fitCount];
    this.weights = new Float64Array(dummies);
    this.beta = new Float64Array(dummies);
    this.members = new Uint8Array(dummies * width);
    this.occupied = new Int32Array(width);
    this.occupiedCounts = new Float64Array(width);
    this.sideOf = new Uint8Array(fitCount * width);
    fits.forEach((f, t) => {
      f.dummies.forEach((d, j) => {
        const at = this.dummyStart[t] + j;
        this.weights[at] = f.weights[j];
        this.beta[at] = f.beta[j];
        for (const c of d.columns) this.members[at * width + c] = 1;
      });
      for (const c of f.restColumns) this.sideOf[t * width + c] = 2;
      for (const c of f.columns) this.sideOf[t * width + c] = 1;
      const a = table.layout.attributes[f.attributeIndex];
      const last = this.attributeFits[this.attributeFits.length - 1];
      if (last && last.from === a.offset) last.last = t;
      else this.attributeFits.push({ first: t, last: t, from: a.offset, to: a.missingColumn });
    });
    this.scores = new Float64Array(fitCount * USER_CLUSTERS);
    this.active = new Uint8Array(fitCount * USER_CLUSTERS);
    this.sides = new Uint8Array(users * fitCount);
    this.slotOf = new Int32Array(table.strataCount).fill(-1);
    this.pool = new Float64Array(Math.min(poolLimit, 1024 + 4 * dummies));
  }

  /** Fills the cache slot of a stratum of two or more quotes. */
  private slot(stratum: number, n: number): number {
    // Room for every fit of this stratum, whatever varies.
    const need = 2 * this.fitCount + this.dummyStart[this.fitCount];
    if (this.used + need > this.pool.length) {
      if (this.used > 0 && this.used + need > this.poolLimit) this.clear();
      if (this.used + need > this.pool.length) {
        const bigger = new Float64Array(Math.max(this.used + need, Math.min(this.poolLimit, this.pool.length * 2)));
        bigger.set(this.pool.subarray(0, this.used));
        this.pool = bigger;
      }
    }
    const table = this.table;
    const pool = this.pool;
    const start = this.used;
    let p = start;
    const width = this.width;
    const occupied = this.occupied;
    const occupiedCounts = this.occupiedCounts;
    for (const group of this.attributeFits) {
      // The characteristic's occupied columns (a handful: at most the stratum's quotes). With one,
      // every dummy of its fits is constant here.
      let m = 0;
      for (let c = group.from; c <= group.to; c++) {
        const count = table.count(stratum, c);
        if (count !== 0) {
          occupied[m] = c;
          occupiedCounts[m++] = count;
        }
      }
      if (m < 2) continue;
      for (let t = group.first; t <= group.last; t++) {
        const d0 = this.dummyStart[t];
        const k = this.dummyStart[t + 1] - d0;
        let varies = false;
        for (let j = 0; j < k; j++) {
          // Integer counts: the same sum as StratumTable.countIn over the dummy's columns.
          let inDummy = 0;
          const row = (d0 + j) * width;
          for (let i = 0; i < m; i++) if (this.members[row + occupied[i]] === 1) inDummy += occupiedCounts[i];
          const mean = inDummy / n;
          pool[p + 2 + j] = mean;
          if (mean !== 0 && mean !== 1) varies = true;
        }
        if (!varies) continue;
        // Both sides present implies the group dummy varies, so "both" is only asked of varying fits.
        let inGroup = 0;
        let inRest = 0;
        for (let i = 0; i < m; i++) {
          const side = this.sideOf[t * width + occupied[i]];
          if (side === 1) inGroup += occupiedCounts[i];
          else if (side === 2) inRest += occupiedCounts[i];
        }
        pool[p] = t;
        pool[p + 1] = inGroup > 0 && inRest > 0 ? 1 : 0;
        p += 2 + k;
      }
    }
    this.used = p;
    const s = this.cached.length;
    this.cached.push(stratum);
    this.slotStart.push(start);
    this.slotEnd.push(p);
    const totals = table.totals(stratum);
    this.slotMinimum.push(table.minimum(stratum));
    this.slotMean.push(totals.sum / LOG_UNITS / totals.n);
    this.slotOf[stratum] = s;
    return s;
  }

  private clear(): void {
    for (const s of this.cached) this.slotOf[s] = -1;
    this.cached.length = 0;
    this.slotStart.length = 0;
    this.slotEnd.length = 0;
    this.slotMinimum.length = 0;
    this.slotMean.length = 0;
    this.used = 0;
  }

  /**
   * One quote: its stratum, fixed-point log price, its columns (ColumnLayout.columnsOf) at
   * `columns[at..]`, user index and bucket.
   */
  add(stratum: number, y: number, columns: Int32Array, at: number, user: number, cluster: number): void {
    let s = this.slotOf[stratum];
    if (s === SINGLE) return;
    if (s < 0) {
      const n = this.table.totals(stratum).n;
      if (n < 2) {
        this.slotOf[stratum] = SINGLE;
        return;
      }
      s = this.slot(stratum, n);
    }
    let p = this.slotStart[s];
    const end = this.slotEnd[s];
    if (p === end) return;
    const yWithin = (y - this.slotMinimum[s]) / LOG_UNITS - this.slotMean[s];
    const pool = this.pool;
    const width = this.width;
    const fitCount = this.fitCount;
    while (p < end) {
      const t = pool[p];
      const both = pool[p + 1];
      const column = columns[at + this.attributeOfFit[t]];
      const d0 = this.dummyStart[t];
      const k = this.dummyStart[t + 1] - d0;
      p += 2;
      let h = 0;
      let residual = yWithin;
      for (let j = 0; j < k; j++) {
        const x = this.members[(d0 + j) * width + column] - pool[p + j];
        h += this.weights[d0 + j] * x;
        residual -= this.beta[d0 + j] * x;
      }
      p += k;
      if (h !== 0) {
        this.scores[t * USER_CLUSTERS + cluster] += h * residual;
        this.active[t * USER_CLUSTERS + cluster] = 1;
      }
      if (both === 1) this.sides[user * fitCount + t] |= this.sideOf[t * width + column];
    }
  }

  tally(test: number): ClusterTally {
    let scoreSquares = 0;
    let clusters = 0;
    for (let g = 0; g < USER_CLUSTERS; g++) {
      const s = this.scores[test * USER_CLUSTERS + g];
      scoreSquares += s * s;
      clusters += this.active[test * USER_CLUSTERS + g];
    }
    let usersGroup = 0;
    let usersRest = 0;
    for (let u = 0; u < this.users; u++) {
      const side = this.sides[u * this.fitCount + test];
      usersGroup += side & 1;
      usersRest += (side >> 1) & 1;
    }
    return { scoreSquares, clusters, usersGroup, usersRest };
  }
}
