/**
 * Compensated (double-double) accumulation on (sum, compensation) pairs stored side by side
 * in a Float64Array: `acc[at]` holds the running sum, `acc[at + 1]` what rounding lost so far,
 * and the value is their sum. Kahan–Babuška–Neumaier for sums, Dekker's exact product for
 * products: the total carries ~30 significant digits whatever the number of terms, which is
 * what lets the within-stratum regression subtract large raw sums without losing its answer,
 * and lets partial results summed in another order or split across jobs agree to the last bit
 * (unless the exact total sits within ~1e-30, relative, of a rounding boundary).
 * Plain `+=` drifts by O(n) roundings instead.
 */

/** 2^27 + 1: splits a double into two halves whose products are exact (Dekker 1971). */
const SPLITTER = 134217729;

/** The rounding error of p = a·b, so that a·b = p + error exactly (barring overflow). */
export function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const aHi = c - (c - a);
  const aLo = a - aHi;
  c = SPLITTER * b;
  const bHi = c - (c - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** Adds `x` to the pair at `at`. */
export function addCompensated(acc: Float64Array, at: number, x: number): void {
  const sum = acc[at];
  const next = sum + x;
  // TwoSum error term (Neumaier's branch keeps it exact whichever operand is larger).
  acc[at + 1] += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
  acc[at] = next;
}

/** Adds the exact product a·b to the pair at `at`. */
export function addProduct(acc: Float64Array, at: number, a: number, b: number): void {
  const p = a * b;
  addCompensated(acc, at, p);
  acc[at + 1] += productError(a, b, p);
}

/**
 * Adds (u · v) / divisor to the pair at `acc[at]`, where u and v are the pairs at `source[ui]`
 * and `source[vi]`, carrying the double-double precision through the product and the division.
 */
export function addPairProductQuotient(
  acc: Float64Array,
  at: number,
  source: Float64Array,
  ui: number,
  vi: number,
  divisor: number,
): void {
  const uHi = source[ui];
  const uLo = source[ui + 1];
  const vHi = source[vi];
  const vLo = source[vi + 1];
  const p = uHi * vHi;
  const pLo = productError(uHi, vHi, p) + uHi * vLo + uLo * vHi;
  const q = p / divisor;
  // p + pLo − q·divisor, exactly for the first part: q·divisor = back + backError.
  const back = q * divisor;
  const remainder = (p - back - productError(q, divisor, back) + pLo) / divisor;
  addCompensated(acc, at, q);
  acc[at + 1] += remainder;
}

/** Adds the pair at `from` of `source` into the pair at `at` of `acc`. */
export function mergeCompensated(acc: Float64Array, at: number, source: Float64Array, from: number): void {
  addCompensated(acc, at, source[from]);
  acc[at + 1] += source[from + 1];
}

/** The value of the pair at `at`. */
export function compensatedValue(acc: Float64Array, at: number): number {
  return acc[at] + acc[at + 1];
}

/** (pair at a[at]) − (pair at b[bt]), rounded once: no cancellation between the leading parts. */
export function compensatedDifference(a: Float64Array, at: number, b: Float64Array, bt: number): number {
  const x = a[at];
  const y = -b[bt];
  const d = x + y;
  const error = Math.abs(x) >= Math.abs(y) ? x - d + y : y - d + x;
  return d + (error + a[at + 1] - b[bt + 1]);
}

/** Compensated sum of an array. */
export function compensatedSum(values: readonly number[]): number {
  const acc = new Float64Array(2);
  for (const v of values) addCompensated(acc, 0, v);
  return compensatedValue(acc, 0);
}
