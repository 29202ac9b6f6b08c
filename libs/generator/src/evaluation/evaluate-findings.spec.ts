import type { Finding } from '@fairmarket/contract';
import type { Label } from '../scenario';
import { evaluateFindings, findingMatchesLabel } from './evaluate-findings';

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'f-1',
    detector: 'fake_promotion',
    kind: 'fake_scarcity',
    severity: 'medium',
    platform_id: 'p1',
    subject: { merchant_id: 'm1', sku_id: 's1' },
    period: null,
    summary: 'A summary.',
    metrics: {},
    evidence: [],
    evidence_total: 0,
    legal_basis: [],
    method: 'm',
    ...over,
  };
}

function label(over: Partial<Label>): Label {
  return {
    case_id: 'case-1',
    detector: 'fake_promotion',
    kind: 'fake_scarcity',
    platform_id: 'p1',
    match: { sku_id: 's1' },
    expected: { cn: 'alert', eu: 'alert' },
    note: '',
    ...over,
  };
}

describe('findingMatchesLabel', () => {
  it('needs the same detector, platform, kind and every match field', () => {
    expect(findingMatchesLabel(finding({}), label({}))).toBe(true);
    expect(findingMatchesLabel(finding({ platform_id: 'p2' }), label({}))).toBe(false);
    expect(findingMatchesLabel(finding({ kind: 'inflated_sales' }), label({}))).toBe(false);
    expect(findingMatchesLabel(finding({ subject: { sku_id: 's2' } }), label({}))).toBe(false);
    expect(findingMatchesLabel(finding({ detector: 'below_cost_pricing' }), label({}))).toBe(false);
  });

  it('ignores kind when the label has none, and looks inside array subject fields', () => {
    const conduct = finding({ detector: 'exclusivity_conduct', kind: null, subject: { merchant_ids: ['m1', 'm7'] } });
    expect(findingMatchesLabel(conduct, label({ detector: 'exclusivity_conduct', kind: null, match: { merchant_ids: 'm7' } }))).toBe(true);
    expect(findingMatchesLabel(conduct, label({ detector: 'exclusivity_conduct', kind: null, match: { merchant_ids: 'm9' } }))).toBe(false);
    expect(findingMatchesLabel(finding({ kind: 'anything' }), label({ kind: null }))).toBe(true);
  });
});

describe('evaluateFindings', () => {
  const labels: Label[] = [
    label({ case_id: 'scarce-1', match: { sku_id: 's1' } }),
    label({ case_id: 'scarce-2', match: { sku_id: 's2' } }),
    // A look-alike: lawful under both packs.
    label({ case_id: 'honest-3', match: { sku_id: 's3' }, expected: { cn: 'none', eu: 'none' } }),
    // Only the eu pack makes this an alert; cn expects info.
    label({ case_id: 'ref-4', kind: 'fictitious_reference_price', match: { sku_id: 's4' }, expected: { cn: 'info', eu: 'alert' } }),
  ];
  const findings: Finding[] = [
    finding({ id: 'fp-a', subject: { sku_id: 's1' } }),
    finding({ id: 'fp-b', subject: { sku_id: 's1' }, severity: 'high' }),
    finding({ id: 'fp-c', subject: { sku_id: 's3' }, summary: 'Stock claims outran orders.' }),
    finding({ id: 'fp-d', kind: 'fictitious_reference_price', subject: { sku_id: 's4' }, severity: 'info' }),
  ];

  it('counts alerts on alert labels as true, others as false, unmatched alert labels as missed', () => {
    const score = evaluateFindings(findings, labels, 'cn').fake_promotion;
    expect(score).toMatchObject({ tp: 2, fp: 1, fn: 1, missed: ['scarce-2'], false_positives: ['fp-c: Stock claims outran orders.'] });
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(1 / 2);
  });

  it('reports info labels matched by info findings apart, and never counts info findings as alerts', () => {
    const cn = evaluateFindings(findings, labels, 'cn').fake_promotion;
    expect(cn).toMatchObject({ info_labels: 1, info_matched: 1, info_missed: [] });
    const eu = evaluateFindings(findings, labels, 'eu').fake_promotion;
    expect(eu.missed).toEqual(['scarce-2', 'ref-4']);
    expect(eu.info_labels).toBe(0);
  });

  it('scores a detector with no alerts and no alert labels as perfect, for every detector', () => {
    const scores = evaluateFindings([], [], 'cn');
    expect(Object.keys(scores)).toHaveLength(8);
    expect(scores.self_preferencing).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    const onlyFalse = evaluateFindings([finding({ detector: 'self_preferencing', kind: null, severity: 'high' })], [], 'cn');
    expect(onlyFalse.self_preferencing.precision).toBe(0);
  });
});
