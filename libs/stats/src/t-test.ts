/**
 * Student t-tests from summaries (n, mean, sample variance), so detectors can stream their
 * groups through RunningSummary and never hold the observations.
 *
 * Degenerate samples. With n < 2 in a group the variance is undefined: we throw, and detectors
 * must apply their minimum group size first. With zero variance (every observation equal) the
 * standard error is 0 and R's t.test stops with "data are essentially constant"; we answer
 * instead, because a detector must decide: equal means give t = 0 and p = 1 (no evidence of a
 * difference), different means give t = ±Infinity and p = 0 (every observation of one group
 * differs from every observation of the other by the same amount: a certain difference).
 * The interval is then the point [diff, diff], and df is n - 1 (one sample) or na + nb - 2.
 */
import type { Summary } from './running-summary';
import { tCdf, tQuantile } from './distributions';
import { requireFinite } from './validate';

export interface TTestResult {
  /** Estimated difference: a.mean − b.mean (Welch) or mean − mu (one sample). */
  diff: number;
  /** Standard error of diff. */
  se: number;
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** 95% confidence interval for diff. */
  ci95: [number, number];
}

function requireSummary(s: Summary, what: string): void {
  if (typeof s !== 'object' || s === null) throw new RangeError(`${what} must be a Summary { n, mean, variance }`);
  if (!Number.isSafeInteger(s.n) || s.n < 2) {
    throw new RangeError(`${what} needs at least 2 observations for a t-test, got n = ${String(s.n)}`);
  }
  requireFinite(s.mean, `${what}.mean`);
  requireFinite(s.variance, `${what}.variance`);
  if (s.variance < 0) throw new RangeError(`${what}.variance cannot be negative, got ${s.variance}`);
}

/** Finishes a test from its estimate, standard error and df (shared by both tests). */
export function tTestResult(diff: number, se: number, df: number): TTestResult {
  if (se === 0) {
    // Zero variance: see the file comment for why these answers.
    const t = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
    return { diff, se, t, df, p: diff === 0 ? 1 : 0, ci95: [diff, diff] };
  }
  const t = diff / se;
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const half = tQuantile(0.975, df) * se;
  return { diff, se, t, df, p, ci95: [diff - half, diff + half] };
}

/**
 * Welch's two-sample t-test (unequal variances), as R's t.test(x, y, var.equal = FALSE):
 * df by Welch–Satterthwaite, two-sided p.
 */
export function welchTTest(a: Summary, b: Summary): TTestResult {
  requireSummary(a, 'a');
  requireSummary(b, 'b');
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  const diff = a.mean - b.mean;
  const df = se === 0 ? a.n + b.n - 2 : (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return tTestResult(diff, se, df);
}

/** One-sample t-test of mean = mu, as R's t.test(x, mu = mu). */
export function oneSampleTTest(s: Summary, mu = 0): TTestResult {
  requireSummary(s, 's');
  requireFinite(mu, 'mu');
  return tTestResult(s.mean - mu, Math.sqrt(s.variance / s.n), s.n - 1);
}
