import type { Lang } from './format';

/** The language to start in: the reader's saved choice, else the browser's (Chinese if it says zh). */
export function initialLang(saved: string | null, browser: string | undefined): Lang {
  if (saved === 'zh' || saved === 'en') return saved;
  return (browser ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Fills `{name}` placeholders; a missing value shows the placeholder so the gap is visible. */
export function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
