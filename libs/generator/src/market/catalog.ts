/**
 * Merchants and their products on one platform: one self-operated retailer (selling the
 * platform's own brand next to other brands) and third-party shops of every size, each with
 * a main category. The hidden economics of a sku (cost, base price, popularity) live here;
 * only the fields of shared/spec/events.md are written out.
 */
import type { IdRegistry } from '../id-registry';
import type { SeededRng } from '../rng';
import { CATEGORIES, type CategorySpec } from './categories';

export interface CatalogMerchant {
  merchant_id: string;
  name: string;
  kind: 'self_operated' | 'third_party';
  size: 'small' | 'medium' | 'large';
  registered_at: string;
  /** Buys sponsored slots in search and the feed (third-party sellers only). */
  advertises: boolean;
}

export interface CatalogSku {
  sku_id: string;
  merchant: CatalogMerchant;
  category: CategorySpec;
  title: string;
  own_brand: boolean;
  rating: number;
  listPrice: number;
  /** The everyday selling price around which daily prices move. */
  basePrice: number;
  avc: number;
  atc: number;
  /** Relative demand (browsing and buying). */
  popularity: number;
  /** Shows "N sold in the last 30 days" on its page. */
  showsSales: boolean;
}

export interface Catalog {
  merchants: CatalogMerchant[];
  skus: CatalogSku[];
}

const THIRD_PARTY_MERCHANTS = 29;
const SIZE_DEMAND: Record<CatalogMerchant['size'], number> = { small: 0.6, medium: 1, large: 1.6 };
const SHOP_WORDS = ['优选', '良品', '旗舰店', '专营店', 'Store', 'Shop', '生活馆', '工坊'];
const SHOP_STEMS = ['山海', '青禾', '北辰', '南风', '晨光', 'Hill Farm', 'Blue Harbor', '星河', '木子', 'Sunrise', '云间', '知味'];

function roundListPrice(raw: number): number {
  const step = raw >= 10_000 ? 1000 : 100;
  return Math.max(step, Math.round(raw / step) * step) - step / 10;
}

function drawRating(rng: SeededRng): number {
  return Math.min(4.9, Math.max(3.5, Math.round(rng.normal(4.3, 0.3) * 10) / 10));
}

function makeSku(rng: SeededRng, ids: IdRegistry, platformId: string, merchant: CatalogMerchant, category: CategorySpec, ownBrand: boolean): CatalogSku {
  const [lo, hi] = category.listPrice;
  const listPrice = roundListPrice(Math.exp(rng.uniform(Math.log(lo), Math.log(hi))));
  const rating = drawRating(rng);
  const brand = ownBrand ? '平台自有品牌 ' : merchant.kind === 'self_operated' ? '品牌直供 ' : '';
  return {
    sku_id: ids.next(`${platformId}-s`),
    merchant,
    category,
    title: brand + rng.pick(category.nouns),
    own_brand: ownBrand,
    rating,
    listPrice,
    // Everyday prices sit 2–5% under list; daily moves of ±2% keep every rise below 5%.
    basePrice: Math.round(listPrice * rng.uniform(0.95, 0.98)),
    avc: Math.round(listPrice * rng.uniform(0.55, 0.68)),
    atc: Math.round(listPrice * rng.uniform(0.74, 0.8)),
    popularity: rng.lognormal(0, 0.5) * SIZE_DEMAND[merchant.size] * (0.6 + (rating - 3.5) * 0.4),
    showsSales: rng.bool(0.8),
  };
}

function registeredAt(rng: SeededRng): string {
  const year = rng.int(2016, 2025);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function generateCatalog(rng: SeededRng, ids: IdRegistry, platformId: string): Catalog {
  const merchants: CatalogMerchant[] = [];
  const skus: CatalogSku[] = [];

  const retailer: CatalogMerchant = {
    merchant_id: ids.next(`${platformId}-m`),
    name: '平台自营旗舰店',
    kind: 'self_operated',
    size: 'large',
    registered_at: '2015-06-01',
    advertises: false,
  };
  merchants.push(retailer);
  // The own brand covers everyday goods; the retailer also resells other brands' phones.
  for (const categoryId of ['home.kitchen', 'electronics.earbuds', 'fresh.fruit', 'beauty.skincare', 'toys']) {
    const category = CATEGORIES.find((c) => c.id === categoryId)!;
    const count = rng.int(1, 2);
    for (let i = 0; i < count; i++) skus.push(makeSku(rng, ids, platformId, retailer, category, true));
  }
  const phones = CATEGORIES.find((c) => c.id === 'electronics.phone')!;
  for (let i = 0; i < 3; i++) skus.push(makeSku(rng, ids, platformId, retailer, phones, false));

  for (let m = 0; m < THIRD_PARTY_MERCHANTS; m++) {
    const primary = CATEGORIES[m % CATEGORIES.length];
    const size = (['small', 'medium', 'large'] as const)[rng.weighted([0.5, 0.35, 0.15])];
    const merchant: CatalogMerchant = {
      merchant_id: ids.next(`${platformId}-m`),
      name: `${rng.pick(SHOP_STEMS)}${rng.pick(SHOP_WORDS)}`,
      kind: 'third_party',
      size,
      registered_at: registeredAt(rng),
      advertises: rng.bool(0.35),
    };
    merchants.push(merchant);
    const count = rng.int(4, 6) + (size === 'large' ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const category = rng.bool(0.8) ? primary : rng.pick(CATEGORIES);
      skus.push(makeSku(rng, ids, platformId, merchant, category, false));
    }
  }
  return { merchants, skus };
}

export function merchantRecord(platformId: string, m: CatalogMerchant): Record<string, unknown> {
  return { platform_id: platformId, merchant_id: m.merchant_id, name: m.name, kind: m.kind, size: m.size, registered_at: m.registered_at };
}

export function skuRecord(platformId: string, s: CatalogSku): Record<string, unknown> {
  return {
    platform_id: platformId,
    sku_id: s.sku_id,
    merchant_id: s.merchant.merchant_id,
    category: s.category.id,
    title: s.title,
    own_brand: s.own_brand,
    rating: s.rating,
    perishable: s.category.perishable,
  };
}

export function costRecord(platformId: string, s: CatalogSku, audited: boolean): Record<string, unknown> {
  return {
    platform_id: platformId,
    sku_id: s.sku_id,
    merchant_id: s.merchant.merchant_id,
    valid_from: '2026-01-01',
    unit_variable_cost: s.avc,
    unit_total_cost: s.atc,
    source: audited ? 'audit' : 'merchant_declared',
  };
}
