import { monthOf } from './partition-manager';

describe('monthOf', () => {
  it('gives the UTC month of an instant, at and around month boundaries', () => {
    expect(monthOf(Date.UTC(2026, 2, 1, 0, 0, 0))).toBe('2026-03');
    expect(monthOf(Date.UTC(2026, 2, 1, 0, 0, 0) - 1)).toBe('2026-02');
    expect(monthOf(Date.UTC(2026, 2, 31, 23, 59, 59, 999))).toBe('2026-03');
    expect(monthOf(Date.UTC(2026, 3, 1))).toBe('2026-04');
    expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12');
    expect(monthOf(Date.UTC(2027, 0, 1))).toBe('2027-01');
  });

  it('answers right whatever the order of the instants (the cached month is only a shortcut)', () => {
    const instants = [Date.UTC(2026, 4, 10), Date.UTC(2026, 0, 5), Date.UTC(2026, 4, 20), Date.UTC(2025, 11, 31, 23), Date.UTC(2026, 4, 31, 23, 59)];
    expect(instants.map(monthOf)).toEqual(['2026-05', '2026-01', '2026-05', '2025-12', '2026-05']);
    // +08:00 local midnight on 1 March is still February in UTC.
    expect(monthOf(Date.parse('2026-03-01T00:30:00+08:00'))).toBe('2026-02');
  });
});
