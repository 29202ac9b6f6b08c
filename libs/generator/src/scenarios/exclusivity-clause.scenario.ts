/**
 * Planted cases for exclusivity_clause (detectors.md §4): documents of a platform of the
 * scenario's own, in Chinese and English, as campaign rules, merchant agreements, a notice
 * and a message to one merchant are worded. Each violating clause (exclusive_dealing,
 * rival_penalty, parity) is labelled by {document_id, category}, an alert under both packs;
 * every look-alike (freedom, negation, exclusivity about trademarks, territories and courts,
 * confidentiality, a sanction for the merchant's own misconduct, a price rule about the
 * platform's own price history, a consumer price promise) is labelled `none` for the record.
 *
 * The wording of each clause is drawn from a few variants with the scenario's random stream,
 * so different seeds test different sentences. Documents do not grow with the scale: a
 * platform has a handful of rules whatever its traffic.
 */
import type { PlatformDocument } from '@fairmarket/contract';
import type { ClauseCategory } from '@fairmarket/rules';
import type { Scenario, ScenarioContext } from '../scenario';

const DAY_MS = 86_400_000;

interface PlantedClause {
  /** A violation's category, a look-alike that must stay silent, or plain neutral text. */
  category: ClauseCategory | 'look_alike' | 'neutral';
  note: string;
  /** Wordings of the same clause; one is drawn per dataset. */
  variants: readonly string[];
}

