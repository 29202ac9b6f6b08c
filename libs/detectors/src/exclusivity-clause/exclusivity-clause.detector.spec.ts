import type { Finding, PlatformDocument } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { DETECTORS } from '../registry';
import { runDetectors } from '../run-detectors';
import { MemorySource } from '../testing/memory-source';
import { exclusivityClauseDetector as detector } from './index';

function doc(fields: Partial<PlatformDocument> & Pick<PlatformDocument, 'document_id' | 'text'>): PlatformDocument {
  return {
    platform_id: 'p1',
    kind: 'campaign_rule',
    language: 'zh',
    ...fields,
  };
}

const CAMPAIGN = doc({
  document_id: 'd1',
  title: '618大促招商规则',
  issued_at: '2026-05-01',
  text: '一、报名商家须在活动期间保证本平台价格为全网最低价。二、报名商家在活动期间不得参加其他平台同类促销活动，否则平台有权取消其活动资格并限制店铺流量。三、商家可自主决定商品库存。',
});
const AGREEMENT = doc({
  document_id: 'd2',
  kind: 'merchant_agreement',
  language: 'en',
  title: 'Seller Services Agreement',
  text: '4.1 This Agreement is non-exclusive and Seller may offer its products through any other channel. 4.2 Seller shall keep confidential the terms of this Agreement.',
});
const ADDENDUM = doc({
  platform_id: 'p2',
  document_id: 'd3',
  kind: 'merchant_agreement',
  language: 'en',
  text: 'During the Term, Seller shall not:\n(a) list the Products on any other marketplace;\n(b) keep records longer than required.\nSeller shall close its stores on competing platforms within 30 days.',
});
const MESSAGE = doc({
  platform_id: 'p3',
  document_id: 'm1',
  kind: 'message',
  merchant_id: 'shop-9',
  text: '🎉店铺经营提醒😀\n您好，经核实贵店仍在其他平台参加同期活动，平台将暂停贵店的流量扶持。',
});

async function run(docs: PlatformDocument[], rules: RulePack = CN_RULE_PACK): Promise<Finding[]> {
  const partial = await detector.analyze(new MemorySource({ documents: docs }), rules);
  return detector.decide([partial], { rules, priorFindings: [] });
}

