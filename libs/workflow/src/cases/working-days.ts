/**
 * Legal clocks count working days in the regulator's time zone: weekends and listed public
 * holidays do not count, listed make-up working days (调休) do.
 */
export interface WorkingCalendar {
  /** Minutes east of UTC: 480 for China. */
  offsetMinutes: number;
  holidays: ReadonlySet<string>;
  makeUpDays: ReadonlySet<string>;
}

function localDate(instant: Date, offsetMinutes: number): Date {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

export function isWorkingDay(day: Date, calendar: WorkingCalendar): boolean {
  const iso = day.toISOString().slice(0, 10);
  if (calendar.makeUpDays.has(iso)) return true;
  if (calendar.holidays.has(iso)) return false;
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The end (23:59:59.999 local time) of the n-th working day after the day of `start`: a lead
 * received on a Monday with 15 working days is due at the end of the Monday three weeks later.
 */
export function addWorkingDays(start: Date, n: number, calendar: WorkingCalendar): Date {
  let day = localDate(start, calendar.offsetMinutes);
  let counted = 0;
  while (counted < n) {
    day = new Date(day.getTime() + 86_400_000);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return new Date(day.getTime() + 86_400_000 - 1 - calendar.offsetMinutes * 60_000);
}

/** End of the local day `n` calendar days after the day of `start`. */
export function addCalendarDays(start: Date, n: number, offsetMinutes: number): Date {
  const day = localDate(start, offsetMinutes);
  return new Date(day.getTime() + (n + 1) * 86_400_000 - 1 - offsetMinutes * 60_000);
}

export function parseDayList(spec: string): Set<string> {
  return new Set(spec.split(',').map((s) => s.trim()).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s)));
}
