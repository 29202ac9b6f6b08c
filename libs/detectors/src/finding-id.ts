import { createHash } from 'node:crypto';

const PREFIX: Record<string, string> = {
  price_discrimination: 'pd',
  below_cost_pricing: 'bc',
  fake_promotion: 'fp',
  exclusivity_clause: 'ec',
  exclusivity_conduct: 'ex',
  personalization_opt_out: 'po',
  self_preferencing: 'sp',
  filing_inconsistency: 'fi',
};

/**
 * A finding id that stays the same when the same dataset is analysed again under the same
 * rule pack, so a re-run updates an alert instead of creating a second one. `key` holds what
 * identifies the finding's subject (never its metrics), in a fixed order.
 */
export function findingId(detector: string, rulePack: string, platformId: string, key: readonly unknown[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([detector, rulePack, platformId, ...key]))
    .digest('hex');
  return `${PREFIX[detector] ?? 'f'}-${digest.slice(0, 8)}`;
}
