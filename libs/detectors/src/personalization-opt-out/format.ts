/** Number formatting shared by the summaries of the conduct and algorithm detectors. */

/** Rounds for reports: metrics keep a few significant decimals, not float noise. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A p-value as a reader expects it: 0.003, or 1.2e-9 when tiny. */
export function formatP(p: number): string {
  if (p < 0.001) return p.toExponential(1);
  return String(round(p, 3));
}

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** 0.0612 → "6.1%". */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/**
 * A statistic to a few significant digits: sums streamed in a different row order can
 * differ in the last bits, and a report must not.
 */
export function sig(value: number, digits = 6): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
