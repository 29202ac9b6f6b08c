import type { Merchant, Sku } from '@fairmarket/contract';
import type { DatasetSource } from '../detector';
import { PriceBook } from './price-book';

/** What the comparison needs to know about a shown item. */
export interface CatalogItem {
  own: boolean;
  rating?: number;
  /** Typical price in minor units: median displayed price, else median quoted price. */
  price?: number;
  merchant_size?: string;
}

/**
 * Merchants, skus and typical prices of a dataset, keyed by platform. An item is "own" when
 * the sku says `own_brand`, or, when the sku is silent, when its merchant is self_operated
 * (the default of events.md). A sku's price is the median `displayed_price` of its listing
 * snapshots; skus without listings fall back to the median `price` of their quotes.
 */
export class SkuCatalog {
  private readonly merchants = new Map<string, Merchant>();
  private readonly skus = new Map<string, Sku>();
  private readonly listingPrices = new PriceBook();
  private readonly quotePrices = new PriceBook();
  /** platform → sku → merchant → item: shown items are looked up ten per request, without building keys. */
  private readonly resolved = new Map<string, Map<string, Map<string, CatalogItem>>>();

  static async load(source: DatasetSource): Promise<SkuCatalog> {
    const catalog = new SkuCatalog();
    for await (const m of source.rows('merchants')) catalog.merchants.set(key(m.platform_id, m.merchant_id), m);
    for await (const s of source.rows('skus')) catalog.skus.set(key(s.platform_id, s.sku_id), s);
    for await (const l of source.rows('listings')) catalog.listingPrices.add(key(l.platform_id, l.sku_id), l.snapshot_id, l.displayed_price);
    // Quotes are the largest file: read them only when some sku has no listing at all.
    if ([...catalog.skus.keys()].some((k) => !catalog.listingPrices.has(k))) {
      for await (const q of source.rows('price_quotes')) {
        const k = key(q.platform_id, q.sku_id);
        if (!catalog.listingPrices.has(k)) catalog.quotePrices.add(k, q.quote_id, q.price);
      }
    }
    return catalog;
  }

  item(platformId: string, skuId: string, merchantId: string): CatalogItem {
    let bySku = this.resolved.get(platformId);
    if (!bySku) this.resolved.set(platformId, (bySku = new Map()));
    let byMerchant = bySku.get(skuId);
    if (!byMerchant) bySku.set(skuId, (byMerchant = new Map()));
    const memo = byMerchant.get(merchantId);
    if (memo) return memo;
    const k = key(platformId, skuId);
    const sku = this.skus.get(k);
    const merchant = this.merchants.get(key(platformId, sku?.merchant_id ?? merchantId));
    const item: CatalogItem = {
      own: sku?.own_brand ?? merchant?.kind === 'self_operated',
      rating: sku?.rating,
      price: this.listingPrices.price(k) ?? this.quotePrices.price(k),
      merchant_size: merchant?.size,
    };
    byMerchant.set(merchantId, item);
    return item;
  }

  /** Merchants of a platform (for exposure figures that count merchants never shown). */
  merchantsOf(platformId: string): Merchant[] {
    return [...this.merchants.values()].filter((m) => m.platform_id === platformId);
  }

  merchant(platformId: string, merchantId: string): Merchant | undefined {
    return this.merchants.get(key(platformId, merchantId));
  }
}

function key(platformId: string, id: string): string {
  return `${platformId}\u0001${id}`;
}
