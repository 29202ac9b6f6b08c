import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlgorithmDeclaration, Finding } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { buildFiling } from './build-filing';
import { renderFilingMarkdown } from './render-filing-markdown';
import { renderFilingPdf } from './render-filing-pdf';

const pricing: AlgorithmDeclaration = {
  platform_id: 'p1',
  algorithm_id: 'p1-pricing',
  name: '商品定价算法 / pricing',
  type: 'scheduling_decision',
  surfaces: ['pricing'],
  purpose: '确定售价',
  principle: '同一商品对所有用户同价',
  declared_features: ['new_user', 'member_tier'],
  personal_pricing: false,
  opt_out_available: true,
  user_tag_controls: true,
};

function finding(patch: Partial<Finding> & Pick<Finding, 'id' | 'detector'>): Finding {
  return { kind: null, severity: 'high', platform_id: 'p1', subject: {}, period: null, summary: 's', metrics: {}, evidence: [], evidence_total: 0, legal_basis: [], method: '', ...patch };
}

const findings: Finding[] = [
  finding({ id: 'pd-1', detector: 'price_discrimination', subject: { attribute: 'device_os', group: 'ios' }, metrics: { effect: 0.061 } }),
  finding({
    id: 'fi-1',
    detector: 'filing_inconsistency',
    kind: 'personal_pricing',
    severity: 'medium',
    subject: { algorithm_id: 'p1-pricing' },
    summary: 'Pricing algorithm p1-pricing is declared with that personal characteristics do not influence prices, yet prices differ by device_os.',
    summary_zh: '定价算法 p1-pricing 备案声明个人特征不影响价格，但价格因 device_os 而不同。',
  }),
  finding({ id: 'pd-other', detector: 'price_discrimination', platform_id: 'p2', subject: { attribute: 'gender' }, metrics: { effect: 0.1 } }),
];

describe('buildFiling', () => {
  const filing = buildFiling(pricing, findings, CN_RULE_PACK, new Date('2026-04-01T00:00:00Z'));

  it('fills the CAC structure from the declaration and what the logs measured', () => {
    expect(filing.algorithm.type_label).toEqual({ zh: '调度决策类', en: 'scheduling and decision-making' });
    expect(filing.measured.characteristics).toEqual([{ characteristic: 'device_os', moves: 'prices', declared: false, effect: 0.061, finding_id: 'pd-1' }]);
    expect(filing.findings_considered).toEqual(['pd-1', 'fi-1']);
    expect(filing.self_assessment.conclusion.en).toContain('1 inconsistency');
    expect(filing.self_assessment.risk_controls.map((r) => r.en).join(' ')).toContain('device operating system');
    expect(filing.dsa_art27.main_parameters.map((p) => p.en)).toEqual(['new-user status', 'membership tier']);
  });

  it('puts every inconsistency first and in the section it contradicts, in both languages', () => {
    expect(filing.inconsistencies).toEqual([expect.objectContaining({ finding_id: 'fi-1', kind: 'personal_pricing', section: 'algorithm.input_data' })]);
    expect(filing.algorithm.input_data.zh).toContain('与日志不一致');
    const zh = renderFilingMarkdown(filing, 'zh');
    const en = renderFilingMarkdown(filing, 'en');
    expect(zh.split('\n')[4]).toMatch(/^> \*\*⚠ 备案内容与日志不一致/);
    expect(en.split('\n')[4]).toMatch(/^> \*\*⚠ The declaration contradicts the logs/);
    expect(zh).toContain('## 四、算法安全自评估报告');
    expect(zh).toContain('风险研判');
    expect(zh).toContain('## 五、拟公示内容');
    expect(en).toContain('INCONSISTENT WITH THE LOGS');
  });

  it('says the declaration is consistent when the logs agree', () => {
    const ok = buildFiling({ ...pricing, platform_id: 'p3' }, findings, CN_RULE_PACK);
    expect(ok.inconsistencies).toEqual([]);
    expect(renderFilingMarkdown(ok, 'en')).not.toContain('⚠');
    expect(ok.self_assessment.conclusion.zh).toContain('一致');
  });

  it('renders a PDF whose Chinese text a PDF reader extracts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fm-filing-'));
    try {
      const chunks: Buffer[] = [];
      for await (const c of renderFilingPdf(filing)) chunks.push(c as Buffer);
      const file = join(dir, 'filing.pdf');
      await writeFile(file, Buffer.concat(chunks));
      const text = execFileSync('pdftotext', [file, '-']).toString('utf8');
      expect(text).toContain('算法安全自评估报告');
      expect(text).toContain('备案内容与日志不一致');
      expect(text).toContain('Algorithm filing draft');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
