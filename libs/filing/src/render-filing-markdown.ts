import type { FilingDocument } from './filing-document';
import { filingSections, inconsistencyBanner, type Lang } from './filing-sections';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The filing draft as Markdown in one language, inconsistencies first in a warning block. */
export function renderFilingMarkdown(f: FilingDocument, lang: Lang): string {
  const out: string[] = [];
  out.push(lang === 'zh' ? `# 算法备案草稿：${f.algorithm.name}` : `# Algorithm filing draft: ${f.algorithm.name}`);
  out.push('');
  out.push(lang === 'zh' ? `生成时间 ${f.generated_at} · 规则包 ${f.rule_pack} · 由 FairMarket 依据备案声明与日志生成` : `Generated ${f.generated_at} · rule pack ${f.rule_pack} · by FairMarket from the declaration and the logs`);
  out.push('');
  const banner = inconsistencyBanner(f, lang);
  if (banner.length > 0) {
    out.push(`> **${banner[0]}**`);
    for (const line of banner.slice(1)) out.push(`> - ${line}`);
    out.push('');
  }
  for (const s of filingSections(f)) {
    out.push(`## ${s.heading[lang]}`, '');
    if (s.rows.length > 0) {
      out.push(lang === 'zh' ? '| 项目 | 内容 |' : '| Item | Content |', '| --- | --- |');
      for (const [k, v] of s.rows) out.push(`| ${cell(k[lang])} | ${cell(v[lang])} |`);
      out.push('');
    }
    for (const p of s.paragraphs ?? []) out.push(p[lang], '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
