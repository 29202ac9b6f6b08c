import { offerSample } from './bounded-sample';

/** What one sku sold on one platform day: sums, not rows. */
export interface OrderDay {
  units: number;
  /** Σ quantity × (unit_price + platform_subsidy): what the merchant received. */
  netRevenue: number;
  /** Σ quantity × unit_price: what buyers paid. */
  paid: number;
  /** Orders whose buyer price was below the day's highest declared cost (the evidence pool). */
  belowCostOrders: number;
  /** Allocated on the first below-cost order: most days never have one. */
  sampleOrderIds: string[] | null;
}

const SAMPLES_PER_DAY = 3;

/** The daily sales of one (platform, merchant, sku), aggregated while orders stream past. */
export class OrderDayLedger {
  readonly days = new Map<number, OrderDay>();
  /** Lowest currency code seen, so the choice does not depend on row order. */
  currency: string | null = null;

  add(day: number, quantity: number, unitPrice: number, subsidy: number, orderId: string, costCeiling: number | null): void {
    let d = this.days.get(day);
    if (!d) {
      d = { units: 0, netRevenue: 0, paid: 0, belowCostOrders: 0, sampleOrderIds: null };
      this.days.set(day, d);
    }
    d.units += quantity;
    d.netRevenue += quantity * (unitPrice + subsidy);
    d.paid += quantity * unitPrice;
    // A day's mean can only fall below a cost if some order's buyer price does, so these
    // orders are the ones worth pointing at; the others are never evidence.
    if (costCeiling !== null && unitPrice < costCeiling) {
      d.belowCostOrders++;
      d.sampleOrderIds ??= [];
      offerSample(d.sampleOrderIds, orderId, SAMPLES_PER_DAY);
    }
  }

  noteCurrency(currency: string): void {
    if (this.currency === null || currency < this.currency) this.currency = currency;
  }
}
