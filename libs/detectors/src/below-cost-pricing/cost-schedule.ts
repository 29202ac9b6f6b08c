import type { Cost } from '@fairmarket/contract';
import type { PlatformCalendar } from './platform-calendar';

export interface DailyCost {
  /** Natural id of the cost row, as evidence points at it: `${sku_id}@${valid_from}`. */
  id: string;
  avc: number;
  atc: number | null;
}

interface CostPeriod extends DailyCost {
  fromDay: number;
  toDay: number;
  validFrom: string;
}

/**
 * The declared unit costs of one sku over time. When declarations overlap, the most recent
 * `valid_from` applies (a newer declaration supersedes an older open-ended one); a tie keeps
 * the lower variable cost, the reading least likely to call a day below cost.
 */
export class CostSchedule {
  private readonly periods: CostPeriod[] = [];
  private sorted = true;

  constructor(private readonly calendar: PlatformCalendar) {}

  add(cost: Cost): void {
    this.periods.push({
      id: `${cost.sku_id}@${cost.valid_from}`,
      avc: cost.unit_variable_cost,
      atc: cost.unit_total_cost ?? null,
      fromDay: this.calendar.dayOfDate(cost.valid_from),
      toDay: cost.valid_to ? this.calendar.dayOfDate(cost.valid_to) : Number.POSITIVE_INFINITY,
      validFrom: cost.valid_from,
    });
    this.sorted = false;
  }

  /** The cost valid on a day, or null when no declaration covers it (such a day cannot be tested). */
  on(day: number): DailyCost | null {
    if (!this.sorted) {
      this.periods.sort(
        (a, b) =>
          b.validFrom.localeCompare(a.validFrom) ||
          a.avc - b.avc ||
          (a.atc ?? Number.POSITIVE_INFINITY) - (b.atc ?? Number.POSITIVE_INFINITY) ||
          a.toDay - b.toDay,
      );
      this.sorted = true;
    }
    for (const p of this.periods) if (p.fromDay <= day && day <= p.toDay) return p;
    return null;
  }
}
