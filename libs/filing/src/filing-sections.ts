import type { Bilingual, FilingDocument } from './filing-document';

export type Lang = 'zh' | 'en';

export interface FilingSection {
  heading: Bilingual;
  rows: [Bilingual, Bilingual][];
  paragraphs?: Bilingual[];
}

/**
 * The filing as ordered sections, shared by the Markdown and PDF renderers so both show the
 * same content in the same order.
 */
export function filingSections(f: FilingDocument): FilingSection[] {
  const a = f.algorithm;
  const yes = (b: boolean | null): Bilingual => (b === null ? { zh: '未声明', en: 'not declared' } : b ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });
  const t = (s: string): Bilingual => ({ zh: s, en: s });
  return [
    {
      heading: { zh: '一、备案主体信息', en: '1. Filer information' },
      rows: [
        [{ zh: '平台标识', en: 'Platform id' }, t(f.filer.platform_id)],
        [{ zh: '主体类型', en: 'Entity type' }, f.filer.entity_type],
      ],
    },
    {
      heading: { zh: '二、算法基本信息', en: '2. Algorithm information' },
      rows: [
        [{ zh: '算法名称', en: 'Name' }, t(a.name)],
        [{ zh: '算法编号', en: 'Algorithm id' }, t(a.id)],
        [{ zh: '算法类型', en: 'Type' }, a.type_label],
        [{ zh: '版本 / 上线日期', en: 'Version / launched' }, t(`${a.version ?? '—'} / ${a.launched_at ?? '—'}`)],
        [{ zh: '应用领域', en: 'Application domain' }, a.application_domain],
        [{ zh: '应用场景', en: 'Scenarios' }, { zh: a.scenarios.map((s) => s.zh).join('、') || '—', en: a.scenarios.map((s) => s.en).join(', ') || '—' }],
        [{ zh: '基本原理', en: 'Basic principle' }, a.principle],
        [{ zh: '运行机制', en: 'Operating mechanism' }, a.mechanism],
        [{ zh: '目的意图', en: 'Purpose' }, a.purpose],
        [{ zh: '输入数据与所用特征', en: 'Input data and characteristics used' }, a.input_data],
        [{ zh: '不针对个人特征的选项（声明）', en: 'Non-personalised option (declared)' }, yes(a.user_controls.non_personalised_option.declared)],
        [{ zh: '不针对个人特征的选项（实测）', en: 'Non-personalised option (measured)' }, a.user_controls.non_personalised_option.measured],
        [{ zh: '用户标签管理', en: 'Tag management' }, a.user_controls.tag_management.text],
      ],
    },
    {
      heading: { zh: '三、日志实测', en: '3. What the logs measured' },
      rows: [
        ...f.measured.characteristics.map(
          (c): [Bilingual, Bilingual] => [
            t(c.characteristic),
            {
              zh: `影响${c.moves === 'prices' ? '价格' : '排序'}；效应 ${c.effect ?? '—'}；${c.declared ? '已声明' : '未声明'}；${c.finding_id}`,
              en: `moves ${c.moves}; effect ${c.effect ?? '—'}; ${c.declared ? 'declared' : 'NOT declared'}; ${c.finding_id}`,
            },
          ],
        ),
        [{ zh: '关闭个性化后的合规性', en: 'Opt-out compliance' }, f.measured.opt_out.text],
        [{ zh: '自我优待', en: 'Self-preferencing' }, f.measured.self_preferencing.text],
        [{ zh: '曝光分布', en: 'Exposure' }, f.measured.exposure.text],
      ],
    },
    {
      heading: { zh: '四、算法安全自评估报告', en: '4. Algorithm security self-assessment report' },
      rows: [
        [{ zh: '（一）算法情况', en: '(1) The algorithm' }, f.self_assessment.algorithm_situation],
        [{ zh: '（二）服务情况', en: '(2) The service' }, f.self_assessment.service_situation],
        ...f.self_assessment.risk_assessment.map((r, i): [Bilingual, Bilingual] => [{ zh: `（三）风险研判 ${i + 1}`, en: `(3) Risk assessment ${i + 1}` }, r]),
        ...f.self_assessment.risk_controls.map((r, i): [Bilingual, Bilingual] => [{ zh: `（四）风险防控 ${i + 1}`, en: `(4) Risk controls ${i + 1}` }, r]),
        [{ zh: '（五）评估结论', en: '(5) Conclusion' }, f.self_assessment.conclusion],
      ],
    },
    { heading: { zh: '五、拟公示内容', en: '5. Content to publish' }, rows: [], paragraphs: [f.publication] },
    {
      heading: { zh: '六、欧盟《数字服务法》第27条声明', en: '6. EU DSA art. 27 statement' },
      rows: [
        [{ zh: '主要参数', en: 'Main parameters' }, { zh: f.dsa_art27.main_parameters.map((p) => p.zh).join('、') || '—', en: f.dsa_art27.main_parameters.map((p) => p.en).join(', ') || '—' }],
        [{ zh: '参数的重要性', en: 'Why they matter' }, f.dsa_art27.why_they_matter],
        [{ zh: '用户选项', en: 'User options' }, f.dsa_art27.user_options],
        [{ zh: '第38条 非画像选项', en: 'Art. 38 non-profiling option' }, f.dsa_art27.art38_non_profiling_option],
      ],
    },
  ];
}

/** The banner every renderer puts first, so a reviewer cannot miss an inconsistency. */
export function inconsistencyBanner(f: FilingDocument, lang: Lang): string[] {
  if (f.inconsistencies.length === 0) return [];
  const head = lang === 'zh' ? `⚠ 备案内容与日志不一致（${f.inconsistencies.length} 处），提交前必须更正：` : `⚠ The declaration contradicts the logs (${f.inconsistencies.length} inconsistency(ies)); correct before filing:`;
  return [head, ...f.inconsistencies.map((i) => `${i.finding_id} [${i.kind}] → ${i.section}: ${i.summary[lang]}`)];
}
