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

/** Strata whose stratum means are cached at once (a bound, not a need). */
const CACHE_LIMIT = 4096;

function membership(width: number, columns: readonly number[]): Uint8Array {
  const m = new Uint8Array(width);
  for (const c of columns) m[c] = 1;
  return m;
}

export class ClusteredScores {
  private readonly scores: Float64Array;
  private readonly active: Uint8Array;
  private readonly sides: Uint8Array[];
  private readonly dummyMembers: Uint8Array[][];
  private readonly groupMembers: Uint8Array[];
  private readonly restMembers: Uint8Array[];
  /** Per test, where its stratum means start in a cache row: k dummy means, then "both sides present". */
  private readonly offsets: number[] = [];
  private readonly rowWidth: number;
  private readonly cache = new Map<number, Float64Array>();

  constructor(
    private readonly table: StratumTable,
    private readonly fits: readonly ClusteredFit[],
    users: number,
  ) {
    const width = table.layout.width;
    this.scores = new Float64Array(fits.length * USER_CLUSTERS);
    this.active = new Uint8Array(fits.length * USER_CLUSTERS);
    this.sides = fits.map(() => new Uint8Array(users));
    this.dummyMembers = fits.map((f) => f.dummies.map((d) => membership(width, d.columns)));
    this.groupMembers = fits.map((f) => membership(width, f.columns));
    this.restMembers = fits.map((f) => membership(width, f.restColumns));
    let at = 0;
    for (const f of fits) {
      this.offsets.push(at);
      at += f.dummies.length + 1;
    }
    this.rowWidth = at;
  }

  private means(stratum: number, n: number): Float64Array {
    let row = this.cache.get(stratum);
    if (row) return row;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    row = new Float64Array(this.rowWidth);
    this.fits.forEach((f, t) => {
      const o = this.offsets[t];
      f.dummies.forEach((d, j) => (row![o + j] = this.table.countIn(stratum, d.columns) / n));
      const both = this.table.countIn(stratum, f.columns) > 0 && this.table.countIn(stratum, f.restColumns) > 0;
      row![o + f.dummies.length] = both ? 1 : 0;
    });
    this.cache.set(stratum, row);
    return row;
  }

  /** One quote: its stratum, fixed-point log price, columns (ColumnLayout.columnsOf), user index and bucket. */
  add(stratum: number, y: number, columns: Int32Array, user: number, cluster: number): void {
    const totals = this.table.totals(stratum);
    if (totals.n < 2) return;
    const row = this.means(stratum, totals.n);
    const yWithin = (y - this.table.minimum(stratum)) / LOG_UNITS - totals.sum / LOG_UNITS / totals.n;
    // Plain loops: this runs once per quote and fit, the hottest spot of the detector.
    for (let t = 0; t < this.fits.length; t++) {
      const f = this.fits[t];
      const o = this.offsets[t];
      const column = columns[f.attributeIndex];
      let h = 0;
      let residual = yWithin;
      const members = this.dummyMembers[t];
      const k = f.dummies.length;
      for (let j = 0; j < k; j++) {
        const x = members[j][column] - row[o + j];
        h += f.weights[j] * x;
        residual -= f.beta[j] * x;
      }
      if (h !== 0) {
        this.scores[t * USER_CLUSTERS + cluster] += h * residual;
        this.active[t * USER_CLUSTERS + cluster] = 1;
      }
      if (row[o + k] === 1) {
        if (this.groupMembers[t][column]) this.sides[t][user] |= 1;
        else if (this.restMembers[t][column]) this.sides[t][user] |= 2;
      }
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
    for (const side of this.sides[test]) {
      usersGroup += side & 1;
      usersRest += (side >> 1) & 1;
    }
    return { scoreSquares, clusters, usersGroup, usersRest };
  }
}