describe('exclusivity_clause detector', () => {
  it('finds the two violating clauses of the spec example and none in the benign agreement', async () => {
    const findings = await run([CAMPAIGN, AGREEMENT]);
    expect(findings.map((f) => [f.subject.category, f.subject.span, f.metrics.rule])).toEqual(
      expect.arrayContaining([
        ['parity', [2, 26], 'zh.parity.lowest_across_market'],
        ['rival_penalty', [28, 73], 'zh.penalty.sanction_for_rival_activity'],
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('writes one complete finding per clause', async () => {
    const [finding] = (await run([CAMPAIGN])).filter((f) => f.subject.category === 'rival_penalty');
    expect(finding).toMatchObject({
      detector: 'exclusivity_clause',
      kind: null,
      severity: 'high',
      platform_id: 'p1',
      subject: { document_id: 'd1', span: [28, 73], category: 'rival_penalty' },
      period: {
        from: '2026-05-01T00:00:00+08:00',
        to: '2026-05-01T23:59:59+08:00',
      },
      evidence: [
        {
          file: 'documents',
          id: 'd1',
          note: '报名商家在活动期间不得参加其他平台同类促销活动，否则平台有权取消其活动资格并限制店铺流量。',
        },
      ],
      evidence_total: 1,
      legal_basis: ['CN-ECL-35', 'CN-AML-22', 'CN-PLATFORM-GUIDE'],
      metrics: {
        rule: 'zh.penalty.sanction_for_rival_activity',
        language: 'zh',
        clause_text: '报名商家在活动期间不得参加其他平台同类促销活动，否则平台有权取消其活动资格并限制店铺流量。',
        lead_in: null,
        other_categories: ['exclusive_dealing'],
      },
    });
    expect(finding.id).toMatch(/^ec-[0-9a-f]{8}$/);
    expect(finding.metrics.cues).toEqual(expect.arrayContaining(['参加', '其他平台']));
    expect(finding.summary).toContain(
      'Campaign rule d1 ("618大促招商规则") sanctions merchants for selling or promoting on other platforms',
    );
    expect(finding.summary_zh).toContain('活动规则d1《618大促招商规则》第28至73字的条款');
    expect(finding.method).toContain('zh.penalty.sanction_for_rival_activity');
    expect(JSON.parse(JSON.stringify(finding))).toEqual(finding);
  });

  it('takes legal bases and the calendar from the rule pack (cn and eu differ)', async () => {
    const cn = await run([CAMPAIGN], CN_RULE_PACK);
    const eu = await run([CAMPAIGN], EU_RULE_PACK);
    const parity = (fs: Finding[]) => fs.find((f) => f.subject.category === 'parity')!;
    expect(parity(cn).legal_basis).toEqual(CN_RULE_PACK.exclusivity_clause.legal_basis.parity);
    expect(parity(eu).legal_basis).toEqual(['EU-DMA-5-3']);
    expect(parity(eu).period).toEqual({
      from: '2026-05-01T00:00:00Z',
      to: '2026-05-01T23:59:59Z',
    });
    expect(parity(cn).id).not.toBe(parity(eu).id);
  });

  it('reads list items after their lead-in and reports the lead-in used', async () => {
    const findings = await run([ADDENDUM]);
    expect(findings.map((f) => [f.subject.category, f.metrics.clause_text, f.metrics.lead_in])).toEqual(
      expect.arrayContaining([
        ['exclusive_dealing', 'list the Products on any other marketplace;', 'During the Term, Seller shall not:'],
        ['exclusive_dealing', 'Seller shall close its stores on competing platforms within 30 days.', null],
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('counts spans in code points of the text, emoji included', async () => {
    const [finding] = await run([MESSAGE]);
    const [start, end] = finding.subject.span as [number, number];
    // 🎉 and 😀 are one code point each (two UTF-16 units): the clause starts at 9, not 11.
    expect(start).toBe(9);
    expect(MESSAGE.text.indexOf('您好')).toBe(11);
    expect(Array.from(MESSAGE.text).slice(start, end).join('')).toBe(finding.metrics.clause_text);
  });

  it('truncates the evidence note at 200 characters', async () => {
    const long = `商家不得在其他平台开设店铺${'，并应遵守平台的各项管理规定'.repeat(20)}。`;
    const [finding] = await run([doc({ document_id: 'long', text: long })]);
    expect(Array.from(finding.evidence[0].note!)).toHaveLength(200);
    expect(finding.metrics.clause_text).toBe(long);
  });

  it('gives stable ids and the same findings whatever the row order', async () => {
    const docs = [CAMPAIGN, AGREEMENT, ADDENDUM, MESSAGE];
    const a = await run(docs);
    const b = await run([...docs].reverse());
    expect(b).toEqual(a);
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
  });

  it('gives the same answer per platform (worker) as over everything (CLI)', async () => {
    const source = new MemorySource({
      documents: [CAMPAIGN, AGREEMENT, ADDENDUM, MESSAGE],
    });
    const whole = detector.decide([await detector.analyze(source, CN_RULE_PACK)], {
      rules: CN_RULE_PACK,
      priorFindings: [],
    });
    const partials = await Promise.all(
      ['p3', 'p1', 'p2'].map((p) => detector.analyze(source.forPlatform(p), CN_RULE_PACK)),
    );
    const split = detector.decide(JSON.parse(JSON.stringify(partials)), {
      rules: CN_RULE_PACK,
      priorFindings: [],
    });
    expect(split).toEqual(whole);
    expect(new Set(whole.map((f) => f.platform_id))).toEqual(new Set(['p1', 'p2', 'p3']));
  });

  it('reports a document submitted twice once', async () => {
    expect(await run([CAMPAIGN, CAMPAIGN])).toEqual(await run([CAMPAIGN]));
  });

  it('skips documents without text and runs from the registry through runDetectors', async () => {
    expect(await run([doc({ document_id: 'empty', text: '' })])).toEqual([]);
    expect(DETECTORS).toContain(detector);
    const findings = await runDetectors(DETECTORS, new MemorySource({ documents: [CAMPAIGN] }), CN_RULE_PACK, {
      only: ['exclusivity_clause'],
    });
    expect(findings.map((f) => f.subject.category).sort()).toEqual(['parity', 'rival_penalty']);
  });
});
