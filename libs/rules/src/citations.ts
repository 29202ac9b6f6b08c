/** Legal citations used by both packs, keyed by the codes of detectors.md. */
import type { LegalCitation } from './rule-pack';

function cite(
  code: string,
  title_zh: string,
  title_en: string,
  article: string,
  text_zh: string,
  text_en: string,
): LegalCitation {
  return { code, title_zh, title_en, article, text_zh, text_en };
}

const PIPL = ['《中华人民共和国个人信息保护法》', 'Personal Information Protection Law of the PRC'] as const;
const ALGO = ['《互联网信息服务算法推荐管理规定》', 'Provisions on the Administration of Algorithmic Recommendation of Internet Information Services'] as const;
const ECL = ['《中华人民共和国电子商务法》', 'E-Commerce Law of the PRC'] as const;
const FRAUD = ['《明码标价和禁止价格欺诈规定》(2022)', 'Provisions on Clearly Marked Prices and the Prohibition of Price Fraud (2022)'] as const;

export const CITATIONS: Record<string, LegalCitation> = Object.fromEntries(
  [
    cite('CN-PIPL-24', ...PIPL, 'art. 24', '利用个人信息进行自动化决策，应当保证决策的透明度和结果公平、公正，不得对个人在交易价格等交易条件上实行不合理的差别待遇。', 'Automated decision-making using personal information must be transparent and fair, and must not apply unreasonable differential treatment to individuals in transaction prices or other terms.'),
    cite('CN-ALGO-16', ...ALGO, 'art. 16', '算法推荐服务提供者应当以显著方式告知用户其提供算法推荐服务的情况，并以适当方式公示算法推荐服务的基本原理、目的意图和主要运行机制等。', 'Providers must clearly inform users that they provide algorithmic recommendation and publish its basic principles, purposes and main operating mechanisms.'),
    cite('CN-ALGO-17', ...ALGO, 'art. 17', '算法推荐服务提供者应当向用户提供不针对其个人特征的选项，或者向用户提供便捷的关闭算法推荐服务的选项。', 'Providers must offer users an option not targeted at their personal characteristics, or a convenient way to switch algorithmic recommendation off.'),
    cite('CN-ALGO-21', ...ALGO, 'art. 21', '向消费者销售商品或者提供服务的，应当保护消费者公平交易的权利，不得根据消费者的偏好、交易习惯等特征，利用算法在交易价格等交易条件上实施不合理的差别待遇等违法行为。', 'Providers selling to consumers must not use algorithms to apply unreasonable differential treatment in prices or other terms based on consumers\' preferences, trading habits or other characteristics.'),
    cite('CN-ALGO-24', ...ALGO, 'art. 24', '具有舆论属性或者社会动员能力的算法推荐服务提供者应当在提供服务之日起十个工作日内履行备案手续。', 'Providers with public-opinion attributes or social mobilisation capacity must file their algorithms within ten working days of starting the service.'),
    cite('CN-ECL-17', ...ECL, 'art. 17', '电子商务经营者应当全面、真实、准确、及时地披露商品或者服务信息；不得以虚构交易、编造用户评价等方式进行虚假或者引人误解的商业宣传。', 'E-commerce operators must disclose product information fully, truthfully, accurately and in time, and must not mislead by fictitious transactions or invented reviews.'),
    cite('CN-ECL-18', ...ECL, 'art. 18', '根据消费者的兴趣爱好、消费习惯等特征向其提供商品或者服务的搜索结果的，应当同时向该消费者提供不针对其个人特征的选项。', 'Operators that tailor search results to consumers\' characteristics must also offer an option not targeted at their personal characteristics.'),
    cite('CN-ECL-35', ...ECL, 'art. 35', '电子商务平台经营者不得利用服务协议、交易规则以及技术等手段，对平台内经营者在平台内的交易、交易价格以及与其他经营者的交易等进行不合理限制或者附加不合理条件。', 'Platforms must not use service agreements, trading rules or technical means to impose unreasonable restrictions or conditions on merchants\' transactions, prices or dealings with other operators.'),
    cite('CN-AML-22', '《中华人民共和国反垄断法》', 'Anti-Monopoly Law of the PRC', 'art. 22(2), (4), (6), ¶2', '禁止具有市场支配地位的经营者没有正当理由以低于成本的价格销售商品、限定交易相对人只能与其进行交易、对条件相同的交易相对人实行差别待遇；具有市场支配地位的经营者不得利用数据和算法、技术以及平台规则等从事上述滥用行为。', 'A dominant undertaking may not, without justification, sell below cost, require trading partners to deal only with it, or discriminate between equivalent partners, including by data, algorithms, technology or platform rules.'),
    cite('CN-PRICE-14', '《中华人民共和国价格法》', 'Price Law of the PRC', 'art. 14(2), (4)', '经营者不得为了排挤竞争对手或者独占市场，以低于成本的价格倾销；不得利用虚假的或者使人误解的价格手段，诱骗消费者或者其他经营者与其进行交易。', 'Operators may not dump below cost to drive out rivals or monopolise a market, nor lure consumers with false or misleading price means.'),
    cite('CN-PRICEFRAUD-16', ...FRAUD, 'art. 16', '经营者折价、减价所比较的被比较价格，应当为本次促销活动前七日内在本交易场所成交的最低价格。', 'A reference price for a discount must be the lowest transaction price in the same venue during the seven days before the promotion.'),
    cite('CN-PRICEFRAUD-17', ...FRAUD, 'art. 17', '经营者不得在降价促销前先提高价格再进行折价、减价。', 'Operators may not raise a price before a discount so that the discount is calculated from the raised price.'),
    cite('CN-PRICEFRAUD-19', ...FRAUD, 'art. 19', '经营者不得虚构原价、虚假标示促销期限、虚假标示数量等价格欺诈行为。', 'Price fraud includes invented original prices, false promotion deadlines and false quantity claims.'),
    cite('CN-PRICEFRAUD-20', ...FRAUD, 'art. 20', '网络交易经营者不得利用技术手段等实施价格欺诈。', 'Online operators may not commit price fraud by technical means.'),
    cite('CN-PROMO-21', '《规范促销行为暂行规定》(2020)', 'Interim Provisions on Regulating Promotional Conduct (2020)', 'art. 21', '未标明或者表明基准的，其折价、减价应当以同一经营者在同一经营场所内，在本次促销活动前七日内最低成交价格为基准。', 'Without a stated base, a discount is measured from the operator\'s lowest transaction price in the same venue during the seven days before the promotion.'),
    cite('CN-PLATFORM-GUIDE', '《国务院反垄断委员会关于平台经济领域的反垄断指南》(2021)', 'Anti-Monopoly Guidelines for the Platform Economy (2021)', 'arts. 15, 17', '平台通过屏蔽店铺、搜索降权、流量限制、技术障碍、扣取保证金等方式实施"二选一"；基于大数据和算法，根据交易相对人的支付能力、消费偏好、使用习惯等实行差异性交易价格。', 'Platforms enforce "choose one of two" by shop blocking, search demotion, traffic limits, technical barriers or deposit deductions; and apply differential prices by ability to pay, preferences or habits using data and algorithms.'),
    cite('CN-AUCL', '《中华人民共和国反不正当竞争法》(2025)', 'Anti-Unfair Competition Law of the PRC (2025)', 'arts. 9, 14', '平台经营者不得强制或者变相强制平台内经营者按照其定价规则以低于成本的价格销售商品；经营者不得通过虚假交易等方式进行虚假或者引人误解的商业宣传。', 'Platforms may not force merchants to sell below cost under their pricing rules; operators may not mislead through fictitious transactions.'),
    cite('CN-PLATFORM-PRICE', '《互联网平台价格行为规则》(2025年，2026年4月10日施行)', 'Rules on Price Conduct of Internet Platforms (2025, in force 10 April 2026)', 'arts. 8-13', '平台不得强制平台内经营者作出价格最低承诺、强制跟价或者低于成本销售；不得在消费者不知情的情况下根据其支付能力、消费偏好、使用习惯等设置不同价格。', 'Platforms may not force lowest-price (parity) commitments, price-following or below-cost sales, nor set prices by ability to pay, preferences or habits without the consumer\'s knowledge.'),
    cite('EU-PID-6A', 'Directive 98/6/EC (as amended by Directive (EU) 2019/2161)', 'Price Indication Directive', 'art. 6a', '宣布降价时应标明此前价格，即降价前不少于30天内的最低价格。', 'Any announcement of a price reduction must indicate the prior price: the lowest price applied during a period of not less than 30 days before the reduction.'),
    cite('EU-UCPD', 'Directive 2005/29/EC', 'Unfair Commercial Practices Directive', 'arts. 6-7, Annex I point 7', '虚假声称产品仅在极短时间内以特定条件提供，以诱使消费者立即决定，属于不公平商业行为；误导性作为与不作为。', 'Falsely stating that a product will only be available for a very limited time to elicit an immediate decision is unfair in all circumstances; misleading actions and omissions are prohibited.'),
    cite('EU-DSA-27', 'Regulation (EU) 2022/2065', 'Digital Services Act', 'art. 27', '在线平台应在条款中以清晰易懂的语言列明推荐系统的主要参数及用户修改选项。', 'Online platforms must set out in plain language the main parameters of their recommender systems and the options users have to modify them.'),
    cite('EU-DSA-38', 'Regulation (EU) 2022/2065', 'Digital Services Act', 'art. 38', '超大型在线平台应为每个推荐系统至少提供一个不基于用户画像的选项。', 'Very large online platforms must offer for each recommender system at least one option not based on profiling.'),
    cite('EU-DMA-5-3', 'Regulation (EU) 2022/1925', 'Digital Markets Act', 'art. 5(3)', '守门人不得阻止商业用户通过第三方在线中介服务或自有渠道以不同价格或条件提供相同产品。', 'A gatekeeper shall not prevent business users from offering the same products through third-party services or their own channels at different prices or conditions.'),
    cite('EU-DMA-6-5', 'Regulation (EU) 2022/1925', 'Digital Markets Act', 'art. 6(5)', '守门人在排名及相关索引和抓取中，不得使自身产品优于第三方的类似产品。', 'A gatekeeper shall not treat its own products more favourably in ranking than similar products of third parties.'),
    cite('EU-TFEU-102', 'Treaty on the Functioning of the European Union', 'TFEU', 'art. 102', '禁止一个或多个企业滥用其在内部市场的支配地位。', 'Any abuse by one or more undertakings of a dominant position within the internal market is prohibited.'),
  ].map((c) => [c.code, c]),
);
