import { offerSample } from '../below-cost-pricing/bounded-sample';

/** A snapshot claiming "only N left". */
export interface StockClaim {
  ts: number;
  id: string;
  claim: number;
}

/** Units ordered between one stock claim and the next. */
export interface StockInterval {
  units: number;
  orders: number;
  sampleOrderIds: string[];
}

const SAMPLES_PER_INTERVAL = 3;

/**
 * The stock claims of one sku and the units ordered between consecutive claims. Claims are
 * collected from the listings first; then each order is counted into the interval
 * (claim i, claim i+1] it falls in, found by binary search, so no order is kept.
 */
export class StockClaims {
  readonly claims: StockClaim[] = [];
  intervals: StockInterval[] = [];

  add(claim: StockClaim): void {
    this.claims.push(claim);
  }

  /** Call once every listing has been read, before the first order. */
  seal(): void {
    this.claims.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.intervals = this.claims.slice(1).map(() => ({ units: 0, orders: 0, sampleOrderIds: [] }));
  }

  addOrder(tsMs: number, quantity: number, orderId: string): void {
    // The first claim at or after the order closes its interval.
    let lo = 0;
    let hi = this.claims.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.claims[mid].ts < tsMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0 || lo === this.claims.length) return;
    const interval = this.intervals[lo - 1];
    interval.units += quantity;
    interval.orders++;
    offerSample(interval.sampleOrderIds, orderId, SAMPLES_PER_INTERVAL);
  }
}
