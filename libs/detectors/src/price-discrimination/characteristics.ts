/**
 * The user characteristics the detector tests, read from the rule pack: the four families
 * (alerts) and the info-only attributes (region, channel). Three of them are counts and amounts
 * (events.md types them as int) and are scanned for an unknown cut-off; the others are
 * categories, compared level by level.
 */
import type { CharacteristicFamily, PriceDiscriminationRules } from '@fairmarket/rules';
import type { UserTraits } from '@fairmarket/contract';

export type AttributeKind = 'numeric' | 'categorical';

export interface AttributeSpec {
  name: string;
  /** null for info-only attributes. */
  family: CharacteristicFamily | null;
  kind: AttributeKind;
}

/** The `user` fields that events.md types as integers: amounts and counts, not categories. */
const NUMERIC_TRAITS = new Set(['tenure_days', 'orders_90d', 'spend_90d']);

/** Every attribute the rule pack asks about, families first (in the pack's order), then info-only ones. */
export function attributeSpecs(rules: PriceDiscriminationRules): AttributeSpec[] {
  const specs: AttributeSpec[] = [];
  const seen = new Set<string>();
  const add = (name: string, family: CharacteristicFamily | null) => {
    if (seen.has(name)) return;
    seen.add(name);
    specs.push({ name, family, kind: NUMERIC_TRAITS.has(name) ? 'numeric' : 'categorical' });
  };
  for (const [family, names] of Object.entries(rules.families) as [CharacteristicFamily, string[]][]) {
    for (const name of names) add(name, family);
  }
  for (const name of rules.info_attributes) add(name, null);
  return specs;
}

/** A numeric trait's value, or undefined when it is absent or not a finite number. */
export function numericTrait(user: UserTraits | undefined, name: string): number | undefined {
  const v = user?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A categorical trait's level as a string (`true`/`false` for new_user), or undefined when absent. */
export function categoricalTrait(user: UserTraits | undefined, name: string): string | undefined {
  const v = user?.[name];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
  return undefined;
}

/**
 * Numeric values are counted in logarithmic bins before quantiles are taken: 20 bins per
 * doubling (about 3.5% wide), every integer its own bin up to 28. Cut-offs are therefore bin
 * edges, which keeps the per-merchant histogram small whatever the number of distinct values,
 * while a cut still separates spend levels a few percent apart.
 */
const BINS_PER_DOUBLING = 20;

export function valueBin(v: number): number {
  if (v === 0) return 0;
  const magnitude = 1 + Math.floor(BINS_PER_DOUBLING * Math.log2(1 + Math.abs(v)));
  return v > 0 ? magnitude : -magnitude;
}
