/**
 * Fisher's exact test for a 2×2 table of counts, as R's fisher.test. Conditional on the
 * margins, the top-left cell follows a hypergeometric distribution.
 *
 *            | col 1 | col 2
 *     row 1  |   a   |   b
 *     row 2  |   c   |   d
 *
 * 'greater' asks whether `a` is larger than expected under independence (odds ratio > 1),
 * 'less' whether it is smaller; 'two-sided' sums the probabilities of every table no more
 * likely than the observed one, with R's relative tolerance 1 + 1e-7 so that tables of equal
 * probability computed with different roundings count alike.
 */
import { hypergeometricCdf } from './distributions';
import { HypergeometricSupport } from './hypergeometric-support';
import { requireCount } from './validate';

export type FisherAlternative = 'greater' | 'less' | 'two-sided';

export interface FisherExactResult {
  p: number;
  /** Sample odds ratio (a·d)/(b·c): Infinity when only b·c is 0, NaN when both products are 0. */
  oddsRatio: number;
  /**
   * Conditional maximum-likelihood estimate of the odds ratio: what R's fisher.test prints as
   * "sample estimates: odds ratio" (0 or Infinity when `a` sits at an end of its range).
   */
  conditionalOddsRatio: number;
}

export function fisherExact(
  table: [[number, number], [number, number]],
  alternative: FisherAlternative = 'two-sided',
): FisherExactResult {
  if (!Array.isArray(table) || table.length !== 2 || table.some((r) => !Array.isArray(r) || r.length !== 2)) {
    throw new RangeError('fisherExact needs a 2×2 table [[a, b], [c, d]]');
  }
  const [[a, b], [c, d]] = table;
  [a, b, c, d].forEach((v, i) => requireCount(v, `table cell ${['a', 'b', 'c', 'd'][i]}`));
  const col1 = a + c;
  const col2 = b + d;
  const row1 = a + b;
  const total = col1 + col2;
  const support = new HypergeometricSupport(col1, col2, row1);

  let p: number;
  if (alternative === 'less') {
    p = hypergeometricCdf(a, total, col1, row1);
  } else if (alternative === 'greater') {
    // P(A >= a) = P(B <= b), where B = row1 − A counts row 1's draws from column 2: a lower
    // tail again, which @stdlib computes accurately even when it is tiny (1 − cdf would not be).
    p = hypergeometricCdf(b, total, col2, row1);
  } else if (alternative === 'two-sided') {
    p = support.twoSidedP(a);
  } else {
    throw new RangeError(`alternative must be 'greater', 'less' or 'two-sided', got ${String(alternative)}`);
  }
  return {
    p: Math.min(1, p),
    oddsRatio: sampleOddsRatio(a, b, c, d),
    conditionalOddsRatio: support.conditionalMle(a),
  };
}

function sampleOddsRatio(a: number, b: number, c: number, d: number): number {
  const num = a * d;
  const den = b * c;
  if (den === 0) return num === 0 ? NaN : Infinity;
  return num / den;
}
