import { classifyClause, clauseLanguage } from './clause-classifier';
import { scanDocument } from './document-scanner';

function category(text: string): string | null {
  return classifyClause(text)?.category ?? null;
}

describe('classifyClause: exclusive_dealing', () => {
  it.each([
    ['商家在合作期间不得在其他电商平台开设店铺。', 'zh.exclusive.no_presence_elsewhere'],
    ['入驻品牌禁止同时入驻拼多多、抖音等平台。', 'zh.exclusive.no_presence_elsewhere'],
    ['乙方保证不在其他网络平台销售同款商品。', 'zh.exclusive.no_presence_elsewhere'],
    ['商家须承诺仅在本平台进行线上销售。', 'zh.exclusive.sell_only_here'],
    ['合作商户应在本平台独家经营。', 'zh.exclusive.sell_only_here'],
    ['商家应于十日内关闭其在其他平台的店铺。', 'zh.exclusive.close_stores_elsewhere'],
    ['Seller shall not sell the Products on any other online marketplace.', 'en.exclusive.no_presence_elsewhere'],
    ['The Merchant agrees not to open a storefront on a competing platform.', 'en.exclusive.no_presence_elsewhere'],
    ['Vendor shall sell the Products exclusively through the Platform.', 'en.exclusive.sell_only_here'],
    ['Seller must close its stores on other marketplaces before launch.', 'en.exclusive.close_stores_elsewhere'],
  ])('%s → %s', (text, rule) => {
    expect(classifyClause(text)).toMatchObject({
      category: 'exclusive_dealing',
      rule,
    });
  });

  it('reads 不得 as a duty, not as a negation', () => {
    expect(category('商家不得在其他平台开店。')).toBe('exclusive_dealing');
    expect(category('商家在其他平台开店。')).toBeNull();
  });

  it('names the cue words it rests on, in text order', () => {
    expect(classifyClause('商家不得在其他平台开设店铺。')).toMatchObject({
      cues: ['不得', '其他平台', '开设'],
      language: 'zh',
    });
    expect(classifyClause('Seller shall not list its goods on any other marketplace.')).toMatchObject({
      cues: ['shall not', 'list', 'any other marketplace'],
      language: 'en',
    });
  });
});

describe('classifyClause: rival_penalty', () => {
  it.each([
    '如商家在其他平台参加同类活动，平台将对其店铺限流。',
    '若乙方在竞争平台开店，甲方有权扣除其保证金。',
    '一经发现商家入驻其他外卖平台，平台立即终止合作。',
    '对于同时在其他平台开展促销的商家，平台将取消其大促报名资格。',
    '商家在其他平台上架同款商品的，平台将下调其搜索排名。',
    'If Seller joins a promotion on another marketplace, the Platform may demote its listings.',
    'Merchants who sell on competing platforms will have their security deposit forfeited.',
    'The Platform may limit the traffic of stores that also operate on other marketplaces.',
  ])('%s', (text) => {
    expect(classifyClause(text)).toMatchObject({ category: 'rival_penalty' });
  });

  it('reports a clause that both forbids rival stores and sanctions them as a penalty, listing the other category', () => {
    expect(classifyClause('商家不得参加其他平台活动，否则平台将取消其活动资格并限流。')).toMatchObject({
      category: 'rival_penalty',
      also: ['exclusive_dealing'],
    });
  });

  it('does not read a sanction that comes before the rival mention, without a condition, as a penalty', () => {
    // The merchant's own duty to delist elsewhere is exclusive dealing, not a platform sanction.
    expect(classifyClause('商家应当下架其在其他平台销售的同款商品。')).toMatchObject({ category: 'exclusive_dealing' });
  });

  it('sanctions for the merchant own misconduct are lawful, even when another platform is mentioned', () => {
    expect(category('商家存在刷单行为的，平台将对其店铺限流。')).toBeNull();
    expect(category('商家在其他平台因售假被处罚的，本平台将下架其同款商品。')).toBeNull();
    expect(category('Sellers found selling counterfeit goods on any other marketplace will be suspended.')).toBeNull();
  });

  it('needs a word boundary: 限流 inside 无限流量 is no sanction', () => {
    expect(category('商家在其他平台开店的，可申请无限流量套餐。')).toBeNull();
    expect(category('商家在其他平台开店的，平台将对其限流。')).toBe('rival_penalty');
  });
});

describe('classifyClause: parity', () => {
  it.each([
    ['报名商品的活动价须为全网最低价。', 'zh.parity.lowest_across_market'],
    ['商家在本平台的售价不得高于其在其他平台的售价。', 'zh.parity.no_worse_than_elsewhere'],
    ['供应商应给予本平台最惠待遇。', 'zh.parity.most_favoured'],
    ['如发现商家在其他平台售价更低，平台将取消其活动资格。', 'zh.parity.no_worse_than_elsewhere'],
    [
      'Seller shall ensure that its prices on the Platform are no higher than on any other channel.',
      'en.parity.no_worse_than_elsewhere',
    ],
    ['Supplier shall grant the Platform most favoured customer terms.', 'en.parity.most_favoured'],
    ['The Deal Price must be the lowest price available anywhere online.', 'en.parity.lowest_across_market'],
  ])('%s → %s', (text, rule) => {
    expect(classifyClause(text)).toMatchObject({ category: 'parity', rule });
  });

  it('counts the merchant own website and offline stores as other channels', () => {
    expect(category('门店在本平台的价格不得高于其线下门店价格。')).toBe('parity');
    expect(category("Seller's price on the Platform must not exceed the price on its own website.")).toBe('parity');
  });

  it('is not parity when the comparison stays on this platform, or is a promise the platform pays for', () => {
    expect(category('活动价不得高于近30天本平台最低成交价。')).toBeNull();
    expect(category('本平台自营商品承诺全网最低价，买贵退差。')).toBeNull();
    expect(category('The Deal Price must be below the lowest price on the Platform in the last 30 days.')).toBeNull();
    expect(
      category('If you find a lower price elsewhere within 14 days of purchase, we will refund the difference.'),
    ).toBeNull();
  });
});

