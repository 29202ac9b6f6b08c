/**
 * The distribution of the top-left cell `a` of a 2×2 table given its margins, as relative
 * probabilities over its support lo..hi. Built from the ratio of successive probabilities
 * in log space: no factorials, no overflow, and a relative accuracy of ~1e-13 even over
 * thousands of support points (far inside fisher.test's 1e-7 tolerance).
 */
const RELATIVE_TOLERANCE = 1 + 1e-7;

function maxOf(values: readonly number[]): number {
  // A loop, not Math.max(...values): spreading a large support overflows the call stack.
  let top = -Infinity;
  for (const v of values) if (v > top) top = v;
  return top;
}

export class HypergeometricSupport {
  readonly lo: number;
  readonly hi: number;
  /** log P(a = lo + i) up to a common constant. */
  private readonly logWeights: number[];

  constructor(col1: number, col2: number, row1: number) {
    this.lo = Math.max(0, row1 - col2);
    this.hi = Math.min(row1, col1);
    const logW = [0];
    for (let x = this.lo; x < this.hi; x++) {
      // P(x+1) / P(x) = (col1 − x)(row1 − x) / ((x + 1)(col2 − row1 + x + 1))
      const step = Math.log(col1 - x) + Math.log(row1 - x) - Math.log(x + 1) - Math.log(col2 - row1 + x + 1);
      logW.push(logW[logW.length - 1] + step);
    }
    this.logWeights = logW;
  }

  /**
   * Two-sided p-value of fisher.test: the total probability of the values of `a` that are no
   * more likely than the observed one (within the relative tolerance).
   */
  twoSidedP(a: number): number {
    const top = maxOf(this.logWeights);
    const weights = this.logWeights.map((l) => Math.exp(l - top));
    const limit = weights[a - this.lo] * RELATIVE_TOLERANCE;
    let tail = 0;
    let total = 0;
    for (const w of weights) {
      total += w;
      if (w <= limit) tail += w;
    }
    return tail / total;
  }

  /** E[a] when the odds ratio is exp(logPsi) (Fisher's noncentral hypergeometric). */
  meanAt(logPsi: number): number {
    const logs = this.logWeights.map((l, i) => l + logPsi * (this.lo + i));
    const top = maxOf(logs);
    let num = 0;
    let den = 0;
    logs.forEach((l, i) => {
      const w = Math.exp(l - top);
      num += w * (this.lo + i);
      den += w;
    });
    return num / den;
  }

  /**
   * Conditional maximum-likelihood odds ratio (R's fisher.test estimate): the psi with
   * E[a | psi] = a, found by bisection on log psi since the mean increases with psi.
   * 0 or Infinity when `a` is at an end of its range; NaN when the margins fix `a`.
   */
  conditionalMle(a: number): number {
    if (this.lo === this.hi) return NaN;
    if (a === this.lo) return 0;
    if (a === this.hi) return Infinity;
    let lo = -1;
    let hi = 1;
    while (this.meanAt(lo) > a) lo *= 2;
    while (this.meanAt(hi) < a) hi *= 2;
    // ~60 halvings bring the bracket to 1e-14 of log psi, the limit of double precision.
    while (hi - lo > 1e-14 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
      const mid = (lo + hi) / 2;
      if (mid === lo || mid === hi) break;
      if (this.meanAt(mid) < a) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  }
}
