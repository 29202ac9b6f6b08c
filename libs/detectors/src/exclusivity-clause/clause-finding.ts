/**
 * Turns one violating clause into a finding a regulator can read on its own: which document,
 * which characters, which rule and which words.
 */
import type { Finding, PlatformDocument } from '@fairmarket/contract';
import type { ClauseCategory, RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import { CLAUSE_RULES } from './clause-rules';
import type { ClauseLanguage } from './clause-classifier';

/** What analyze keeps of one violating clause: plain JSON, small. */
export interface ClauseMatchRecord {
  platform_id: string;
  document_id: string;
  document_kind: PlatformDocument['kind'];
  title: string | null;
  issued_at: string | null;
  language: ClauseLanguage;
  span: [number, number];
  category: ClauseCategory;
  rule: string;
  cues: string[];
  clause_text: string;
  lead_in: string | null;
  other_categories: ClauseCategory[];
}

const NOTE_MAX = 200;
const QUOTE_MAX = 120;

const KIND_EN: Record<PlatformDocument['kind'], string> = {
  merchant_agreement: 'Merchant agreement',
  platform_rule: 'Platform rule',
  campaign_rule: 'Campaign rule',
  notice: 'Notice',
  message: 'Message',
};

const KIND_ZH: Record<PlatformDocument['kind'], string> = {
  merchant_agreement: '商家协议',
  platform_rule: '平台规则',
  campaign_rule: '活动规则',
  notice: '平台公告',
  message: '平台消息',
};

const CATEGORY_EN: Record<ClauseCategory, string> = {
  exclusive_dealing:
    'requires merchants to sell only on this platform or not to sell on other platforms (exclusive dealing)',
  rival_penalty: 'sanctions merchants for selling or promoting on other platforms',
  parity: "requires merchants' prices or terms here to be no worse than on other platforms or channels (parity)",
};

const CATEGORY_ZH: Record<ClauseCategory, string> = {
  exclusive_dealing: '要求商家只在本平台经营或不得在其他平台经营（独家交易，“二选一”）',
  rival_penalty: '对商家在其他平台的经营活动施加处罚（以处罚手段强制“二选一”）',
  parity: '要求商家在本平台的价格或交易条件不得劣于其他平台或渠道（平价条款）',
};

const FOLLOW_UP_DESCRIPTION = 'a sanction for breaching the duty in the clause just before (否则 / failing which)';

function ruleDescription(rule: string): string {
  const id = rule.slice(rule.indexOf('.') + 1);
  return CLAUSE_RULES.find((r) => r.id === id)?.description ?? FOLLOW_UP_DESCRIPTION;
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function dayPeriod(date: string | null, tz: string): Finding['period'] {
  if (!date) return null;
  const offset = tz === 'Z' ? 'Z' : tz;
  return { from: `${date}T00:00:00${offset}`, to: `${date}T23:59:59${offset}` };
}

export function clauseFinding(m: ClauseMatchRecord, rules: RulePack): Finding {
  const [start, end] = m.span;
  const quote = truncate(m.clause_text, QUOTE_MAX);
  const titleEn = m.title ? ` ("${m.title}")` : '';
  const titleZh = m.title ? `《${m.title}》` : '';
  return {
    id: findingId('exclusivity_clause', rules.name, m.platform_id, [m.document_id, start, end, m.category]),
    detector: 'exclusivity_clause',
    kind: null,
    severity: 'high',
    platform_id: m.platform_id,
    subject: {
      document_id: m.document_id,
      span: [start, end],
      category: m.category,
    },
    period: dayPeriod(m.issued_at, rules.platform_tz),
    summary: `${KIND_EN[m.document_kind]} ${m.document_id}${titleEn} ${CATEGORY_EN[m.category]} in characters ${start}-${end}: "${quote}"`,
    summary_zh: `${KIND_ZH[m.document_kind]}${m.document_id}${titleZh}第${start}至${end}字的条款${CATEGORY_ZH[m.category]}：“${quote}”`,
    metrics: {
      rule: m.rule,
      cues: m.cues,
      language: m.language,
      clause_text: m.clause_text,
      lead_in: m.lead_in,
      other_categories: m.other_categories,
    },
    evidence: [
      {
        file: 'documents',
        id: m.document_id,
        note: truncate(m.clause_text, NOTE_MAX),
      },
    ],
    evidence_total: 1,
    legal_basis: [...rules.exclusivity_clause.legal_basis[m.category]],
    method:
      `Transparent rule-based clause analysis (${m.language}): the document is split into articles, items and ` +
      `sentences (spans in code points); rule ${m.rule} (${ruleDescription(m.rule)}) fired on the cues ` +
      `${m.cues.map((c) => `"${c}"`).join(', ')}; negations and freedoms are excluded; for the exclusivity and ` +
      `sanction rules, words about something other than sales channels (trademarks, territories, courts, data, ` +
      `confidentiality) or, except for sell_only_here, about the merchant's own misconduct (counterfeits, fraud, ` +
      `prohibited goods) excuse a clause only when they stand in the same phrase (cut at commas, semicolons, 、, ` +
      `and/or, 也/并) as the cues on the other platform.`,
    thresholds: {},
  };
}
