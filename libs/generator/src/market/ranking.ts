/**
 * How the background algorithms rank. Search and category pages rank by rating plus noise;
 * when the request is personalised they add the merchant's delivery speed to the user's
 * region (the only characteristic `<p>-search` declares). The home feed adds interest by
 * gender and age band, and that delivery speed, when personalised; otherwise it uses the
 * category's platform-wide popularity, the same for everyone. Nothing looks at who sells an
 * item: own-brand items rank exactly as third-party items of the same rating. Sponsored
 * slots go to third-party advertisers and do not depend on the user.
 */
import type { SeededRng } from '../rng';
import { REGIONS } from '../users';
import { CATEGORIES } from './categories';
import type { Catalog, CatalogSku } from './catalog';

export const TOP_K = 10;
const SEARCH_NOISE = 0.3;
const FEED_NOISE = 0.35;
const DELIVERY_SPREAD = 0.1;
const SEARCH_SPONSORED_SHARE = 0.5;
const FEED_SPONSORED_SHARE = 0.4;
const SEARCH_SPONSORED_RANK = 2;
const FEED_SPONSORED_RANK = 4;

export interface RankedItem {
  sku: CatalogSku;
  sponsored: boolean;
}

export class Ranker {
  private readonly byCategory = new Map<string, CatalogSku[]>();
  private readonly adsByCategory = new Map<string, CatalogSku[]>();
  private readonly allAds: CatalogSku[];
  /** Delivery speed of a merchant to each region, a fixed property of its warehouses. */
  private readonly delivery = new Map<string, Float64Array>();

  constructor(private readonly catalog: Catalog, setupRng: SeededRng) {
    for (const category of CATEGORIES) {
      this.byCategory.set(category.id, catalog.skus.filter((s) => s.category.id === category.id));
      this.adsByCategory.set(category.id, catalog.skus.filter((s) => s.category.id === category.id && s.merchant.advertises));
    }
    this.allAds = catalog.skus.filter((s) => s.merchant.advertises);
    for (const m of catalog.merchants) {
      this.delivery.set(m.merchant_id, Float64Array.from(REGIONS, () => setupRng.uniform(-DELIVERY_SPREAD, DELIVERY_SPREAD)));
    }
  }

  search(rng: SeededRng, categoryId: string, traits: Record<string, unknown> | null): RankedItem[] {
    const candidates = this.byCategory.get(categoryId) ?? [];
    const regionIndex = traits ? REGIONS.indexOf(traits.region as (typeof REGIONS)[number]) : -1;
    const scored = candidates.map((sku) => ({
      sku,
      score: sku.rating + rng.normal(0, SEARCH_NOISE) + (regionIndex >= 0 ? this.delivery.get(sku.merchant.merchant_id)![regionIndex] : 0),
    }));
    const ad = rng.bool(SEARCH_SPONSORED_SHARE) ? this.pickAd(rng, this.adsByCategory.get(categoryId) ?? []) : null;
    return withSponsored(topK(scored), ad, SEARCH_SPONSORED_RANK);
  }

  feed(rng: SeededRng, traits: Record<string, unknown> | null): RankedItem[] {
    const regionIndex = traits ? REGIONS.indexOf(traits.region as (typeof REGIONS)[number]) : -1;
    const scored = this.catalog.skus.map((sku) => {
      const c = sku.category;
      const interest = traits
        ? (c.genderAffinity[traits.gender as 'f' | 'm' | 'u'] ?? 0) +
          (c.ageAffinity[traits.age_band as string] ?? 0) +
          (regionIndex >= 0 ? this.delivery.get(sku.merchant.merchant_id)![regionIndex] : 0)
        : c.popularity;
      return { sku, score: 0.5 * sku.rating + interest + rng.normal(0, FEED_NOISE) };
    });
    const ad = rng.bool(FEED_SPONSORED_SHARE) ? this.pickAd(rng, this.allAds) : null;
    return withSponsored(topK(scored), ad, FEED_SPONSORED_RANK);
  }

  private pickAd(rng: SeededRng, ads: CatalogSku[]): CatalogSku | null {
    return ads.length === 0 ? null : rng.pick(ads);
  }
}

function topK(scored: { sku: CatalogSku; score: number }[]): CatalogSku[] {
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_K)
    .map((s) => s.sku);
}

/** Puts the advertiser's item at its slot and keeps the organic order around it. */
function withSponsored(organic: CatalogSku[], ad: CatalogSku | null, rank: number): RankedItem[] {
  if (!ad) return organic.map((sku) => ({ sku, sponsored: false }));
  const rest = organic.filter((s) => s !== ad);
  const items = rest.map((sku) => ({ sku, sponsored: false }));
  items.splice(Math.min(rank - 1, items.length), 0, { sku: ad, sponsored: true });
  return items.slice(0, TOP_K);
}
