import type { AlgorithmDeclaration, Finding, Impression } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { mulberry32 } from '@fairmarket/stats';
import { HOUR, T0, impression, shuffled, skuList } from '../personalization-opt-out/impression.fixtures';
import { personalizationOptOutDetector } from '../personalization-opt-out';
import { runDetectors } from '../run-detectors';
import { MemorySource } from '../testing/memory-source';
import { filingInconsistencyDetector as detector } from './filing-inconsistency.detector';

function declaration(patch: Partial<AlgorithmDeclaration> & { algorithm_id: string }): AlgorithmDeclaration {
  return {
    platform_id: 'p1',
    name: patch.algorithm_id,
    type: 'ranking_selection',
    surfaces: ['search'],
    declared_features: ['query'],
    personal_pricing: false,
    opt_out_available: false,
    ...patch,
  };
}

function alert(detectorName: Finding['detector'], patch: Partial<Finding>): Finding {
  return {
    id: `${detectorName}-x`,
    detector: detectorName,
    kind: null,
    severity: 'high',
    platform_id: 'p1',
    subject: {},
    period: { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' },
    summary: '',
    metrics: {},
    evidence: [{ file: 'price_quotes', id: 'q-1', note: 'paired with q-2: 10900 vs 10270' }],
    evidence_total: 12,
    legal_basis: [],
    method: '',
    ...patch,
  };
}

const pdAlert = (attribute: string, patch: Partial<Finding> = {}) =>
  alert('price_discrimination', { id: `pd-${attribute}`, subject: { merchant_id: 'm1', attribute, group: 'ios', sku_ids: ['s1'] }, ...patch });

async function run(data: { algorithms: AlgorithmDeclaration[]; impressions?: Impression[] }, prior: Finding[] = [], rules: RulePack = CN_RULE_PACK) {
  const partial = await detector.analyze(new MemorySource(data), rules);
  return detector.decide([JSON.parse(JSON.stringify(partial))], { rules, priorFindings: prior });
}

describe('filing_inconsistency: pricing declarations', () => {
  const pricing = declaration({ algorithm_id: 'p1-pricing', surfaces: ['pricing'], declared_features: ['new_user', 'member_tier'] });

  it('reports a pricing algorithm declaring personal_pricing=false on a platform with a price discrimination alert', async () => {
    const [f] = await run({ algorithms: [pricing] }, [pdAlert('device_os')]);
    expect(f).toMatchObject({
      detector: 'filing_inconsistency',
      kind: 'personal_pricing',
      severity: 'medium',
      platform_id: 'p1',
      subject: { algorithm_id: 'p1-pricing' },
      legal_basis: CN_RULE_PACK.filing_inconsistency.legal_basis,
      evidence_total: 13,
      metrics: { related_findings: ['pd-device_os'], attributes: ['device_os'], missing_features: ['device_os'] },
    });
    expect(f.evidence[0]).toMatchObject({ file: 'algorithms', id: 'p1-pricing' });
    expect(f.evidence[1]).toMatchObject({ file: 'price_quotes', id: 'q-1' });
    expect(f.summary).toContain('personal characteristics do not influence prices');
    expect(f.summary).toContain('device_os');
    expect(f.summary_zh).toContain('device_os');
  });

  it('reports a declaration that admits personal pricing but leaves out the alert’s characteristic', async () => {
    const honestFlag = { ...pricing, personal_pricing: true };
    const [f] = await run({ algorithms: [honestFlag] }, [pdAlert('spend_90d')]);
    expect(f.metrics.missing_features).toEqual(['spend_90d']);
    // Declared by name, or by its family's name: consistent.
    expect(await run({ algorithms: [{ ...honestFlag, declared_features: ['spend_90d'] }] }, [pdAlert('spend_90d')])).toEqual([]);
    expect(await run({ algorithms: [{ ...honestFlag, declared_features: ['loyalty'] }] }, [pdAlert('spend_90d')])).toEqual([]);
  });

  it('needs an alert of its own platform, not an info finding, and a pricing surface', async () => {
    expect(await run({ algorithms: [pricing] })).toEqual([]);
    expect(await run({ algorithms: [pricing] }, [pdAlert('device_os', { severity: 'info' })])).toEqual([]);
    expect(await run({ algorithms: [pricing] }, [pdAlert('device_os', { platform_id: 'p2' })])).toEqual([]);
    const search = declaration({ algorithm_id: 'p1-search' });
    expect(await run({ algorithms: [search] }, [pdAlert('device_os')])).toEqual([]);
  });

  it('cites the eu legal basis under the eu pack', async () => {
    const [f] = await run({ algorithms: [pricing] }, [pdAlert('device_os')], EU_RULE_PACK);
    expect(f.legal_basis).toEqual(['EU-DSA-27']);
  });
});

describe('filing_inconsistency: opt-out declarations', () => {
  const poAlert = alert('personalization_opt_out', {
    id: 'po-1',
    subject: { algorithm_id: 'a-rec' },
    metrics: { characteristic: 'device_os' },
    evidence: [{ file: 'impressions', id: 'r-1' }],
  });

  it('reports opt_out_available=true with a personalization_opt_out alert on the same algorithm', async () => {
    const [f] = await run({ algorithms: [declaration({ algorithm_id: 'a-rec', opt_out_available: true })] }, [poAlert]);
    expect(f).toMatchObject({ kind: 'opt_out', subject: { algorithm_id: 'a-rec' }, metrics: { characteristics: ['device_os'] } });
    expect(f.evidence.map((e) => e.id)).toEqual(['a-rec', 'r-1']);
  });

  it('says nothing when no opt-out is declared, or the alert is another algorithm’s', async () => {
    expect(await run({ algorithms: [declaration({ algorithm_id: 'a-rec' })] }, [poAlert])).toEqual([]);
    expect(await run({ algorithms: [declaration({ algorithm_id: 'a-other', opt_out_available: true })] }, [poAlert])).toEqual([]);
  });

  it('runs after personalization_opt_out in a real run and reads its alert', async () => {
    const rows: Impression[] = [];
    for (let c = 0; c < 30; c++) {
      for (let i = 0; i < 8; i++) {
        const list = i % 2 ? skuList(`c${c}a`) : [...skuList(`c${c}a`, 7), ...skuList(`c${c}b`, 3)];
        rows.push(impression({ request_id: `r${c}-${i}`, tsMs: T0 + c * HOUR, query: `q${c}`, algorithm_id: 'a-rec', user: { device_os: i % 2 ? 'ios' : 'android' }, items: list }));
      }
    }
    const source = new MemorySource({ impressions: rows, algorithms: [declaration({ algorithm_id: 'a-rec', opt_out_available: true })] });
    const findings = await runDetectors([personalizationOptOutDetector, detector], source, CN_RULE_PACK);
    expect(findings.map((f) => `${f.detector}/${f.kind}`)).toEqual(['personalization_opt_out/null', 'filing_inconsistency/opt_out']);
  });
});

describe('filing_inconsistency: dependence on undeclared characteristics', () => {
  /**
   * Personalized requests of `a-rec`: in each cell of 8 users, results follow `by` (half the
   * users see list A, half a list sharing 7 items). spend_90d runs 0..70,000 and device_os
   * follows spend in 6 of 8 users (ios from 40,000 on, except two swapped users).
   */
  function requests(by: 'gender' | 'spend', personalized = true, platform = 'p1'): Impression[] {
    const rows: Impression[] = [];
    for (let c = 0; c < 30; c++) {
      for (let i = 0; i < 8; i++) {
        const spend = i * 10_000;
        const device = i === 3 ? 'ios' : i === 4 ? 'android' : spend >= 40_000 ? 'ios' : 'android';
        const gender = i % 2 ? 'f' : 'm';
        const high = by === 'gender' ? gender === 'f' : spend >= 40_000;
        const list = high ? skuList(`c${c}a`) : [...skuList(`c${c}a`, 7), ...skuList(`c${c}b`, 3)];
        rows.push(
          impression({
            platform_id: platform,
            request_id: `${platform}-r${c}-${i}`,
            tsMs: T0 + c * HOUR + i,
            query: `q${c}`,
            algorithm_id: 'a-rec',
            personalized,
            user: { spend_90d: spend, device_os: device, gender, region: String(110000 + Math.floor(mulberry32(c * 8 + i)() * 12) * 10000) },
            items: list,
          }),
        );
      }
    }
    return rows;
  }

  it('reports personalized results that follow an undeclared characteristic', async () => {
    const findings = await run({ algorithms: [declaration({ algorithm_id: 'a-rec' })], impressions: requests('gender') });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ kind: 'undeclared_feature', subject: { algorithm_id: 'a-rec' }, metrics: { characteristics: ['gender'], characteristic: 'gender' } });
    expect(f.metrics.gap as number).toBeCloseTo(6 / 13, 4);
    expect(f.evidence[0]).toMatchObject({ file: 'algorithms', id: 'a-rec' });
    expect(f.evidence.slice(1).every((e) => e.file === 'impressions')).toBe(true);
    expect(f.evidence.length).toBeLessThanOrEqual(50);
  });

  it('keeps its power when an unrelated many-valued characteristic is declared', async () => {
    const declared = declaration({ algorithm_id: 'a-rec', declared_features: ['query', 'region'] });
    const [f] = await run({ algorithms: [declared], impressions: requests('gender') });
    expect(f.metrics.characteristic).toBe('gender');
    expect(f.metrics.conditioned_on).toEqual([]);
  });

  it('accepts the dependence once the characteristic is declared', async () => {
    const declared = declaration({ algorithm_id: 'a-rec', declared_features: ['query', 'gender'] });
    expect(await run({ algorithms: [declared], impressions: requests('gender') })).toEqual([]);
  });

  it('does not blame an undeclared characteristic that only follows a declared one', async () => {
    const declared = declaration({ algorithm_id: 'a-rec', declared_features: ['spend_90d'] });
    expect(await run({ algorithms: [declared], impressions: requests('spend') })).toEqual([]);
    // Without spend declared, both spend and its correlate device_os are undeclared: the
    // conditioning is only on what is declared, so spend (and device) are reported.
    const [f] = await run({ algorithms: [declaration({ algorithm_id: 'a-rec' })], impressions: requests('spend') });
    expect(f.metrics.characteristic).toBe('spend_90d');
  });

  it('only measures personalized requests (the opt-out check covers the others)', async () => {
    expect(await run({ algorithms: [declaration({ algorithm_id: 'a-rec' })], impressions: requests('gender', false) })).toEqual([]);
  });

  it('gives the same findings per platform as over everything, in any row order', async () => {
    const algorithms = ['p1', 'p2'].flatMap((p) => [
      declaration({ platform_id: p, algorithm_id: 'a-rec' }),
      declaration({ platform_id: p, algorithm_id: `${p}-pricing`, surfaces: ['pricing'] }),
    ]);
    const impressions = [...requests('gender', true, 'p1'), ...requests('spend', true, 'p2')];
    const prior = [pdAlert('device_os', { platform_id: 'p2' })];
    const rules = CN_RULE_PACK;
    const source = new MemorySource({ algorithms, impressions });
    const whole = detector.decide([await detector.analyze(source, rules)], { rules, priorFindings: prior });
    const parts = await Promise.all(['p1', 'p2'].map((p) => detector.analyze(source.forPlatform(p), rules)));
    expect(detector.decide(JSON.parse(JSON.stringify(parts)), { rules, priorFindings: prior })).toEqual(whole);
    const reordered = new MemorySource({ algorithms: shuffled(algorithms), impressions: shuffled(impressions) });
    expect(detector.decide([await detector.analyze(reordered, rules)], { rules, priorFindings: prior })).toEqual(whole);
    expect(whole.map((f) => `${f.platform_id}/${f.subject.algorithm_id}/${f.kind}`)).toEqual([
      'p1/a-rec/undeclared_feature',
      'p2/a-rec/undeclared_feature',
      'p2/p2-pricing/personal_pricing',
    ]);
  });
});
