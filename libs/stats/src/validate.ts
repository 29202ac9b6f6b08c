/**
 * Input checks shared by every function of the library. A NaN that slips into a test
 * statistic does not fail loudly: every comparison with it is false, so a detector would
 * silently report "nothing significant". We refuse such input instead, naming the argument.
 */

export function requireFinite(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
  }
  return value;
}

export function requireNumber(value: number, what: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`${what} must be a number, got ${String(value)}`);
  }
  return value;
}

export function requireAllFinite(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${what}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

export function requireProbability(p: number, what: string): number {
  requireFinite(p, what);
  if (p < 0 || p > 1) throw new RangeError(`${what} must lie in [0, 1], got ${p}`);
  return p;
}

export function requireCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer count, got ${String(value)}`);
  }
  return value;
}

/** Degrees of freedom: positive, possibly fractional (Welch), possibly Infinity (normal limit). */
export function requireDegreesOfFreedom(df: number, what = 'df'): number {
  requireNumber(df, what);
  if (!(df > 0)) throw new RangeError(`${what} must be positive, got ${df}`);
  return df;
}