interface PlantedDocument {
  kind: PlatformDocument['kind'];
  language: 'zh' | 'en';
  title: string;
  preamble?: string;
  /** Puts the clause's number in front of it (一、 / 第三条 / 4.), when the document numbers clauses. */
  numbering?: (index: number, text: string) => string;
  separator: string;
  clauses: readonly PlantedClause[];
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const zhItem = (i: number, text: string): string => `${ZH_NUMERALS[i]}、${text}`;
const zhArticle = (i: number, text: string): string => `第${ZH_NUMERALS[i]}条 ${text}`;
const enSection = (i: number, text: string): string => `${i + 1}. ${text}`;

const DOCUMENTS: readonly PlantedDocument[] = [
  {
    kind: 'campaign_rule',
    language: 'zh',
    title: '年中大促招商规则',
    preamble: '为保障年中大促活动顺利开展，现将商家报名规则公布如下：',
    numbering: zhItem,
    separator: '\n',
    clauses: [
      {
        category: 'neutral',
        note: 'stock',
        variants: ['报名商家应在活动开始前完成备货，确保活动期间按时发货。'],
      },
      {
        category: 'parity',
        note: 'lowest price across the market / no higher than other platforms',
        variants: [
          '报名商品的活动价须为全网最低价，平台将于活动期间进行全网比价。',
          '商家应保证活动期间本平台的到手价不高于其他电商平台同款商品的价格。',
          '报名商家承诺本平台活动价格低于同期在其他平台的售价。',
        ],
      },
      {
        category: 'rival_penalty',
        note: 'sanction conditioned on a rival campaign',
        variants: [
          '活动期间商家如参加其他平台的同类大促活动，平台有权取消其活动资格并对店铺限流。',
          '一经发现报名商家同时在竞争平台开展促销，平台将下调其店铺搜索权重。',
          '对于在其他平台报名同期活动的商家，本平台将不予安排会场资源位。',
        ],
      },
      {
        category: 'look_alike',
        note: 'price rule against the merchant own price history on this platform',
        variants: [
          '活动价不得高于报名前三十日内本店的最低成交价。',
          '报名商品的活动价应低于该商品近七日在本平台的最低售价。',
        ],
      },
      {
        category: 'look_alike',
        note: 'freedom to join other platforms’ campaigns',
        variants: ['商家可自主决定是否参加其他平台的促销活动。', '报名本活动不影响商家同时参加其他平台的活动。'],
      },
      {
        category: 'neutral',
        note: 'cost of discounts',
        variants: ['活动期间的优惠金额由商家承担。'],
      },
    ],
  },
  {
    kind: 'merchant_agreement',
    language: 'zh',
    title: '品牌独家合作协议',
    numbering: zhArticle,
    separator: '\n',
    clauses: [
      {
        category: 'neutral',
        note: 'purpose',
        variants: ['双方本着平等互利的原则，就乙方在甲方平台开展线上经营事宜达成如下协议。'],
      },
      {
        category: 'exclusive_dealing',
        note: 'no stores elsewhere / sell only here / close stores elsewhere',
        variants: [
          '乙方在合作期内不得在其他电商平台开设店铺或销售同类商品。',
          '乙方承诺在协议期内仅通过甲方平台进行线上销售。',
          '乙方应于本协议签署后十五日内关闭其在其他网络销售平台的店铺。',
        ],
      },
      {
        category: 'rival_penalty',
        note: 'a sanction (否则…) enforcing the exclusivity clause just before it',
        variants: ['否则，甲方有权扣除乙方缴纳的全部保证金。', '否则，甲方有权单方解除本协议并停止对乙方的流量扶持。'],
      },
      {
        category: 'look_alike',
        note: 'exclusive trademark licence',
        variants: ['乙方授予甲方在中国大陆地区独家使用乙方商标进行广告宣传的许可。'],
      },
      {
        category: 'look_alike',
        note: 'exclusive distributor of a brand in a territory',
        variants: ['乙方系品牌方在西南地区的独家经销商，其线下销售区域以品牌授权书为准。'],
      },
      {
        category: 'look_alike',
        note: 'confidentiality',
        variants: ['双方对本协议内容负有保密义务，未经对方同意不得向其他平台或任何第三方披露。'],
      },
      {
        category: 'look_alike',
        note: 'exclusive jurisdiction',
        variants: ['因本协议发生的争议，由甲方所在地人民法院专属管辖。'],
      },
    ],
  },
  {
    kind: 'notice',
    language: 'zh',
    title: '关于平台经营规范的公告',
    separator: '',
    clauses: [
      {
        category: 'look_alike',
        note: 'negation of 二选一',
        variants: ['平台不要求商家在本平台与其他平台之间进行“二选一”。'],
      },
      {
        category: 'look_alike',
        note: 'negated sanction',
        variants: ['商家在其他平台开店或参加促销活动的，平台不会因此对其采取降权、限流等措施。'],
      },
      {
        category: 'look_alike',
        note: 'sanction for own misconduct',
        variants: ['商家存在售假、虚假交易等违规行为的，平台将依规扣除保证金并予以清退。'],
      },
      {
        category: 'look_alike',
        note: 'consumer price promise of the self-operated store',
        variants: ['平台自营商品承诺全网低价，消费者买贵可申请差价补偿。'],
      },
      {
        category: 'look_alike',
        note: 'pricing freedom',
        variants: ['商家可自主确定其在本平台及其他渠道的商品价格。'],
      },
    ],
  },
  {
    kind: 'message',
    language: 'zh',
    title: '店铺经营提醒',
    separator: '',
    clauses: [
      {
        category: 'rival_penalty',
        note: 'message threatening a sanction for being on a rival platform',
        variants: [
          '您好，经核实贵店仍在其他平台参加同期活动，平台将暂停贵店的流量扶持。',
          '您好，监测到贵店已入驻其他外卖平台，如不在三日内下线，平台将缩小贵店的配送范围。',
        ],
      },
      {
        category: 'neutral',
        note: 'contact',
        variants: ['如有疑问，请联系您的招商经理。'],
      },
    ],
  },
  {
    kind: 'merchant_agreement',
    language: 'en',
    title: 'Marketplace Seller Agreement: Exclusive Partner Addendum',
    separator: '\n',
    clauses: [
      {
        category: 'neutral',
        note: 'definition',
        variants: ['1. Definitions. "Term" means the period of twelve months starting on the Effective Date.'],
      },
      {
        category: 'exclusive_dealing',
        note: 'list of prohibited activity on other marketplaces, read after its lead-in',
        variants: [
          '2. Exclusivity. During the Term, Seller shall not:\n(a) list or sell the Products on any other online marketplace;\n(b) open or operate a storefront on a competing platform; or\n(c) take part in sales events run by another marketplace.',
          '2. Exclusivity. Seller shall sell the Products exclusively through the Platform for the duration of the Term.',
          '2. Exclusivity. Within thirty days of the Effective Date, Seller shall close all storefronts it operates on other marketplaces.',
        ],
      },
      {
        category: 'look_alike',
        note: 'non-exclusive licence',
        variants: [
          '3. Licence. Seller grants the Platform a non-exclusive licence to use product images on the Platform.',
        ],
      },
      {
        category: 'look_alike',
        note: 'exclusive jurisdiction',
        variants: ['4. Governing law. The courts of Luxembourg shall have exclusive jurisdiction over any dispute.'],
      },
      {
        category: 'look_alike',
        note: 'confidentiality',
        variants: [
          '5. Confidentiality. Seller shall not disclose the commercial terms of this Addendum to any other marketplace.',
        ],
      },
      {
        category: 'look_alike',
        note: 'exclusive distributor territory',
        variants: [
          '6. Distribution. Where Seller is the exclusive distributor of a brand in a territory, nothing in this Addendum changes that territory.',
        ],
      },
    ],
  },
  {
    kind: 'campaign_rule',
    language: 'en',
    title: 'Summer Deals Event: Participation Terms',
    numbering: enSection,
    separator: ' ',
    clauses: [
      {
        category: 'parity',
        note: 'deal price no higher than elsewhere / lowest anywhere / no lower price elsewhere',
        variants: [
          'Deal prices must be no higher than the price of the same product on any other sales channel during the Event.',
          'Participating sellers shall ensure that the Deal Price is the lowest price available for the product anywhere online.',
          'Seller shall not offer a Deal Product at a lower price on any competing marketplace while the Event runs.',
        ],
      },
      {
        category: 'rival_penalty',
        note: 'sanction conditioned on promotions on other marketplaces',
        variants: [
          'If a seller participates in a promotion on another marketplace during the Event, the Platform may remove its deals and reduce its search visibility.',
          'Sellers that run competing promotions on rival platforms will be excluded from future Events.',
          'Merchants found selling Deal Products on other marketplaces at the same time will have their deals cancelled.',
        ],
      },
      {
        category: 'look_alike',
        note: 'price rule against the platform own price history',
        variants: [
          'The Deal Price must be at least 5% below the lowest price of the product on the Platform in the previous 30 days.',
        ],
      },
      {
        category: 'look_alike',
        note: 'freedom to promote elsewhere',
        variants: ['Sellers may run promotions on other marketplaces at the same time.'],
      },
      {
        category: 'look_alike',
        note: 'sanction for own misconduct',
        variants: ['Sellers who manipulate reviews during the Event will be removed from it.'],
      },
    ],
  },
  {
    kind: 'notice',
    language: 'en',
    title: 'Policy update: selling on other channels',
    separator: ' ',
    clauses: [
      {
        category: 'look_alike',
        note: 'negation',
        variants: ['We do not require sellers to sell exclusively on the Platform.'],
      },
      {
        category: 'look_alike',
        note: 'negated sanction',
        variants: ['Sellers will not be penalised or demoted for offering lower prices on other channels.'],
      },
      {
        category: 'look_alike',
        note: 'freedom',
        variants: ['Sellers are free to list their products on any other marketplace.'],
      },
      {
        category: 'look_alike',
        note: 'consumer price promise',
        variants: [
          'Our Price Match Promise applies only to items sold and shipped by the Platform and is funded by the Platform.',
        ],
      },
      {
        category: 'look_alike',
        note: 'sanction for own misconduct',
        variants: ['Sellers found selling counterfeit goods will be suspended and their deposits forfeited.'],
      },
    ],
  },
];

function plantDocument(
  ctx: ScenarioContext,
  platformId: string,
  doc: PlantedDocument,
  index: number,
  merchantId: string,
): void {
  const documentId = ctx.id('ec-doc');
  const lines: string[] = [];
  const violations = new Map<ClauseCategory, string[]>();
  doc.clauses.forEach((clause, i) => {
    const text = ctx.rng.pick(clause.variants);
    lines.push(doc.numbering ? doc.numbering(i, text) : text);
    if (clause.category === 'neutral') return;
    if (clause.category === 'look_alike') {
      ctx.label({
        case_id: `${documentId}-lookalike-${i + 1}`,
        detector: 'exclusivity_clause',
        kind: null,
        platform_id: platformId,
        match: { document_id: documentId },
        expected: { cn: 'none', eu: 'none' },
        note: `look-alike, not a violation: ${clause.note}`,
      });
      return;
    }
    violations.set(clause.category, [...(violations.get(clause.category) ?? []), clause.note]);
  });
  for (const [category, notes] of violations) {
    ctx.label({
      case_id: `${documentId}-${category}`,
      detector: 'exclusivity_clause',
      kind: null,
      platform_id: platformId,
      match: { document_id: documentId, category },
      expected: { cn: 'alert', eu: 'alert' },
      note: `${doc.language} ${doc.kind}: ${notes.join('; ')}`,
    });
  }
  const record: Record<string, unknown> = {
    platform_id: platformId,
    document_id: documentId,
    kind: doc.kind,
    language: doc.language,
    title: doc.title,
    issued_at: ctx.date(ctx.startMs + (3 + index * 2) * DAY_MS),
    text: (doc.preamble ? [doc.preamble, ...lines] : lines).join(doc.separator),
  };
  if (doc.kind === 'message') record.merchant_id = merchantId;
  ctx.emit('documents', record);
}

export const exclusivityClauseScenario: Scenario = {
  name: 'exclusivity-clause',
  detectors: ['exclusivity_clause'],
  plant(ctx: ScenarioContext): void {
    const platformId = ctx.newPlatform('ec-plat');
    // The message is addressed to one merchant, who must exist on the platform.
    const merchantId = ctx.id('ec-merchant');
    ctx.emit('merchants', {
      platform_id: platformId,
      merchant_id: merchantId,
      name: '川味小馆',
      kind: 'third_party',
      size: 'small',
      registered_at: ctx.date(ctx.startMs - 400 * DAY_MS),
    });
    DOCUMENTS.forEach((doc, i) => plantDocument(ctx, platformId, doc, i, merchantId));
  },
};
