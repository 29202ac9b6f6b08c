import type { FakePromotionRules } from '@fairmarket/rules';
import type { PlatformCalendar } from '../below-cost-pricing/platform-calendar';
import type { PromotionRecord } from './promotion-record';
import { cheaper, dearer, earlier, later, type SnapshotPoint } from './snapshot-point';

/** The regular (non-promotion) snapshots of one day. */
export interface RegularDay {
  first: SnapshotPoint;
  lowest: SnapshotPoint;
  highest: SnapshotPoint;
}

/** Every snapshot of one day after a countdown's claimed end. */
export interface AfterEndDay {
  highest: SnapshotPoint;
  last: SnapshotPoint;
}

/**
 * How many days after a claimed end are followed to see whether the promotion price went on.
 * A bound keeps memory per promotion, not per day of the dataset; a streak this long is
 * reported as at least this long.
 */
export const OVERRUN_HORIZON_DAYS = 90;

/**
 * What one promotion's tests need from the rows around it, collected once its start and
 * claimed end are known (after a first pass over the listings): the look-back for the
 * reference price, the regular prices before it, and the days after its claimed end. Memory
 * is bounded per promotion (at most the look-back and horizon days), never per dataset day.
 */
export class PromotionWindows {
  readonly startDay: number;
  readonly lookbackFrom: number;
  readonly raiseFrom: number;
  /** Day of the last claimed countdown end, or null without a countdown. */
  readonly endDay: number | null;

  lowestOrder: SnapshotPoint | null = null;
  lastOrderBefore: SnapshotPoint | null = null;
  lowestDisplayed: SnapshotPoint | null = null;
  regularBefore: SnapshotPoint | null = null;
  readonly regularDays = new Map<number, RegularDay>();
  readonly afterEnd = new Map<number, AfterEndDay>();

  constructor(
    readonly promo: PromotionRecord,
    rules: FakePromotionRules,
    calendar: PlatformCalendar,
  ) {
    this.startDay = calendar.dayOf(promo.startMs);
    this.lookbackFrom = this.startDay - rules.prior_price_lookback_days;
    this.raiseFrom = this.startDay - rules.raise_lookback_days;
    const lastEnd = promo.lastEnd();
    this.endDay = lastEnd ? calendar.dayOf(lastEnd.endMs) : null;
  }

  addOrder(day: number, point: SnapshotPoint): void {
    if (this.promo.references.size === 0) return;
    if (day >= this.lookbackFrom && day < this.startDay) this.lowestOrder = cheaper(this.lowestOrder, point);
    else if (day < this.lookbackFrom) this.lastOrderBefore = later(this.lastOrderBefore, point);
  }

  /**
   * `shown`: the promotion the snapshot belongs to, and whether it shows a countdown whose end
   * is still ahead. After the claimed end, a snapshot of ANOTHER promotion with its own live
   * countdown is that promotion's price, honestly limited, not this one's going on.
   */
  addListing(day: number, point: SnapshotPoint, regular: boolean, shown: { promotion: string | null; liveCountdown: boolean } = { promotion: null, liveCountdown: false }): void {
    if (this.promo.references.size > 0 && day >= this.lookbackFrom && day < this.startDay) {
      this.lowestDisplayed = cheaper(this.lowestDisplayed, point);
    }
    if (regular && day < this.raiseFrom) this.regularBefore = later(this.regularBefore, point);
    if (regular && day >= this.raiseFrom && day < this.startDay) {
      const r = this.regularDays.get(day);
      this.regularDays.set(
        day,
        r ? { first: earlier(r.first, point), lowest: cheaper(r.lowest, point), highest: dearer(r.highest, point) } : { first: point, lowest: point, highest: point },
      );
    }
    const anotherHonestPromotion = shown.promotion !== null && shown.promotion !== this.promo.promoId && shown.liveCountdown;
    if (this.endDay !== null && day > this.endDay && day <= this.endDay + OVERRUN_HORIZON_DAYS && !anotherHonestPromotion) {
      const a = this.afterEnd.get(day);
      this.afterEnd.set(day, a ? { highest: dearer(a.highest, point), last: later(a.last, point) } : { highest: point, last: point });
    }
  }
}
