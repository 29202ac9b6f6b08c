/**
 * Benjamini–Hochberg false-discovery-rate control, as R's p.adjust(p, method = "BH"):
 * returns q-values in the input order. A test is a discovery at FDR level α when q <= α.
 * Detectors call it once over every test of a run (in `decide`), never per platform, so the
 * error rate is controlled over the whole dataset.
 */
import { requireProbability } from './validate';

export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  pValues.forEach((p, i) => requireProbability(p, `pValues[${i}]`));
  // Ranks by increasing p; ties keep input order (as R's order()), which cannot change the
  // result since tied p-values end up with the same q.
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j] || i - j);
  const q = new Array<number>(n);
  let running = 1;
  for (let rank = n; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (pValues[i] * n) / rank);
    q[i] = running;
  }
  return q;
}
