import { CN_RULE_PACK } from '@fairmarket/rules';
import { decidePriceDiscrimination } from './price-discrimination.findings';
import type { PdCandidate, PdPartial } from './price-discrimination.types';

const context = { rules: CN_RULE_PACK, priorFindings: [] };

function candidate(fields: Partial<PdCandidate> & { p: number; effect: number }): PdCandidate {
  const coef = Math.log1p(fields.effect);
  return {
    merchant_id: 'm1',
    attribute: 'device_os',
    family: 'device',
    group: 'ios',
    marginal: { coef, se: 0.001, t: coef / 0.001, p: fields.p, df: 500, ci95: [coef - 0.002, coef + 0.002] },
    controlled: null,
    controlled_for: [],
    explains: [],
    n_group: 120,
    n_rest: 300,
    n_users_group: 60,
    n_users_rest: 150,
    clusters: 110,
    n_strata: 40,
    sku_ids: ['s1'],
    evidence: [{ sku_id: 's1', group_quote: 'q1', group_price: 10_600, rest_quote: 'q2', rest_price: 10_000 }],
    evidence_total: 100,
    period: { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' },
    experiments: [],
    ...fields,
  };
}

function platform(id: string, tests: number, candidates: PdCandidate[], otherSmallP: number[] = []): PdPartial {
  const small = [...candidates.map((c) => c.marginal.p), ...otherSmallP].sort((a, b) => a - b);
  return { platforms: [{ platform_id: id, tests, small_p: small, candidates }] };
}

describe('decide: Benjamini-Hochberg over every test of the run', () => {
  it('alerts on p = 0.004 when it is the only test', () => {
    const [f] = decidePriceDiscrimination([platform('p1', 1, [candidate({ p: 0.004, effect: 0.06 })])], context);
    expect(f.metrics).toMatchObject({ p_value: 0.004, q_value: 0.004 });
  });

  it('does not alert on the same p when the run holds 10 tests, nine of them on another platform', () => {
    const partials = [platform('p1', 1, [candidate({ p: 0.004, effect: 0.06 })]), platform('p2', 9, [])];
    expect(decidePriceDiscrimination(partials, context)).toEqual([]);
  });

  it('lets other discoveries of the run carry a test over the line (step-up)', () => {
    const partials = [platform('p1', 1, [candidate({ p: 0.004, effect: 0.06 })]), platform('p2', 9, [], [1e-6, 1e-5, 1e-4, 1e-3])];
    const [f] = decidePriceDiscrimination(partials, context);
    expect(f.metrics.q_value).toBe(0.008);
  });

  it('gives the same answer however the platforms are split into partials', () => {
    const a = platform('p1', 3, [candidate({ p: 0.001, effect: 0.03 })], [0.002]);
    const b = platform('p2', 5, [candidate({ p: 0.003, effect: 0.07, merchant_id: 'm9', attribute: 'gender', group: 'f', family: 'demographic' })]);
    const merged: PdPartial = { platforms: [...b.platforms, ...a.platforms] };
    expect(decidePriceDiscrimination([merged], context)).toEqual(decidePriceDiscrimination([a, b], context));
  });
});

describe('decide: severity and the estimate reported', () => {
  it('is medium below high_effect, high at or above it, info for region and channel', () => {
    const findings = decidePriceDiscrimination(
      [
        platform('p1', 3, [
          candidate({ p: 1e-9, effect: 0.049 }),
          candidate({ p: 1e-9, effect: 0.051, merchant_id: 'm2' }),
          candidate({ p: 1e-9, effect: 0.08, merchant_id: 'm3', attribute: 'region', group: '650000', family: null }),
        ]),
      ],
      context,
    );
    expect(findings.map((f) => [f.severity, f.subject.merchant_id])).toEqual([
      ['high', 'm2'],
      ['medium', 'm1'],
      ['info', 'm3'],
    ]);
    expect(findings[2].legal_basis).toEqual(CN_RULE_PACK.price_discrimination.info_legal_basis);
  });

  it('reports the controlled estimate when other characteristics were held fixed, and drops it when it is immaterial', () => {
    const controlled = candidate({ p: 1e-9, effect: 0.08, controlled_for: ['spend_90d'] });
    controlled.controlled = { coef: Math.log1p(0.03), se: 0.002, p: 1e-5, df: 400, ci95: [Math.log1p(0.026), Math.log1p(0.034)] };
    const [f] = decidePriceDiscrimination([platform('p1', 1, [controlled])], context);
    expect(f.metrics).toMatchObject({ effect: 0.03, marginal_effect: 0.08, controlled_p_value: 1e-5, controlled_for: ['spend_90d'] });
    expect(f.summary).toMatch(/paid 3\.0% more .*; after accounting for spend_90d\)\.$/);
    controlled.controlled = { ...controlled.controlled, coef: Math.log1p(0.019) };
    expect(decidePriceDiscrimination([platform('p1', 1, [controlled])], context)).toEqual([]);
  });
});
