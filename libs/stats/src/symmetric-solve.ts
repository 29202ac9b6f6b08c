/**
 * Solves A x = b for a small symmetric positive-definite A (the k×k normal equations of a
 * regression) and returns A⁻¹ too, for standard errors.
 *
 * Cholesky on the equilibrated matrix D⁻¹AD⁻¹ (D = sqrt(diag A)): scaling to unit diagonal
 * makes the pivot test independent of the units of each regressor (a 0/1 dummy next to a
 * spend in minor units), and a pivot of the scaled matrix is 1 − R² of that column on the
 * previous ones, so `tolerance` reads as "refuse when a regressor is explained by the others
 * to within 1 − tolerance". Returns null for a singular (collinear) system.
 */
export interface SymmetricSolution {
  x: number[];
  inverse: number[][];
}

export function solveSymmetricPositiveDefinite(
  a: readonly (readonly number[])[],
  b: readonly number[],
  tolerance = 1e-10,
): SymmetricSolution | null {
  const k = a.length;
  if (b.length !== k || a.some((row) => row.length !== k)) {
    throw new RangeError(`solveSymmetricPositiveDefinite needs a ${k}×${k} matrix and a vector of ${k}`);
  }
  const d = a.map((row, i) => Math.sqrt(row[i]));
  if (d.some((v) => !(v > 0) || !Number.isFinite(v))) return null;

  // Lower-triangular L with L Lᵀ = D⁻¹ A D⁻¹.
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let pivot = a[j][j] / (d[j] * d[j]);
    for (let m = 0; m < j; m++) pivot -= l[j][m] * l[j][m];
    if (!(pivot > tolerance)) return null;
    l[j][j] = Math.sqrt(pivot);
    for (let i = j + 1; i < k; i++) {
      let s = a[i][j] / (d[i] * d[j]);
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = s / l[j][j];
    }
  }

  const solveScaled = (rhs: number[]): number[] => {
    const y = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      let s = rhs[i];
      for (let m = 0; m < i; m++) s -= l[i][m] * y[m];
      y[i] = s / l[i][i];
    }
    const z = new Array<number>(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = y[i];
      for (let m = i + 1; m < k; m++) s -= l[m][i] * z[m];
      z[i] = s / l[i][i];
    }
    return z;
  };

  // A x = b  ⇔  (D⁻¹AD⁻¹)(D x) = D⁻¹ b.
  const x = solveScaled(b.map((v, i) => v / d[i])).map((v, i) => v / d[i]);
  const inverse = Array.from({ length: k }, (_, col) => {
    const unit = new Array<number>(k).fill(0);
    unit[col] = 1;
    return solveScaled(unit).map((v, i) => v / (d[i] * d[col]));
  });
  // Symmetrise: the two triangles differ by rounding only.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const v = (inverse[i][j] + inverse[j][i]) / 2;
      inverse[i][j] = v;
      inverse[j][i] = v;
    }
  }
  return { x, inverse };
}
