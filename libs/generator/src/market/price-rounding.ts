/** Shelf prices end in whole jiao, and in whole yuan for goods of 1,000 yuan and more. */
function step(raw: number): number {
  return raw >= 100_000 ? 100 : 10;
}

export function roundPrice(raw: number): number {
  return Math.round(raw / step(raw)) * step(raw);
}

/** The smallest shelf price at or above `raw`. */
export function ceilPrice(raw: number): number {
  return Math.ceil(raw / step(raw)) * step(raw);
}