describe('classifyClause: freedoms and negations are not violations', () => {
  it.each([
    '商家可自主选择在其他平台开设店铺。',
    '本协议为非独家协议。',
    '平台不要求商家独家经营。',
    '商家无需关闭其在其他平台的店铺。',
    '本协议并不限制商家在其他平台销售商品。',
    '平台不得限制商家在其他平台开展经营。',
    '平台不得以商家在其他平台开店为由对其降权。',
    '平台不会因商家参加其他平台活动而对其限流。',
    '平台不要求商家在本平台设置全网最低价。',
    'Seller may sell its products on any other marketplace.',
    'Seller is not required to sell exclusively through the Platform.',
    'Nothing in this Agreement shall restrict Seller from selling on other platforms.',
    'The Platform shall not require Seller to offer prices lower than on other channels.',
    'Sellers will not be demoted because they also sell on other marketplaces.',
    'This Agreement is non-exclusive.',
  ])('%s', (text) => {
    expect(category(text)).toBeNull();
  });

  it('ends a negation at a contrast word: what follows 但 / provided that is judged on its own', () => {
    expect(category('平台不要求商家独家经营，但商家不得在其他平台以低于本平台的价格销售。')).toBe('parity');
    expect(
      category(
        'Seller may sell on other marketplaces, provided that its prices there are no lower than on the Platform.',
      ),
    ).toBe('parity');
    expect(category('包括但不限于：商家在其他平台开店的，平台将对其降权。')).toBe('rival_penalty');
  });
});

describe('classifyClause: exclusivity about something other than sales channels', () => {
  it.each([
    '甲方授予乙方在华南地区独家代理销售其品牌产品的权利。',
    '乙方为该商标的独家被许可人。',
    '因本协议产生的争议由平台所在地法院专属管辖。',
    '商家对本协议内容负有保密义务，不得向其他平台披露。',
    '商家不得在其他平台使用本平台的商标。',
    'Distributor is appointed exclusive distributor of the Products in Italy.',
    'Licensor grants Licensee an exclusive licence to use the Trademarks.',
    'The courts of Paris shall have exclusive jurisdiction.',
    'These remedies are the sole and exclusive remedies of the Buyer.',
    'Seller shall not disclose confidential information to any other marketplace.',
  ])('%s', (text) => {
    expect(category(text)).toBeNull();
  });
});

describe('clauseLanguage', () => {
  it('follows the script that carries the clause', () => {
    expect(clauseLanguage('商家不得在Amazon开店。')).toBe('zh');
    expect(clauseLanguage('Seller shall not use the slogan “全网最低价” on other marketplaces.')).toBe('en');
    expect(clauseLanguage('4.1')).toBe('en');
  });
});

describe('scanDocument', () => {
  it('reads a sanction clause with the duty just before it (否则 / failing which)', () => {
    const zh = scanDocument(
      '商家不得在其他平台开设店铺。否则，平台将扣除其全部保证金。商家应按时发货。否则，平台将扣除保证金。',
    );
    expect(zh.violations.map((v) => [v.verdict.category, v.verdict.rule, v.text])).toEqual([
      ['exclusive_dealing', 'zh.exclusive.no_presence_elsewhere', '商家不得在其他平台开设店铺。'],
      ['rival_penalty', 'zh.penalty.sanction_enforcing_previous_clause', '否则，平台将扣除其全部保证金。'],
    ]);
    const en = scanDocument(
      'Seller shall keep its prices on the Platform no higher than on other channels; failing which, the Platform may suspend the offer.',
    );
    expect(en.violations.map((v) => v.verdict.rule)).toEqual([
      'en.parity.no_worse_than_elsewhere',
      'en.parity.sanction_enforcing_previous_clause',
    ]);
  });

  it('reads list items with their lead-in, unless the lead-in is a finding by itself', () => {
    const doc = scanDocument(
      '商家不得有下列行为：（一）在其他平台开店；（二）销售假冒商品；（三）参加其他平台的大促活动。',
    );
    expect(doc.violations.map((v) => [v.text, v.leadIn])).toEqual([
      ['在其他平台开店；', '商家不得有下列行为：'],
      ['参加其他平台的大促活动。', '商家不得有下列行为：'],
    ]);
    const own = scanDocument('Seller shall not sell on any other marketplace, including:\n(a) eBay;\n(b) Amazon.');
    expect(own.violations.map((v) => v.text)).toEqual(['Seller shall not sell on any other marketplace, including:']);
  });

  it('returns spans that cut the clause out of the document by code points', () => {
    const text = '🎉 公告：\n一、商家可自主经营。\n二、商家不得在其他平台开店😀。';
    const { violations } = scanDocument(text);
    expect(violations).toHaveLength(1);
    expect(
      Array.from(text)
        .slice(...violations[0].span)
        .join(''),
    ).toBe('商家不得在其他平台开店😀。');
  });
});
