import { CITATIONS } from '../../../../libs/rules/src/citations';
import type { Lang } from './format';

export interface CitationView {
  code: string;
  title: string;
  article: string;
  text: string;
}

/** The citation texts are bundled from the rule packs at build time: the same words the dossier prints. */
export function citationView(code: string, lang: Lang): CitationView {
  const c = CITATIONS[code];
  if (!c) return { code, title: code, article: '', text: '' };
  return { code, title: lang === 'zh' ? c.title_zh : c.title_en, article: c.article, text: lang === 'zh' ? c.text_zh : c.text_en };
}
