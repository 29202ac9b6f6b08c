/**
 * Evidence samples that stay small and do not depend on the order rows arrive in: a sample
 * keeps the `cap` smallest ids it was offered (string order), so two runs over the same rows
 * in any order, or split by platform, keep the same ids.
 */
export function offerSample(sample: string[], id: string, cap: number): void {
  if (sample.length >= cap && id >= sample[sample.length - 1]) return;
  if (sample.includes(id)) return;
  let at = sample.length;
  while (at > 0 && sample[at - 1] > id) at--;
  sample.splice(at, 0, id);
  if (sample.length > cap) sample.pop();
}

/** Merges two samples into the `cap` smallest ids of both. */
export function mergeSamples(a: readonly string[], b: readonly string[], cap: number): string[] {
  return [...new Set([...a, ...b])].sort().slice(0, cap);
}

/** Float comparison with a relative tolerance: thresholds like 1.05 × 100 must count as met at 105. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - 1e-9 * Math.max(1, Math.abs(threshold));
}

/** Strictly above a threshold, with the same tolerance (so 105 is not "above" 1.05 × 100). */
export function above(value: number, threshold: number): boolean {
  return value > threshold + 1e-9 * Math.max(1, Math.abs(threshold));
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF']);

/** Minor units as a readable amount (`CNY 89.90`), for summaries and evidence notes. */
export function formatMoney(minor: number, currency?: string): string {
  const digits = currency && ZERO_DECIMAL.has(currency) ? 0 : 2;
  const amount = (minor / 10 ** digits).toFixed(digits);
  return currency ? `${currency} ${amount}` : amount;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}
