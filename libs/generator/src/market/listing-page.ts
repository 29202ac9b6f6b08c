/**
 * One snapshot of a product page at midnight. Every claim is true: the reference price comes
 * from the promotion's honest look-back, the countdown ends when the promotion ends, the
 * stock left is the flash-sale stock minus what sold, and "sold in 30 days" never exceeds the
 * units really ordered in the 30 days before the snapshot.
 */
import { dayStartMs, formatTs } from '../clock';
import type { IdRegistry } from '../id-registry';
import { isActive } from './promotion';
import type { SkuLedger } from './sku-ledger';

const SALES_WINDOW_DAYS = 30;

/** Pages round sales claims down ("1,200+"), never up. */
export function roundedDownSales(units: number): number {
  if (units < 10) return units;
  if (units < 1000) return Math.floor(units / 10) * 10;
  return Math.floor(units / 100) * 100;
}

export function listingRecord(platformId: string, ids: IdRegistry, ledger: SkuLedger, day: number): Record<string, unknown> {
  const sku = ledger.sku;
  const record: Record<string, unknown> = {
    platform_id: platformId,
    snapshot_id: ids.next(`${platformId}-l`),
    ts: formatTs(dayStartMs(day)),
    sku_id: sku.sku_id,
    merchant_id: sku.merchant.merchant_id,
    displayed_price: ledger.priceOn(day),
  };
  const promo = ledger.promo;
  if (isActive(promo, day)) {
    if (promo.reference !== null) {
      record.reference_price = promo.reference;
      record.reference_label = promo.referenceLabel;
      record.reference_kind = 'prior_price';
    }
    record.promo_id = promo.promo_id;
    record.promo_type = promo.type;
    record.promo_starts_at = formatTs(dayStartMs(promo.startDay));
    if (promo.type !== 'discount') record.countdown_ends_at = formatTs(dayStartMs(promo.startDay + promo.length) - 1000);
    if (promo.stock !== null) record.claimed_stock_left = promo.stock - promo.sold;
  } else {
    record.promo_type = 'none';
  }
  const sold = ledger.unitsBefore(day, SALES_WINDOW_DAYS);
  if (sku.showsSales && sold > 0) record.claimed_sales_30d = roundedDownSales(sold);
  return record;
}
