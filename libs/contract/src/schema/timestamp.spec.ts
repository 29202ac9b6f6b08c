import { parseTimestampMs } from './timestamp';

describe('parseTimestampMs', () => {
  it('reads the offset', () => {
    expect(parseTimestampMs('2026-03-01T10:15:00+08:00')).toBe(Date.UTC(2026, 2, 1, 2, 15, 0));
    expect(parseTimestampMs('2026-03-01T10:15:00-05:30')).toBe(Date.UTC(2026, 2, 1, 15, 45, 0));
    expect(parseTimestampMs('2026-03-01T10:15:00Z')).toBe(Date.UTC(2026, 2, 1, 10, 15, 0));
  });

  it('keeps milliseconds and ignores digits beyond them', () => {
    expect(parseTimestampMs('2026-03-01T10:15:00.5Z')).toBe(Date.UTC(2026, 2, 1, 10, 15, 0, 500));
    expect(parseTimestampMs('2026-03-01T10:15:00.123456789Z')).toBe(Date.UTC(2026, 2, 1, 10, 15, 0, 123));
  });

  it.each([
    ['no offset', '2026-03-01T10:00:00'],
    ['offset without colon', '2026-03-01T10:00:00+0800'],
    ['hour-only offset', '2026-03-01T10:00:00+08'],
    ['space separator', '2026-03-01 10:00:00+08:00'],
    ['February 30', '2026-02-30T10:00:00+08:00'],
    ['February 29 of a common year', '2026-02-29T10:00:00+08:00'],
    ['month 13', '2026-13-01T10:00:00+08:00'],
    ['hour 24', '2026-03-01T24:00:00+08:00'],
    ['minute 60', '2026-03-01T10:60:00+08:00'],
    ['offset hour 24', '2026-03-01T10:00:00+24:00'],
    ['date only', '2026-03-01'],
    ['leap second not at 23:59 UTC', '2026-03-01T10:59:60Z'],
  ])('rejects %s', (_why, text) => {
    expect(parseTimestampMs(text)).toBeNaN();
  });

  it('accepts February 29 of a leap year and a leap second at 23:59:60 UTC', () => {
    expect(parseTimestampMs('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseTimestampMs('2016-12-31T23:59:60Z')).toBe(Date.UTC(2017, 0, 1));
    expect(parseTimestampMs('2017-01-01T07:59:60+08:00')).toBe(Date.UTC(2017, 0, 1));
  });

  it('agrees with Date.parse on valid timestamps across eras, offsets and fractions', () => {
    // A fixed linear congruential sequence: deterministic, yet covering many shapes.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    for (let i = 0; i < 5000; i++) {
      const year = 1600 + next(800);
      const month = 1 + next(12);
      const day = 1 + next(month === 2 ? 28 : 30);
      const zone = next(3) === 0 ? 'Z' : `${next(2) ? '+' : '-'}${pad(next(15))}:${pad(next(4) * 15)}`;
      const fraction = next(3) === 0 ? '' : '.' + String(next(1000)).padStart(3, '0');
      const text = `${year}-${pad(month)}-${pad(day)}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}${fraction}${zone}`;
      expect([text, parseTimestampMs(text)]).toEqual([text, Date.parse(text)]);
    }
  });

  it('reads years before 100 literally', () => {
    expect(parseTimestampMs('0042-01-01T00:00:00Z')).toBe(new Date('0042-01-01T00:00:00Z').getTime());
  });
});
