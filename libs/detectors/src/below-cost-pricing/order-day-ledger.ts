import { offerSample } from './bounded-sample';

/**
 * Orders of one day that are evidence for one comparison: how many, and a few of their ids.
 * Allocated on the first such order: most days never have one.
 */
export interface EvidencePool {
  orders: number;
  sample: string[];
}

/** The comparisons a run can rest on (see BelowCostBasis), each with its own evidence orders. */
export interface DayEvidence {
  /** Net unit revenue (unit_price + platform_subsidy) below AVC: variable-cost runs. */
  belowVariable: EvidencePool | null;
  /** Net unit revenue below ATC (AVC where no ATC is declared): total-cost runs. */
  belowTotal: EvidencePool | null;
  /** Buyer unit price below AVC while net revenue is not: the platform's subsidised price. */
  subsidised: EvidencePool | null;
}

/** What one sku sold on one platform day: sums, not rows. */
export interface OrderDay {
  units: number;
  /** Σ quantity × (unit_price + platform_subsidy): what the merchant received. */
  netRevenue: number;
  /** Σ quantity × unit_price: what buyers paid. */
  paid: number;
  /** Orders that themselves fall below the cost a run compares with, per comparison. */
  evidence: DayEvidence;
}

/** The day's declared unit costs, when a cost is valid that day. */
export interface DayCost {
  avc: number;
  atc: number | null;
}

const SAMPLES_PER_DAY = 3;

function offer(pool: EvidencePool | null, orderId: string): EvidencePool {
  const p = pool ?? { orders: 0, sample: [] };
  p.orders++;
  offerSample(p.sample, orderId, SAMPLES_PER_DAY);
  return p;
}

/** The daily sales of one (platform, merchant, sku), aggregated while orders stream past. */
export class OrderDayLedger {
  readonly days = new Map<number, OrderDay>();
  /** Lowest currency code seen, so the choice does not depend on row order. */
  currency: string | null = null;

  add(day: number, quantity: number, unitPrice: number, subsidy: number, orderId: string, cost: DayCost | null): void {
    let d = this.days.get(day);
    if (!d) {
      d = { units: 0, netRevenue: 0, paid: 0, evidence: { belowVariable: null, belowTotal: null, subsidised: null } };
      this.days.set(day, d);
    }
    d.units += quantity;
    d.netRevenue += quantity * (unitPrice + subsidy);
    d.paid += quantity * unitPrice;
    if (cost === null) return;
    // An order is evidence for a comparison only when it falls below that comparison's cost
    // itself: a variable-cost run never points at an order priced between AVC and ATC.
    const net = unitPrice + subsidy;
    const e = d.evidence;
    if (net < cost.avc) e.belowVariable = offer(e.belowVariable, orderId);
    if (net < (cost.atc ?? cost.avc)) e.belowTotal = offer(e.belowTotal, orderId);
    if (unitPrice < cost.avc && net >= cost.avc) e.subsidised = offer(e.subsidised, orderId);
  }

  noteCurrency(currency: string): void {
    if (this.currency === null || currency < this.currency) this.currency = currency;
  }
}
