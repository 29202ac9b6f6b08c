import { dossierPercent } from './dossier-progress';
import { toRfc3339 } from './local-time';
import { findingStatistics, scaleWithZero } from './metrics';

describe('findingStatistics', () => {
  it('reads the spec example and keeps other numeric metrics', () => {
    const s = findingStatistics({ effect: 0.061, ci95: [0.052, 0.07], p_value: 1.2e-9, q_value: 3e-8, n_quotes: 2310, label: 'x' });
    expect(s).toEqual({ effect: 0.061, ci95: [0.052, 0.07], pValue: 1.2e-9, qValue: 3e-8, others: [{ name: 'n_quotes', value: 2310 }] });
  });
  it('copes with detectors that report no effect', () => {
    expect(findingStatistics({ ci95: [1], share: 0.4 })).toMatchObject({ effect: null, ci95: null, others: [{ name: 'share', value: 0.4 }] });
  });
});

describe('scaleWithZero', () => {
  it('always includes zero', () => {
    const { x, min } = scaleWithZero([0.05, 0.07], 100);
    expect(min).toBe(0);
    expect(x(0)).toBe(0);
    expect(x(0.07)).toBeCloseTo(100);
  });
});

describe('dossierPercent', () => {
  it('maps the worker phases onto one bar', () => {
    expect(dossierPercent({ status: 'queued', progress: null })).toBe(0);
    expect(dossierPercent({ status: 'running', progress: { phase: 'exhibits', rows: 50, expected_rows: 100 } })).toBe(40);
    expect(dossierPercent({ status: 'running', progress: { phase: 'pdf', rows: 100, expected_rows: 100 } })).toBe(80);
    expect(dossierPercent({ status: 'done', progress: { phase: 'manifest' } })).toBe(100);
  });
});

describe('toRfc3339', () => {
  it('adds the offset the API requires', () => {
    expect(toRfc3339('2026-03-01T14:30', 480)).toBe('2026-03-01T14:30:00+08:00');
    expect(toRfc3339('2026-03-01T14:30:15', -330)).toBe('2026-03-01T14:30:15-05:30');
    expect(() => toRfc3339('yesterday', 0)).toThrow();
  });
});
