/** |actual − expected| <= tolerance · |expected|, with a readable failure. */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  if (!(error <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} (relative) of ${expected}; relative error ${error}`);
  }
}
