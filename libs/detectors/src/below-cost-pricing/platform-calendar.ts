/**
 * Calendar days in the rule pack's platform time zone. The legal tests count "days" as
 * calendar days where the platform operates (a sale at 23:30 in Shanghai belongs to that
 * Shanghai day, not to the UTC day), and `YYYY-MM-DD` dates of the dataset are read there
 * too. A day is an integer: the count of days since 1970-01-01 in that zone, so that date
 * arithmetic (`season_end - 14`) is integer arithmetic. Used by below_cost_pricing and
 * fake_promotion alike.
 */
export const DAY_MS = 86_400_000;

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class PlatformCalendar {
  private readonly offsetMs: number;

  constructor(private readonly tz: string) {
    if (tz === 'Z') {
      this.offsetMs = 0;
      return;
    }
    const m = OFFSET.exec(tz);
    if (!m) throw new Error(`platform_tz "${tz}" is not a UTC offset: use "Z" or "+HH:MM"`);
    this.offsetMs = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  }

  /** The platform calendar day an instant falls on. */
  dayOf(tsMs: number): number {
    return Math.floor((tsMs + this.offsetMs) / DAY_MS);
  }

  /** The day of a `YYYY-MM-DD` date (already a platform-zone date). */
  dayOfDate(date: string): number {
    const m = DATE.exec(date);
    if (!m) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  }

  /** The first instant of a day, as epoch milliseconds. */
  dayStartMs(day: number): number {
    return day * DAY_MS - this.offsetMs;
  }

  dateOf(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  /** First second of a day, RFC 3339 with the platform offset. */
  startOf(day: number): string {
    return `${this.dateOf(day)}T00:00:00${this.tz}`;
  }

  /** Last second of a day, RFC 3339 with the platform offset. */
  endOf(day: number): string {
    return `${this.dateOf(day)}T23:59:59${this.tz}`;
  }

  /** An instant as RFC 3339 in the platform zone, to the second. */
  instant(tsMs: number): string {
    return `${new Date(tsMs + this.offsetMs).toISOString().slice(0, 19)}${this.tz}`;
  }
}
