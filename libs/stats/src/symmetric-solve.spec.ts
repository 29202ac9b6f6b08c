import { solveSymmetricPositiveDefinite } from './symmetric-solve';

describe('solveSymmetricPositiveDefinite', () => {
  it('solves a known 3×3 system and inverts it', () => {
    // A = [[4, 2, 0.4], [2, 10, 3], [0.4, 3, 5]], x = [1, -2, 0.5] ⇒ b = A x.
    const a = [
      [4, 2, 0.4],
      [2, 10, 3],
      [0.4, 3, 5],
    ];
    const xTrue = [1, -2, 0.5];
    const b = a.map((row) => row.reduce((s, v, j) => s + v * xTrue[j], 0));
    const sol = solveSymmetricPositiveDefinite(a, b);
    expect(sol).not.toBeNull();
    sol!.x.forEach((v, i) => expect(v).toBeCloseTo(xTrue[i], 13));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = a[i].reduce((s, v, m) => s + v * sol!.inverse[m][j], 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 13);
      }
    }
  });

  it('is indifferent to the units of each column (equilibration)', () => {
    // Column 2 in minor units: scale by 1e6 on both sides.
    const a = [
      [2, 1e6],
      [1e6, 3e12],
    ];
    const sol = solveSymmetricPositiveDefinite(a, [3, 4e6]);
    // Unscaled system [[2, 1], [1, 3]] y = [3, 4] has y = [1, 1]; x = [1, 1e-6].
    expect(sol!.x[0]).toBeCloseTo(1, 12);
    expect(sol!.x[1] * 1e6).toBeCloseTo(1, 12);
  });

  it('returns null for singular, collinear or non-positive systems', () => {
    expect(solveSymmetricPositiveDefinite([[1, 2], [2, 4]], [1, 2])).toBeNull();
    expect(solveSymmetricPositiveDefinite([[0, 0], [0, 1]], [0, 1])).toBeNull();
    expect(solveSymmetricPositiveDefinite([[1, 1 - 1e-12], [1 - 1e-12, 1]], [1, 1])).toBeNull();
    expect(solveSymmetricPositiveDefinite([[-1]], [1])).toBeNull();
    expect(() => solveSymmetricPositiveDefinite([[1, 0]], [1])).toThrow(RangeError);
  });
});
