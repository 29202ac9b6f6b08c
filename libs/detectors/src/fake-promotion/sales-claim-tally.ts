import type { FakePromotionRules } from '@fairmarket/rules';
import { above, offerSample } from '../below-cost-pricing/bounded-sample';
import { covers, type PlatformCoverage } from './check-context';

export interface JudgedSalesClaim {
  id: string;
  ts: number;
  day: number;
  claim: number;
  units: number;
  limit: number;
}

const SNAPSHOT_SAMPLES = 40;
const ORDER_SAMPLES = 10;

/**
 * "N sold in the last 30 days" claims of one sku, judged one by one as the listings stream
 * past a second time, against the units ordered per day (gathered in the orders pass). Only
 * the units per day, the worst claim and a sample of ids are kept.
 */
export class SalesClaimTally {
  private readonly unitsByDay = new Map<number, number>();
  private days: number[] = [];
  private cumulative: number[] = [];
  checked = 0;
  over = 0;
  worst: JudgedSalesClaim | null = null;
  readonly overSampleIds: string[] = [];
  firstOverWindowDay: number | null = null;
  lastOverTs: number | null = null;
  /** Filled by an evidence pass over the orders, for findings only. */
  readonly windowOrderIds: string[] = [];
  windowOrders = 0;

  addOrder(day: number, quantity: number): void {
    this.unitsByDay.set(day, (this.unitsByDay.get(day) ?? 0) + quantity);
  }

  /** After the orders pass: cumulative units by day, for window sums by binary search. */
  seal(): void {
    this.days = [...this.unitsByDay.keys()].sort((a, b) => a - b);
    let sum = 0;
    this.cumulative = this.days.map((d) => (sum += this.unitsByDay.get(d) as number));
    this.unitsByDay.clear();
  }

  /** Units ordered on days [fromDay, toDay]. */
  unitsBetween(fromDay: number, toDay: number): number {
    return this.unitsUpTo(toDay) - this.unitsUpTo(fromDay - 1);
  }

  judge(id: string, ts: number, day: number, claim: number, rules: FakePromotionRules, coverage: PlatformCoverage): void {
    const fromDay = day - rules.sales_window_days;
    if (!covers(coverage.firstOrderDay, coverage.lastOrderDay, fromDay, day - 1)) return;
    this.checked++;
    const units = this.unitsBetween(fromDay, day - 1);
    const limit = rules.inflated_sales_ratio * units + rules.inflated_sales_slack;
    if (!above(claim, limit)) return;
    this.over++;
    offerSample(this.overSampleIds, id, SNAPSHOT_SAMPLES);
    this.firstOverWindowDay = this.firstOverWindowDay === null ? fromDay : Math.min(this.firstOverWindowDay, fromDay);
    this.lastOverTs = this.lastOverTs === null ? ts : Math.max(this.lastOverTs, ts);
    const judged = { id, ts, day, claim, units, limit };
    const w = this.worst;
    if (!w || claim / limit > w.claim / w.limit || (claim / limit === w.claim / w.limit && id < w.id)) this.worst = judged;
  }

  /** Evidence pass: orders inside the worst claim's window. */
  addWindowOrder(day: number, orderId: string, windowDays: number): void {
    const w = this.worst;
    if (!w || day < w.day - windowDays || day >= w.day) return;
    this.windowOrders++;
    offerSample(this.windowOrderIds, orderId, ORDER_SAMPLES);
  }

  private unitsUpTo(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.cumulative[lo - 1];
  }
}
