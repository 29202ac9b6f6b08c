/**
 * Units sold per day in each category of one platform, in total and per merchant: enough to
 * compute a merchant's share of its category over any run without keeping a single order.
 */
export class CategoryUnits {
  private readonly total = new Map<string, Map<number, number>>();
  private readonly byMerchant = new Map<string, Map<number, number>>();

  add(category: string, merchantId: string, day: number, units: number): void {
    bump(this.total, category, day, units);
    bump(this.byMerchant, `${category}\u0000${merchantId}`, day, units);
  }

  /** The merchant's units and the category's units over [fromDay, toDay]. */
  share(category: string, merchantId: string, fromDay: number, toDay: number): { merchant: number; category: number } {
    return {
      merchant: sumOver(this.byMerchant.get(`${category}\u0000${merchantId}`), fromDay, toDay),
      category: sumOver(this.total.get(category), fromDay, toDay),
    };
  }
}

function bump(index: Map<string, Map<number, number>>, key: string, day: number, units: number): void {
  let days = index.get(key);
  if (!days) index.set(key, (days = new Map()));
  days.set(day, (days.get(day) ?? 0) + units);
}

function sumOver(days: Map<number, number> | undefined, fromDay: number, toDay: number): number {
  if (!days) return 0;
  let sum = 0;
  if (toDay - fromDay + 1 < days.size) {
    for (let d = fromDay; d <= toDay; d++) sum += days.get(d) ?? 0;
  } else {
    for (const [d, units] of days) if (d >= fromDay && d <= toDay) sum += units;
  }
  return sum;
}
