/**
 * Judges one clause: picks the lexicon of the clause's language, runs every rule on every
 * scope of the clause, and keeps the first category in the order parity, rival_penalty,
 * exclusive_dealing (a clause that forbids rival stores *and* sanctions them is reported as a
 * sanction, the stronger finding; the other categories it also meets are listed).
 */
import type { ClauseCategory } from '@fairmarket/rules';
import { CLAUSE_RULES, sanctionReferringBack } from './clause-rules';
import { ClauseView, normalizeClause, type CueHit, type Lexicon } from './cue-engine';
import { EN_LEXICON } from './en-lexicon';
import { ZH_LEXICON } from './zh-lexicon';

export type ClauseLanguage = 'zh' | 'en';

export interface ClauseVerdict {
  category: ClauseCategory;
  /** The rule that fired, prefixed by the language: `zh.penalty.sanction_for_rival_activity`. */
  rule: string;
  /** The words it rests on, in the order they appear (normalised: lower case, half-width). */
  cues: string[];
  language: ClauseLanguage;
  /** Other categories the same clause also meets. */
  also: ClauseCategory[];
}

const LEXICONS: Record<ClauseLanguage, Lexicon> = {
  zh: ZH_LEXICON,
  en: EN_LEXICON,
};

/** Chinese when Han characters carry the clause, whatever the document declares (quotes, mixed texts). */
export function clauseLanguage(text: string): ClauseLanguage {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han >= 2 && han * 3 >= latin ? 'zh' : 'en';
}

export function viewClause(text: string): ClauseView {
  return new ClauseView(normalizeClause(text), LEXICONS[clauseLanguage(text)]);
}

export function classifyClause(text: string): ClauseVerdict | null {
  return judge(viewClause(text));
}

export function judge(view: ClauseView): ClauseVerdict | null {
  const fired: { category: ClauseCategory; rule: string; cues: CueHit[] }[] = [];
  for (const rule of CLAUSE_RULES) {
    for (const segment of view.segments) {
      const cues = rule.match(view, segment);
      if (cues) {
        fired.push({ category: rule.category, rule: rule.id, cues });
        break;
      }
    }
  }
  if (fired.length === 0) return null;
  const [first] = fired;
  return verdict(view, first.category, first.rule, first.cues, [...new Set(fired.map((f) => f.category))]);
}

/**
 * "否则，平台将扣除保证金" right after "商家不得在其他平台开店": the sanction enforces the
 * duty before it, so it is a rival penalty (or enforces parity, when the duty was parity).
 */
export function judgeFollowUp(view: ClauseView, previous: ClauseVerdict): ClauseVerdict | null {
  const cues = sanctionReferringBack(view);
  if (!cues) return null;
  const category: ClauseCategory = previous.category === 'parity' ? 'parity' : 'rival_penalty';
  const rule =
    category === 'parity' ? 'parity.sanction_enforcing_previous_clause' : 'penalty.sanction_enforcing_previous_clause';
  return verdict(view, category, rule, cues, [category]);
}

function verdict(
  view: ClauseView,
  category: ClauseCategory,
  rule: string,
  cues: CueHit[],
  categories: ClauseCategory[],
): ClauseVerdict {
  const ordered = [...cues].sort((a, b) => a.start - b.start);
  return {
    category,
    rule: `${view.lexicon.language}.${rule}`,
    cues: [...new Set(ordered.map((c) => c.text.trim()))],
    language: view.lexicon.language,
    also: categories.filter((c) => c !== category),
  };
}
