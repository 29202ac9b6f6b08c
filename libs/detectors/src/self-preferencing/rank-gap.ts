import type { ImpressionItem } from '@fairmarket/contract';
import type { SelfPreferencingRules } from '@fairmarket/rules';
import type { CatalogItem } from './sku-catalog';

/** An item as shown, with what the catalog knows about it. */
export interface ShownItem {
  item: ImpressionItem;
  info: CatalogItem;
}

/** An own item and a comparable third-party item shown in the same request. */
export interface ComparablePair {
  own: ShownItem;
  rival: ShownItem;
  /** rival rank - own rank: positive when the own item sits higher. */
  gap: number;
}

export interface RequestGap {
  /** Mean gap over the request's comparable pairs. */
  gap: number;
  pairs: number;
  ownAbove: number;
  /** The pair with the widest gap (ties: lowest own rank), for evidence. */
  widest: ComparablePair;
}

const EPSILON = 1e-9;

/**
 * The per-request rank gap between own items and third-party items of comparable quality:
 * ratings within `rating_tolerance` and prices within `price_tolerance` of the third-party
 * item's price. Items without a rating or a price cannot be compared and are left out.
 * Null when the request shows no comparable pair.
 */
export function requestRankGap(shown: readonly ShownItem[], rules: SelfPreferencingRules): RequestGap | null {
  const comparable = (s: ShownItem) => s.info.rating !== undefined && s.info.price !== undefined;
  const own = shown.filter((s) => s.info.own && comparable(s));
  if (own.length === 0) return null;
  const rivals = shown.filter((s) => !s.info.own && comparable(s));
  let sum = 0;
  let pairs = 0;
  let ownAbove = 0;
  let widest: ComparablePair | null = null;
  for (const o of own) {
    for (const t of rivals) {
      if (Math.abs(o.info.rating! - t.info.rating!) > rules.rating_tolerance + EPSILON) continue;
      if (Math.abs(o.info.price! - t.info.price!) > rules.price_tolerance * t.info.price! + EPSILON) continue;
      const gap = t.item.rank - o.item.rank;
      sum += gap;
      pairs++;
      if (gap > 0) ownAbove++;
      if (!widest || gap > widest.gap || (gap === widest.gap && o.item.rank < widest.own.item.rank)) widest = { own: o, rival: t, gap };
    }
  }
  if (!widest) return null;
  return { gap: sum / pairs, pairs, ownAbove, widest };
}
