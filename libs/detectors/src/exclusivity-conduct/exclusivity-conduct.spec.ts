import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { fisherExact } from '@fairmarket/stats';
import { DAY, T0, shuffled, withRules } from '../personalization-opt-out/impression.fixtures';
import { MemorySource } from '../testing/memory-source';
import { conductPlatform, type ConductBuilder, type ConductDataset } from './conduct.fixtures';
import { ConductCollector } from './conduct-collector';
import { exclusivityConductDetector as detector } from './exclusivity-conduct.detector';
import { judgePlatform } from './platform-verdict';
import { ImpressionShares } from './share-drop';

/** The collected aggregate of a one-platform dataset, to inspect a verdict's details. */
class ConductCollectorProbe {
  constructor(private readonly data: ConductDataset) {}

  platform() {
    const c = new ConductCollector();
    this.data.merchants.forEach((m) => c.addMerchant(m));
    this.data.skus.forEach((s) => c.addSku(s));
    this.data.merchant_events.forEach((e) => c.addEvent(e));
    this.data.impressions.forEach((i) => c.addImpression(i));
    return c.toJSON()[0];
  }
}

async function run(data: ConductDataset, rules: RulePack = CN_RULE_PACK) {
  const partial = await detector.analyze(new MemorySource({ ...data }), rules);
  return detector.decide([JSON.parse(JSON.stringify(partial))], { rules, priorFindings: [] });
}

const sanctionedAfter = (days: number, n: number) => Array.from({ length: n }, () => ({ sanctionAfterDays: days }));

describe('exclusivity_conduct: sanction events', () => {
  it('alerts when rival-active merchants are sanctioned far more often than others', async () => {
    const data = conductPlatform({ rival: [...sanctionedAfter(3, 5), {}], controlSanctions: 1 }).data;
    const findings = await run(data);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({
      detector: 'exclusivity_conduct',
      severity: 'high',
      platform_id: 'p1',
      subject: { merchant_ids: ['rv0', 'rv1', 'rv2', 'rv3', 'rv4'] },
      legal_basis: CN_RULE_PACK.exclusivity_conduct.legal_basis,
      evidence_total: 10,
    });
    expect(f.metrics.table).toEqual({
      rival_active: { sanctioned: 5, not_sanctioned: 1 },
      others: { sanctioned: 1, not_sanctioned: 29 },
    });
    expect(f.metrics.p_value).toBeCloseTo(fisherExact([[5, 1], [1, 29]], 'greater').p, 12);
    expect(f.metrics.sanctioned_by_event).toBe(5);
    // Evidence comes in pairs: the rival event, then the sanction.
    expect(f.evidence.slice(0, 2).map((e) => e.note)).toEqual([
      expect.stringContaining('rv0: opened_rival_store'),
      expect.stringContaining('rv0: search_demotion 3 days after'),
    ]);
    expect(f.summary).toMatch(/sanctioned 5 of 6 merchants/);
    expect(f.summary_zh).toContain('5/6');
  });

  it('cites the eu legal basis under the eu pack', async () => {
    const data = conductPlatform({ rival: sanctionedAfter(3, 5) }).data;
    expect((await run(data, EU_RULE_PACK))[0].legal_basis).toEqual(['EU-TFEU-102']);
  });

  it('pins min_sanctioned: 3 sanctioned alert, 2 do not (even though significant)', async () => {
    expect(await run(conductPlatform({ rival: sanctionedAfter(3, 3) }).data)).toHaveLength(1);
    const two = conductPlatform({ rival: sanctionedAfter(3, 2) }).data;
    expect(fisherExact([[2, 0], [0, 30]], 'greater').p).toBeLessThan(0.01);
    expect(await run(two)).toEqual([]);
  });

  it('pins fisher_p_max: p equal to the threshold does not alert', async () => {
    const data = conductPlatform({ rival: sanctionedAfter(3, 3) }).data;
    const p = fisherExact([[3, 0], [0, 30]], 'greater').p;
    expect(await run(data, withRules('exclusivity_conduct', { fisher_p_max: p }))).toEqual([]);
    expect(await run(data, withRules('exclusivity_conduct', { fisher_p_max: p * (1 + 1e-9) }))).toHaveLength(1);
  });

  it('stays silent when sanctions fall at random, rival-active or not', async () => {
    const data = conductPlatform({ rival: [...sanctionedAfter(3, 3), ...Array(7).fill({})], controlSanctions: 9 }).data;
    expect(await run(data)).toEqual([]);
  });

  it('pins the sanction window: 30 days after counts, 30 days and an hour does not', async () => {
    expect(await run(conductPlatform({ rival: sanctionedAfter(30, 3) }).data)).toHaveLength(1);
    expect(await run(conductPlatform({ rival: sanctionedAfter(30 + 1 / 24, 3) }).data)).toEqual([]);
  });

  it('does not count sanctions explained by the merchant’s own quality violation', async () => {
    const explained = Array.from({ length: 5 }, () => ({ sanctionAfterDays: 3, qualityViolationDaysBefore: 2 }));
    expect(await run(conductPlatform({ rival: explained }).data)).toEqual([]);
    // A violation more than the window before the sanction explains nothing.
    const stale = Array.from({ length: 5 }, () => ({ sanctionAfterDays: 3, qualityViolationDaysBefore: 31 }));
    expect(await run(conductPlatform({ rival: stale }).data)).toHaveLength(1);
  });

  it('does not make merchants rival-active by closing a rival store', async () => {
    const closed = Array.from({ length: 5 }, () => ({ sanctionAfterDays: 3, type: 'closed_rival_store' as const }));
    expect(await run(conductPlatform({ rival: closed }).data)).toEqual([]);
  });

  it('counts joined_rival_campaign as rival activity and leaves self-operated merchants out', async () => {
    const b = conductPlatform({ rival: Array.from({ length: 3 }, () => ({ sanctionAfterDays: 2, type: 'joined_rival_campaign' as const })) });
    b.merchant('self', 'self_operated').event('self', 'opened_rival_store', T0 + 6 * DAY).event('self', 'delisted', T0 + 7 * DAY);
    const [f] = await run(b.data);
    expect(f.subject.merchant_ids).toEqual(['rv0', 'rv1', 'rv2']);
    expect(f.metrics.table).toEqual({ rival_active: { sanctioned: 3, not_sanctioned: 0 }, others: { sanctioned: 0, not_sanctioned: 30 } });
  });
});

