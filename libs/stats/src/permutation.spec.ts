import { permutationPValue } from './permutation';

describe('permutationPValue', () => {
  it('is (1 + #{permuted >= observed}) / (1 + m), ties counting as extreme', () => {
    expect(permutationPValue(5, [1, 2, 5, 6, 3])).toBeCloseTo(3 / 6, 15);
    expect(permutationPValue(10, [1, 2, 3])).toBeCloseTo(1 / 4, 15);
    expect(permutationPValue(0, [1, 2, 3])).toBe(1);
  });

  it("'less' counts permuted <= observed", () => {
    expect(permutationPValue(2, [1, 2, 5, 6, 3], 'less')).toBeCloseTo(3 / 6, 15);
    expect(permutationPValue(-1, [1, 2, 3], 'less')).toBeCloseTo(1 / 4, 15);
  });

  it('never returns 0, and is 1 with no permutations', () => {
    expect(permutationPValue(100, new Array(999).fill(0))).toBeCloseTo(0.001, 15);
    expect(permutationPValue(3, [])).toBe(1);
  });

  it('refuses NaN and unknown alternatives', () => {
    expect(() => permutationPValue(NaN, [1])).toThrow(RangeError);
    expect(() => permutationPValue(1, [1, NaN])).toThrow(/permuted\[1\]/);
    expect(() => permutationPValue(1, [1], 'two-sided' as never)).toThrow(/alternative/);
  });
});
