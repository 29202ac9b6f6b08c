/** Distinct reasons kept per file; beyond it they are counted under one key, so a file of random garbage cannot bloat the row. */
const MAX_REASONS = 100;
export const OTHER_REASONS = 'other reasons';

export function mergeRejectionCounts(into: Record<string, number>, add: Record<string, number>): Record<string, number> {
  const out = { ...into };
  for (const [reason, n] of Object.entries(add)) {
    const key = reason in out || Object.keys(out).length < MAX_REASONS ? reason : OTHER_REASONS;
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}
