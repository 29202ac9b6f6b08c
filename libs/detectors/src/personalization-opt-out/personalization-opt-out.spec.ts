import type { Impression } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { MemorySource } from '../testing/memory-source';
import { HOUR, T0, impression, shuffled, skuList, withRules } from './impression.fixtures';
import { personalizationOptOutDetector as detector } from './personalization-opt-out.detector';

interface DatasetOptions {
  platform?: string;
  algorithm?: string;
  cells?: number;
  perCell?: number;
  /** Share of cells whose results follow the characteristic. */
  dependentShare?: number;
  personalized?: boolean;
  /** Which characteristic the results follow. */
  by?: 'device_os' | 'region' | 'spend_90d';
}

/**
 * Cells (same query, same hour) of `perCell` users; in a dependent cell, users of one group
 * see list A and the others a list sharing 7 of its 10 items (Jaccard 7/13), so the gap is
 * 1 - 7/13 = 6/13. Gender is balanced against device within every cell.
 */
function dataset(o: DatasetOptions = {}): Impression[] {
  const { platform = 'p1', algorithm = 'a-search', cells = 30, perCell = 8, dependentShare = 1, by = 'device_os' } = o;
  const rows: Impression[] = [];
  for (let c = 0; c < cells; c++) {
    const listA = skuList(`${platform}-c${c}-a`);
    const listB = [...listA.slice(0, 7), ...skuList(`${platform}-c${c}-b`, 3)];
    const dependent = c < Math.round(cells * dependentShare);
    for (let i = 0; i < perCell; i++) {
      const user = {
        device_os: i % 2 === 0 ? 'ios' : 'android',
        gender: (i >> 1) % 2 === 0 ? ('f' as const) : ('m' as const),
        region: (i >> 2) % 2 === 0 ? '310000' : '110000',
        spend_90d: i % 2 === 0 ? 90_000 + i : 1_000 + i,
        member_tier: 'none',
      };
      const inGroupA = by === 'region' ? user.region === '310000' : i % 2 === 0;
      rows.push(
        impression({
          platform_id: platform,
          algorithm_id: algorithm,
          request_id: `${platform}-r${c}-${i}`,
          tsMs: T0 + (c % 5) * HOUR + i * 60_000,
          query: `q${c}`,
          user,
          personalized: o.personalized ?? false,
          items: dependent && !inGroupA ? listB : listA,
        }),
      );
    }
  }
  return rows;
}

async function run(rows: Impression[], rules: RulePack = CN_RULE_PACK) {
  const partial = await detector.analyze(new MemorySource({ impressions: rows }), rules);
  return detector.decide([JSON.parse(JSON.stringify(partial))], { rules, priorFindings: [] });
}

