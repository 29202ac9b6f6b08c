/**
 * Monte-Carlo permutation p-value with the +1 correction (Phipson & Smyth 2010): the observed
 * arrangement counts as one of the permutations, so p is never 0 and the test keeps its level.
 * 'greater': large statistics are extreme; 'less': small ones are.
 * Ties count as extreme; compute observed and permuted statistics by the same code path so
 * that equal arrangements give bit-identical values.
 */
import { requireAllFinite, requireFinite } from './validate';

export function permutationPValue(
  observed: number,
  permuted: readonly number[],
  alternative: 'greater' | 'less' = 'greater',
): number {
  requireFinite(observed, 'observed');
  requireAllFinite(permuted, 'permuted');
  if (alternative !== 'greater' && alternative !== 'less') {
    throw new RangeError(`alternative must be 'greater' or 'less', got ${String(alternative)}`);
  }
  let extreme = 0;
  for (const v of permuted) {
    if (alternative === 'greater' ? v >= observed : v <= observed) extreme++;
  }
  return (1 + extreme) / (1 + permuted.length);
}
