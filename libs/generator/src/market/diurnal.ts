/** When during the day people shop: quiet at night, a lunch bump, a peak after 20:00. */
import { DAY_MS, HOUR_MS, dayStartMs } from '../clock';
import type { SeededRng } from '../rng';
import { WeightedTable } from '../weighted-table';

const HOUR_WEIGHTS = [0.3, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.9, 1.0, 1.1, 1.2, 1.3, 1.1, 1.0, 1.0, 1.0, 1.1, 1.2, 1.4, 1.7, 1.9, 1.6, 0.9];
const HOURS = new WeightedTable(HOUR_WEIGHTS);

/** An instant on `day`, whole seconds, never exactly midnight (snapshots are taken then). */
export function drawInstant(rng: SeededRng, day: number): number {
  const hour = HOURS.draw(rng);
  const second = rng.int(hour === 0 ? 1 : 0, 3599);
  return dayStartMs(day) + hour * HOUR_MS + second * 1000;
}

/** Weekends (in +08:00) bring more traffic; the factors average to 1 over a week. */
export function weekdayFactor(day: number): number {
  const weekday = new Date(dayStartMs(day) + 8 * HOUR_MS).getUTCDay();
  return weekday === 0 || weekday === 6 ? 1.2 : 0.92;
}

export function lastSecondOfDay(day: number): number {
  return dayStartMs(day) + DAY_MS - 1000;
}
