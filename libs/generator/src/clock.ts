/**
 * The generated period and how its instants are written. Every timestamp carries the +08:00
 * offset, as a Chinese platform's logs do; prices change only at local midnight, so any
 * 60-minute window a detector aligns to the hour sees one price per sku.
 */
export const PLATFORM_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** 2026-03-01T00:00:00+08:00. */
export const PERIOD_START_MS = Date.UTC(2026, 2, 1) - OFFSET_MS;
export const PERIOD_DAYS = 42;

/** RFC 3339 with the +08:00 offset, to the second. */
export function formatTs(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + PLATFORM_OFFSET;
}

/** The calendar date of an instant in +08:00. */
export function formatDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 (+08:00) of day `day` of the period (day 0 = 2026-03-01). */
export function dayStartMs(day: number): number {
  return PERIOD_START_MS + day * DAY_MS;
}