describe('exclusivity_conduct: impression share drops', () => {
  const controls = Array.from({ length: 8 }, (_, j) => `ct${j}`);
  /** Two demoted merchants plus `sh`, which opens a rival store on day 20. */
  function withShareCase(after: { sh: number; perDay?: number }, qualityViolationDay?: number): ConductBuilder {
    const b = conductPlatform({ rival: sanctionedAfter(3, 2), controls: 8 });
    b.merchant('sh').event('sh', 'opened_rival_store', T0 + 20 * DAY + 30 * 60_000);
    if (qualityViolationDay !== undefined) b.event('sh', 'quality_violation', T0 + qualityViolationDay * DAY);
    const day20 = (d: number) => d >= 20;
    // Each day: before day 20, 3 requests with 4 sh items and 1 item per control (share 1/3).
    b.traffic(['sh', ...controls], 42, 3, (m, d) => (m === 'sh' ? (day20(d) ? after.sh : 4) : 1));
    if (after.perDay !== undefined) {
      b.data.impressions = b.data.impressions.filter((r) => !day20(Math.floor((r.tsMs - T0) / DAY)) || Number(r.request_id.split('-')[2]) < after.perDay!);
    }
    return b;
  }

  it('counts a share drop of 30% or more, against merchants without rival activity, as a sanction', async () => {
    const [f] = await run(withShareCase({ sh: 2 }).data);
    expect(f.subject.merchant_ids).toEqual(['rv0', 'rv1', 'sh']);
    expect(f.metrics.sanctioned_by_share_drop).toBe(1);
    const sh = (f.metrics.merchants as Record<string, unknown>[]).find((m) => m.merchant_id === 'sh')!;
    expect(sh.sanction).toBe('share_drop');
    expect(sh.share_change).toBeCloseTo(2 / 10 / (4 / 12) - 1, 4); // -40%
    expect(sh.control_change).toBeCloseTo(8 / 10 / (8 / 12) - 1, 4); // +20%: the others did not fall
    expect(sh.difference_in_differences).toBeCloseTo(-0.6, 4);
  });

  it('pins share_drop_min at the exact drop (-40%)', async () => {
    const data = withShareCase({ sh: 2 }).data;
    expect(await run(data, withRules('exclusivity_conduct', { share_drop_min: 0.4 }))).toHaveLength(1);
    expect(await run(data, withRules('exclusivity_conduct', { share_drop_min: 0.4 + 1e-6 }))).toEqual([]);
  });

  it('does not count a drop that merchants without rival activity share (difference in differences)', () => {
    // From day 20 a long-rival-active merchant "big" takes 12 slots of every request: sh falls
    // from 1/3 to 2/22 (-73%) but the controls fall from 8/12 to 8/22 (-45%) as well.
    const b = conductPlatform({ rival: [], controls: 8 });
    b.merchant('sh').event('sh', 'opened_rival_store', T0 + 20 * DAY + 30 * 60_000);
    b.merchant('big').event('big', 'joined_rival_campaign', T0 + DAY);
    for (let k = 4; k < 12; k++) b.data.skus.push({ platform_id: 'p1', sku_id: `big-s${k}`, merchant_id: 'big', category: 'toys' });
    b.traffic(['sh', 'big', ...controls], 42, 3, (m, d) => (m === 'sh' ? (d >= 20 ? 2 : 4) : m === 'big' ? (d >= 20 ? 12 : 0) : 1));
    const partial = JSON.parse(JSON.stringify(new ConductCollectorProbe(b.data).platform()));
    const verdict = judgePlatform(partial, CN_RULE_PACK.exclusivity_conduct)!;
    const sh = verdict.rival.find((o) => o.merchant_id === 'sh')!;
    expect(sh.sanction).toBeNull();
    const drop = new ImpressionShares(partial.impressions, new Set(controls)).shareDrop('sh', T0 + 20 * DAY + 30 * 60_000, CN_RULE_PACK.exclusivity_conduct)!;
    expect(drop.share_change).toBeCloseTo(2 / 22 / (4 / 12) - 1, 6);
    expect(drop.control_change).toBeCloseTo(8 / 22 / (8 / 12) - 1, 6);
    expect(drop.difference_in_differences!).toBeGreaterThan(-0.3);
    expect(drop.sanction).toBe(false);
  });

  it('does not count a drop that begins after the share window', async () => {
    const b = conductPlatform({ rival: sanctionedAfter(3, 2), controls: 8 });
    b.merchant('sh').event('sh', 'opened_rival_store', T0 + 5 * DAY + 30 * 60_000);
    b.traffic(['sh', ...controls], 42, 3, (m, d) => (m === 'sh' ? (d >= 5 + 15 ? 1 : 4) : 1));
    expect(await run(b.data)).toEqual([]);
  });

  it('does not count a drop below 30%', async () => {
    expect(await run(withShareCase({ sh: 3 }).data)).toEqual([]); // 4/12 → 3/11: -18%
  });

  it('does not count a traffic dip of the whole category (shares unchanged)', async () => {
    const dip = withShareCase({ sh: 4, perDay: 1 }).data;
    expect(dip.impressions.filter((r) => r.tsMs >= T0 + 20 * DAY)).toHaveLength(22);
    expect(await run(dip)).toEqual([]);
  });

  it('does not count a drop explained by the merchant’s own quality violation in the share window', async () => {
    expect(await run(withShareCase({ sh: 2 }, 22).data)).toEqual([]);
    // A violation the day before the rival event is outside the window: it explains nothing.
    expect(await run(withShareCase({ sh: 2 }, 19).data)).toHaveLength(1);
  });
});

