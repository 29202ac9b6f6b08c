/**
 * Two benign merchant agreements per platform, one in Chinese and one in English. They hold
 * the clauses that look like 二选一 to a careless reader but are lawful: non-exclusivity,
 * the freedom to sell and price elsewhere (stated and negated), confidentiality, and an
 * exclusive trademark right that concerns a brand, not a sales channel.
 */
import type { IdRegistry } from '../id-registry';

const ZH_AGREEMENT = [
  '第一条 本协议为非独家合作协议。',
  '第二条 商家可以自主选择在其他电子商务平台开设店铺、参加其他平台的促销活动，或通过自有渠道销售商品，平台不因此对商家采取任何限制措施。',
  '第三条 商家自主确定其在本平台销售商品的价格，平台不要求商家在本平台的价格低于或者等于其在其他平台或渠道的价格。',
  '第四条 双方对在合作过程中知悉的对方商业秘密负有保密义务，未经对方书面同意不得向第三方披露。',
  '第五条 平台商标的专用权归平台所有；平台授予商家在其本平台店铺页面使用平台商标的非独占、不可转让的许可，许可随本协议终止而终止。',
  '第六条 商家应保证所售商品质量符合国家标准；违反质量要求的，平台可依据公开的平台规则发出警告。',
].join('\n');

const EN_AGREEMENT = [
  '1. Non-exclusivity. This Agreement is non-exclusive. Nothing in it requires the Seller to sell only on the Platform.',
  '2. Other channels. The Seller may offer its products on any other marketplace, in its own stores or through any other channel, at prices and on terms it sets freely.',
  '3. Pricing. The Seller is not required to offer prices or terms on the Platform that are equal to or better than those it offers elsewhere.',
  '4. Confidentiality. Each party shall keep confidential the terms of this Agreement and any business information it receives from the other party.',
  '5. Trademarks. The Platform’s trademarks remain its exclusive property. The Platform grants the Seller a limited, non-exclusive, non-transferable licence to display them on its store page for the term of this Agreement.',
  '6. Quality. The Seller shall comply with applicable product-safety law; the Platform may issue a warning under its published rules when a product fails a quality check.',
].join('\n');

export function agreementRecords(platformId: string, ids: IdRegistry): Record<string, unknown>[] {
  return [
    {
      platform_id: platformId,
      document_id: ids.next(`${platformId}-doc`),
      kind: 'merchant_agreement',
      language: 'zh',
      title: '平台商家服务协议',
      issued_at: '2025-12-15',
      text: ZH_AGREEMENT,
    },
    {
      platform_id: platformId,
      document_id: ids.next(`${platformId}-doc`),
      kind: 'merchant_agreement',
      language: 'en',
      title: 'Seller Services Agreement',
      issued_at: '2025-12-15',
      text: EN_AGREEMENT,
    },
  ];
}
