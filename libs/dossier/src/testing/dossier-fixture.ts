import type { Finding } from '@fairmarket/contract';
import { CITATIONS } from '@fairmarket/rules';
import type { DossierInput, EvidenceRow } from '../dossier-input';

/** A small case with two allegations and evidence rows, for the dossier's own tests. */
export function sampleFinding(id: string, patch: Partial<Finding> = {}): Finding {
  return {
    id,
    detector: 'fake_promotion',
    kind: 'fictitious_reference_price',
    severity: 'high',
    platform_id: 'p1',
    subject: { merchant_id: 'm1', sku_id: 's1' },
    period: { from: '2026-03-01T00:00:00+08:00', to: '2026-03-20T00:00:00+08:00' },
    summary: 'The reference price 12,900 exceeds the lawful prior price 9,900 by 30%.',
    summary_zh: '划线价 12,900 比依法可标示的原价 9,900 高 30%。',
    metrics: { worst: { lawful_price: 9900 }, violating: 1, currency: 'CNY' },
    evidence: [
      { file: 'listings', id: 'l-1', note: 'reference 12900' },
      { file: 'orders', id: '-o-2', note: 'lowest order price' },
    ],
    evidence_total: 2,
    legal_basis: ['CN-PRICEFRAUD-16', 'CN-PRICEFRAUD-19'],
    method: 'reference price vs lowest order price in the 7 days before the promotion',
    thresholds: { prior_price_lookback_days: 7 },
    ...patch,
  };
}

export function sampleInput(allegations: Finding[]): DossierInput {
  return {
    case: {
      number: 'FM-2026-0001',
      title: 'Fictitious reference prices on p1',
      title_zh: 'p1 平台虚构原价案',
      parties: [
        { role: 'respondent', name: '示例平台 Example Platform', id: 'p1' },
        { role: 'authority', name: '市场监督管理局 Market Regulator' },
      ],
      opened_at: '2026-04-01',
      rule_pack: 'cn',
    },
    timeline: [{ at: '2026-04-01T09:00:00+08:00', event: 'case opened', event_zh: '立案' }],
    allegations,
    answers: [{ at: '2026-04-05', from: 'p1', text: '我们正在核查。We are checking.', finding_id: allegations[0]?.id }],
    custody: [{ at: '2026-03-21T10:00:00Z', actor: 'ingestion', action: 'file stored', sha256: 'ab'.repeat(32) }],
    citations: CITATIONS,
    parameters: { rule_pack: 'cn', finding_ids: allegations.map((f) => f.id) },
  };
}

export async function* sampleRows(finding: Finding): AsyncGenerator<EvidenceRow> {
  let i = 0;
  for (const e of finding.evidence) {
    i++;
    const ts = `2026-03-${String(i).padStart(2, '0')}T10:00:00+08:00`;
    const doc = e.file === 'listings' ? { snapshot_id: e.id, ts, displayed_price: 9900, reference_price: 12900 } : { order_id: e.id, ts, unit_price: 9900, quantity: 1 };
    yield { file: e.file, natural_id: e.id, line_no: i, line_hash: String(i).repeat(64).slice(0, 64), doc, note: e.note };
  }
}