describe('exclusivity_conduct: independence from row order and platform split', () => {
  it('gives the same findings per platform as over everything, in any row order', async () => {
    const p1 = conductPlatform({ platform: 'p1', rival: sanctionedAfter(3, 5) }).data;
    const p2 = conductPlatform({ platform: 'p2', rival: [...sanctionedAfter(4, 4), {}] }).data;
    const p3 = conductPlatform({ platform: 'p3', rival: sanctionedAfter(3, 2), controlSanctions: 10 }).data;
    const merged = {
      merchants: [...p1.merchants, ...p2.merchants, ...p3.merchants],
      skus: [...p1.skus, ...p2.skus, ...p3.skus],
      merchant_events: [...p1.merchant_events, ...p2.merchant_events, ...p3.merchant_events],
      impressions: [],
    };
    const rules = CN_RULE_PACK;
    const source = new MemorySource(merged);
    const whole = detector.decide([await detector.analyze(source, rules)], { rules, priorFindings: [] });
    const parts = await Promise.all(['p1', 'p2', 'p3'].map((p) => detector.analyze(source.forPlatform(p), rules)));
    expect(detector.decide(JSON.parse(JSON.stringify(parts)), { rules, priorFindings: [] })).toEqual(whole);
    const reordered = new MemorySource({
      merchants: shuffled(merged.merchants),
      skus: shuffled(merged.skus),
      merchant_events: shuffled(merged.merchant_events, 11),
    });
    expect(detector.decide([await detector.analyze(reordered, rules)], { rules, priorFindings: [] })).toEqual(whole);
    expect(whole.map((f) => f.platform_id)).toEqual(['p1', 'p2']);
  });
});
