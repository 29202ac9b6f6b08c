/**
 * RFC 3339 timestamps with a mandatory offset, parsed by hand: `Date.parse` accepts
 * timestamps without an offset (and reads them in the machine's zone) and silently rolls
 * impossible dates such as 2026-02-30 into March, both of which would corrupt an audit.
 * It is also on the hot path (every line of every timed file, a million times), hence
 * character codes and calendar arithmetic rather than a regular expression and Date objects.
 */

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `count` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// The format check and the record builder parse the same string one after the other.
let lastText = '';
let lastMs = NaN;

/**
 * Epoch milliseconds of an RFC 3339 timestamp such as `2026-03-01T10:15:00+08:00`, or NaN when
 * the text is not one (no offset, impossible date or time, wrong shape). `T` and `Z` may be
 * lower case, fractions of any length are cut to milliseconds. A leap second (`23:59:60` UTC)
 * is accepted, as RFC 3339 allows, and counts as the next day's first instant.
 */
export function parseTimestampMs(text: string): number {
  if (text === lastText) return lastMs;
  const ms = parse(text);
  lastText = text;
  lastMs = ms;
  return ms;
}

function parse(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN; // '-'
  const t = text.charCodeAt(10);
  if ((t !== 84 && t !== 116) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN; // 'T' 't' ':'
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;

  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === 46) {
    // '.' then at least one digit; only the first three count.
    const first = ++at;
    while (at < length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) {
      if (at - first < 3) millis = millis * 10 + (text.charCodeAt(at) - 48);
      at++;
    }
    if (at === first || at - first > 9) return NaN;
    for (let n = at - first; n < 3; n++) millis *= 10;
  }

  let offsetMinutes: number;
  const zone = text.charCodeAt(at);
  if (zone === 90 || zone === 122) {
    // 'Z' 'z'
    if (at + 1 !== length) return NaN;
    offsetMinutes = 0;
  } else if (zone === 43 || zone === 45) {
    // '+' '-' then HH:MM
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return NaN;
    const offsetHours = digits(text, at + 1, 2);
    const offsetMins = digits(text, at + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NaN;
  }

  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const utc = local - offsetMinutes * 60_000;
  if (second === 60) {
    // Only 23:59:60 UTC exists; it is read as the instant right after 23:59:59.999.
    const utcMinuteOfDay = Math.floor((((utc - 60_000 - millis) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY / 60_000);
    if (utcMinuteOfDay !== 23 * 60 + 59) return NaN;
    return utc - millis;
  }
  return utc;
}

export function isRfc3339Timestamp(text: string): boolean {
  return !Number.isNaN(parseTimestampMs(text));
}
