import type { AlgorithmDeclaration, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import type { Bilingual, FilingDocument, FilingInconsistency } from './filing-document';
import { ALGORITHM_TYPE_LABELS, featureLabel, joinLabels, pct, surfaceLabel } from './filing-labels';
import { measureAlgorithm } from './measure-algorithm';

const SECTION_OF_KIND: Record<string, string> = {
  personal_pricing: 'algorithm.input_data',
  opt_out: 'algorithm.user_controls',
  undeclared_feature: 'algorithm.input_data',
};

/**
 * A filing draft for one declared algorithm: the CAC filing's structure (filer, algorithm
 * information, 算法安全自评估报告, 拟公示内容) and a DSA art. 27/38 statement, filled from the
 * declaration and from what the logs measured. Every filing_inconsistency finding of the
 * algorithm is listed and echoed in the sections it contradicts.
 */
export function buildFiling(declaration: AlgorithmDeclaration, findings: readonly Finding[], rules: RulePack, generatedAt = new Date()): FilingDocument {
  const d = declaration;
  const measured = measureAlgorithm(d, findings, rules);
  const typeLabel = ALGORITHM_TYPE_LABELS[d.type] ?? { zh: d.type, en: d.type };
  const scenarios = (d.surfaces ?? []).map(surfaceLabel);
  const features = joinLabels(d.declared_features.map(featureLabel), { zh: '无', en: 'none' });
  const inconsistencies: FilingInconsistency[] = findings
    .filter((f) => f.detector === 'filing_inconsistency' && f.platform_id === d.platform_id && f.subject.algorithm_id === d.algorithm_id)
    .map((f) => ({ finding_id: f.id, kind: String(f.kind), summary: { zh: f.summary_zh ?? f.summary, en: f.summary }, section: SECTION_OF_KIND[String(f.kind)] ?? 'algorithm' }));
  const undeclared = measured.characteristics.filter((c) => !c.declared);
  const warn = (text: Bilingual, kinds: string[]): Bilingual => {
    const hits = inconsistencies.filter((i) => kinds.includes(i.kind));
    if (hits.length === 0) return text;
    return { zh: `${text.zh}【与日志不一致：${hits.map((h) => h.summary.zh).join('；')}】`, en: `${text.en} [INCONSISTENT WITH THE LOGS: ${hits.map((h) => h.summary.en).join('; ')}]` };
  };
  const risks: Bilingual[] = [
    ...measured.characteristics.map((c) => ({
      zh: `${featureLabel(c.characteristic).zh}实际影响${c.moves === 'prices' ? '价格' : '排序/推荐结果'}${c.effect !== null ? `（效应 ${c.moves === 'prices' ? pct(c.effect) : c.effect.toFixed(2)}）` : ''}${c.declared ? '' : '，且未在备案中声明'}（${c.finding_id}）。`,
      en: `${featureLabel(c.characteristic).en} actually moves ${c.moves === 'prices' ? 'prices' : 'rankings and recommendations'}${c.effect !== null ? ` (effect ${c.moves === 'prices' ? pct(c.effect) : c.effect.toFixed(2)})` : ''}${c.declared ? '' : ', and is not declared'} (${c.finding_id}).`,
    })),
    ...(measured.opt_out.alert ? [measured.opt_out.text] : []),
    ...(measured.self_preferencing.alert ? [measured.self_preferencing.text] : []),
  ];
  const clean = risks.length === 0 && inconsistencies.length === 0;
  const tags = d.user_tag_controls;
  return {
    schema: 'fairmarket.filing/v1',
    generated_at: generatedAt.toISOString(),
    rule_pack: rules.name,
    filer: { platform_id: d.platform_id, name: d.platform_id, entity_type: { zh: '企业（电子商务平台经营者）', en: 'company (e-commerce platform operator)' } },
    algorithm: {
      id: d.algorithm_id,
      name: d.name,
      version: d.version ?? null,
      launched_at: d.launched_at ?? null,
      type: d.type,
      type_label: typeLabel,
      application_domain: { zh: '电子商务', en: 'e-commerce' },
      scenarios,
      principle: d.principle ? { zh: d.principle, en: d.principle } : { zh: '（未声明）', en: '(not declared)' },
      mechanism: {
        zh: `以${features.zh}为输入，按${typeLabel.zh}算法在${joinLabels(scenarios, { zh: '（未声明场景）', en: '' }).zh}中${d.type === 'scheduling_decision' ? '作出定价与优惠决定' : '对商品排序与推荐'}。`,
        en: `Takes ${features.en} as input and, as a ${typeLabel.en} algorithm, ${d.type === 'scheduling_decision' ? 'decides prices and coupons' : 'ranks and recommends items'} in ${joinLabels(scenarios, { zh: '', en: '(no scenario declared)' }).en}.`,
      },
      purpose: d.purpose ? { zh: d.purpose, en: d.purpose } : { zh: '（未声明）', en: '(not declared)' },
      input_data: warn(
        {
          zh: `声明使用的用户特征：${features.zh}。日志实测影响结果的特征：${joinLabels(measured.characteristics.map((c) => featureLabel(c.characteristic)), { zh: '未发现', en: '' }).zh}。`,
          en: `Declared user characteristics: ${features.en}. Characteristics the logs show moving outcomes: ${joinLabels(measured.characteristics.map((c) => featureLabel(c.characteristic)), { zh: '', en: 'none found' }).en}.`,
        },
        ['personal_pricing', 'undeclared_feature'],
      ),
      declared_features: [...d.declared_features],
      user_controls: {
        non_personalised_option: {
          declared: d.opt_out_available,
          measured: warn(d.opt_out_available ? measured.opt_out.text : { zh: '未声明提供不针对个人特征的选项。', en: 'No non-personalised option is declared.' }, ['opt_out']),
        },
        tag_management: {
          declared: tags ?? null,
          text: tags ? { zh: '用户可查看并删除其用户标签。', en: 'Users can see and delete their tags.' } : { zh: '未声明用户标签管理功能。', en: 'No tag management is declared.' },
        },
      },
    },
    measured,
    self_assessment: {
      algorithm_situation: { zh: `${d.name}，${typeLabel.zh}，版本 ${d.version ?? '未声明'}，上线 ${d.launched_at ?? '未声明'}。`, en: `${d.name}, ${typeLabel.en}, version ${d.version ?? 'not declared'}, launched ${d.launched_at ?? 'not declared'}.` },
      service_situation: { zh: `服务场景：${joinLabels(scenarios, { zh: '未声明', en: '' }).zh}。${measured.exposure.text.zh}`, en: `Service scenarios: ${joinLabels(scenarios, { zh: '', en: 'not declared' }).en}. ${measured.exposure.text.en}` },
      risk_assessment: risks.length > 0 ? risks : [{ zh: '日志未显示算法歧视、选项失效或自我优待风险（在规则包阈值下）。', en: 'The logs show no discrimination, failed opt-out or self-preferencing risk (under the rule pack thresholds).' }],
      risk_controls: [
        { zh: '提供不针对个人特征的选项，并定期以日志检验其有效性。', en: 'Offer a non-personalised option and test it regularly against the logs.' },
        ...(undeclared.length > 0 ? [{ zh: `在备案中补充声明或停止使用：${undeclared.map((c) => featureLabel(c.characteristic).zh).join('、')}。`, en: `Declare, or stop using: ${undeclared.map((c) => featureLabel(c.characteristic).en).join(', ')}.` }] : []),
        ...(measured.self_preferencing.alert ? [{ zh: '对自营与第三方商品适用同一排序规则。', en: 'Rank own and third-party items by the same rules.' }] : []),
      ],
      conclusion: clean
        ? { zh: '评估结论：风险可控，备案内容与日志一致。', en: 'Conclusion: risks are under control and the declaration matches the logs.' }
        : { zh: `评估结论：存在 ${inconsistencies.length} 处备案与日志不一致、${risks.length} 项风险，须整改后再提交备案。`, en: `Conclusion: ${inconsistencies.length} inconsistency(ies) between declaration and logs and ${risks.length} risk(s); correct them before filing.` },
    },
    publication: {
      zh: `${d.name}（${typeLabel.zh}）。基本原理：${d.principle ?? '未声明'}。目的意图：${d.purpose ?? '未声明'}。运行机制：以${features.zh}为输入。${d.opt_out_available ? '用户可在设置中关闭个性化推荐。' : ''}${tags ? '用户可管理其标签。' : ''}`,
      en: `${d.name} (${typeLabel.en}). Principle: ${d.principle ?? 'not declared'}. Purpose: ${d.purpose ?? 'not declared'}. Mechanism: uses ${features.en}.${d.opt_out_available ? ' Users can switch personalisation off in settings.' : ''}${tags ? ' Users can manage their tags.' : ''}`,
    },
    dsa_art27: {
      main_parameters: d.declared_features.map(featureLabel),
      why_they_matter: { zh: `这些参数决定${joinLabels(scenarios, { zh: '相关场景', en: '' }).zh}中商品的展示顺序与价格。`, en: `These parameters decide which items are shown first${d.type === 'scheduling_decision' ? ' and at which price' : ''} in ${joinLabels(scenarios, { zh: '', en: 'the declared scenarios' }).en}.` },
      user_options: { zh: d.opt_out_available ? '用户可关闭个性化。' : '用户无法修改推荐参数。', en: d.opt_out_available ? 'Users can switch personalisation off.' : 'Users have no option to modify the parameters.' },
      art38_non_profiling_option: warn(
        d.opt_out_available ? { zh: '提供不基于用户画像的选项。', en: 'An option not based on profiling is offered.' } : { zh: '未提供不基于用户画像的选项（超大型在线平台须提供）。', en: 'No option not based on profiling is offered (required of very large online platforms).' },
        ['opt_out'],
      ),
    },
    inconsistencies,
    findings_considered: findings.filter((f) => f.platform_id === d.platform_id).map((f) => f.id),
  };
}