describe('personalization_opt_out', () => {
  it('alerts when non-personalized results follow device_os', async () => {
    const findings = await run(dataset());
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({
      detector: 'personalization_opt_out',
      severity: 'high',
      platform_id: 'p1',
      subject: { algorithm_id: 'a-search' },
      legal_basis: CN_RULE_PACK.personalization_opt_out.legal_basis,
      evidence_total: 240,
    });
    expect(f.metrics.characteristic).toBe('device_os');
    expect(f.metrics.family).toBe('device');
    expect(f.metrics.gap as number).toBeCloseTo(6 / 13, 4);
    expect(f.metrics.p_value as number).toBeLessThan(0.01);
    expect(f.metrics.alerting_characteristics).toEqual(['device_os', 'spend_90d']);
    expect(f.evidence.length).toBeLessThanOrEqual(50);
    expect(f.evidence.every((e) => e.file === 'impressions' && e.id.startsWith('p1-r'))).toBe(true);
    expect(f.summary).toContain('device_os');
    expect(f.summary_zh).toContain('device_os');
    expect(f.thresholds).toEqual({ top_k: 10, min_jaccard_gap: 0.1, p_max: 0.01, min_requests: 200, permutations: 999 });
    // The same data gives the same id and p-value.
    expect((await run(dataset()))[0]).toEqual(f);
  });

  it('cites the eu legal basis under the eu pack', async () => {
    const [f] = await run(dataset(), EU_RULE_PACK);
    expect(f.legal_basis).toEqual(['EU-DSA-38']);
  });

  it('ignores personalized requests, which may depend on the user', async () => {
    expect(await run(dataset({ personalized: true }))).toEqual([]);
  });

  it('does not count dependence on region, which is not a profiling family', async () => {
    expect(await run(dataset({ by: 'region' }))).toEqual([]);
  });

  it('finds a numeric characteristic without knowing its cut-off', async () => {
    const rows = dataset().map((r, i) => ({ ...r, user: { spend_90d: r.user!.spend_90d, gender: i % 3 === 0 ? 'f' : 'm' } }) as Impression);
    const [f] = await run(rows);
    expect(f.metrics.characteristic).toBe('spend_90d');
    expect(f.metrics.family).toBe('loyalty');
  });

  it('stays silent when only a few cells differ (gap below min_jaccard_gap)', async () => {
    // 4 of 30 cells dependent: gap about 6/13 x 4/30 = 0.06.
    expect(await run(dataset({ dependentShare: 4 / 30 }))).toEqual([]);
    // ... which the same data passes once the threshold is lowered below it.
    const lowered = withRules('personalization_opt_out', { min_jaccard_gap: 0.05 });
    expect(await run(dataset({ dependentShare: 4 / 30 }), lowered)).toHaveLength(1);
  });

  it('pins min_jaccard_gap: at the gap alerts, just above does not', async () => {
    const gap = 1 - 7 / 13;
    expect(await run(dataset(), withRules('personalization_opt_out', { min_jaccard_gap: gap - 1e-9 }))).toHaveLength(1);
    expect(await run(dataset(), withRules('personalization_opt_out', { min_jaccard_gap: gap + 1e-9 }))).toEqual([]);
  });

  it('pins min_requests: 240 requests alert at 240, not at 241', async () => {
    expect(await run(dataset(), withRules('personalization_opt_out', { min_requests: 240 }))).toHaveLength(1);
    expect(await run(dataset(), withRules('personalization_opt_out', { min_requests: 241 }))).toEqual([]);
    // Default 200: 24 cells of 8 = 192 requests is too few.
    expect(await run(dataset({ cells: 24 }))).toEqual([]);
    expect(await run(dataset({ cells: 25 }))).toHaveLength(1);
  });

  it('pins p_max on the Benjamini-Hochberg q-value: q equal to p_max alerts, just above does not', async () => {
    const [f] = await run(dataset());
    expect(f.metrics.p_value).toBeCloseTo(1 / 1000, 10);
    // Three characteristics tested (device_os, gender, spend_90d); two at p = 1/1000: q = 3/2 x 1/1000.
    const q = f.metrics.q_value as number;
    expect(q).toBeCloseTo(0.0015, 12);
    expect(await run(dataset(), withRules('personalization_opt_out', { p_max: q }))).toHaveLength(1);
    expect(await run(dataset(), withRules('personalization_opt_out', { p_max: q * (1 - 1e-9) }))).toEqual([]);
  });

  it('gives the same findings per platform as over everything, in any row order', async () => {
    const rows = [...dataset({ platform: 'p1' }), ...dataset({ platform: 'p2', dependentShare: 0 }), ...dataset({ platform: 'p3', algorithm: 'a-feed' })];
    const all = new MemorySource({ impressions: rows });
    const rules = CN_RULE_PACK;
    const whole = detector.decide([await detector.analyze(all, rules)], { rules, priorFindings: [] });
    const parts = await Promise.all(['p1', 'p2', 'p3'].map((p) => detector.analyze(all.forPlatform(p), rules)));
    const split = detector.decide(JSON.parse(JSON.stringify(parts)), { rules, priorFindings: [] });
    expect(split).toEqual(whole);
    const reordered = detector.decide([await detector.analyze(new MemorySource({ impressions: shuffled(rows) }), rules)], {
      rules,
      priorFindings: [],
    });
    expect(reordered).toEqual(whole);
    expect(whole.map((f) => `${f.platform_id}/${f.subject.algorithm_id}`)).toEqual(['p1/a-search', 'p3/a-feed']);
  });
});
