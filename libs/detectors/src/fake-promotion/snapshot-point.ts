/** One snapshot reduced to what the tests compare: when, which, at what price. */
export interface SnapshotPoint {
  ts: number;
  id: string;
  price: number;
}

/** Time order with the id as tie-break, so "first" and "last" never depend on row order. */
export function isBefore(a: SnapshotPoint, b: SnapshotPoint): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.id < b.id);
}

export function earlier(a: SnapshotPoint | null, b: SnapshotPoint): SnapshotPoint {
  return a === null || isBefore(b, a) ? b : a;
}

export function later(a: SnapshotPoint | null, b: SnapshotPoint): SnapshotPoint {
  return a === null || isBefore(a, b) ? b : a;
}

/** The lower price, the smaller id on a tie. */
export function cheaper(a: SnapshotPoint | null, b: SnapshotPoint): SnapshotPoint {
  return a === null || b.price < a.price || (b.price === a.price && b.id < a.id) ? b : a;
}

/** The higher price, the smaller id on a tie. */
export function dearer(a: SnapshotPoint | null, b: SnapshotPoint): SnapshotPoint {
  return a === null || b.price > a.price || (b.price === a.price && b.id < a.id) ? b : a;
}
