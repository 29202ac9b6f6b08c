/**
 * A `<input type="datetime-local">` value ("2026-03-01T14:30") as RFC 3339 with the browser's
 * own UTC offset: the API requires an offset, and the person meant their local time.
 */
export function toRfc3339(local: string, offsetMinutes = -new Date(local).getTimezoneOffset()): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
