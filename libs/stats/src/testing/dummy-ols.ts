/**
 * Reference for WithinEstimator tests: ordinary least squares with an explicit dummy column
 * per stratum, solved by brute force (normal equations, Gaussian elimination with partial
 * pivoting, residuals computed observation by observation). Deliberately shares no code with
 * the estimator under test.
 */
export interface Observation {
  stratum: string;
  y: number;
  x: number[];
}

export interface DummyOlsFit {
  coef: number[];
  se: number[];
  t: number[];
  df: number;
  sigma2: number;
}

function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const m = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col];
    if (Math.abs(p) < 1e-12) throw new Error('reference design is singular');
    for (let j = 0; j < 2 * n; j++) m[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[col][j];
    }
  }
  return m.map((row) => row.slice(n));
}

export function dummyOls(observations: Observation[], k: number): DummyOlsFit {
  const strata = [...new Set(observations.map((o) => o.stratum))];
  const p = strata.length + k;
  const design = observations.map((o) => [...strata.map((s) => (s === o.stratum ? 1 : 0)), ...o.x]);
  const xtx = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => design.reduce((s, row) => s + row[i] * row[j], 0)),
  );
  const xty = Array.from({ length: p }, (_, i) => design.reduce((s, row, r) => s + row[i] * observations[r].y, 0));
  const inv = invert(xtx);
  const beta = inv.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  const rss = observations.reduce((s, o, r) => {
    const fitted = design[r].reduce((f, v, j) => f + v * beta[j], 0);
    return s + (o.y - fitted) ** 2;
  }, 0);
  const df = observations.length - p;
  const sigma2 = rss / df;
  const coef = beta.slice(strata.length);
  const se = coef.map((_, i) => Math.sqrt(sigma2 * inv[strata.length + i][strata.length + i]));
  return { coef, se, t: coef.map((b, i) => b / se[i]), df, sigma2 };
}
