import { daysLeft, formatAge, formatNumber } from './format';

describe('formatAge', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('uses the largest whole unit, in both languages', () => {
    expect(formatAge('2026-03-07T11:00:00Z', now, 'en')).toBe('3 d');
    expect(formatAge('2026-03-07T11:00:00Z', now, 'zh')).toBe('3 天');
    expect(formatAge('2026-03-10T07:00:00Z', now, 'en')).toBe('5 h');
    expect(formatAge('2026-03-10T11:48:00Z', now, 'zh')).toBe('12 分钟');
  });
  it('never shows a negative age for a clock slightly ahead', () => {
    expect(formatAge('2026-03-10T12:00:30Z', now, 'en')).toBe('0 min');
  });
});

describe('daysLeft', () => {
  it('counts whole days up, negative once passed', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(daysLeft('2026-03-12T11:00:00Z', now)).toBe(2);
    expect(daysLeft('2026-03-09T12:00:00Z', now)).toBe(-1);
  });
});

describe('formatNumber', () => {
  it('shows tiny p-values in scientific notation and others with four significant digits', () => {
    expect(formatNumber(1.2e-9)).toBe('1.20e-9');
    expect(formatNumber(0.061234)).toBe('0.06123');
    expect(formatNumber(2310)).toBe('2310');
    expect(formatNumber(null)).toBe('—');
  });
});
