/**
 * Regression suite for a review of the clause rules (all of these were wrong before it):
 *  1. the misconduct and not-about-channels exemptions excused a whole clause when the word
 *     stood anywhere in it ("…开店，也不得售假", "…根据后台数据降低其搜索排名"); they now only
 *     hold in the phrases the finding rests on;
 *  2. "must not make … available" was read as a negation (because of "does not make …
 *     conditional");
 *  3. a sanction named before its verb ("have their search ranking reduced") was missed;
 *  4. "must not sell products that are listed as prohibited on any other platform" was flagged.
 * The reviewer's sentences come first in each list, then variants written for this fix.
 */
import { classifyClause } from './clause-classifier';
import { scanDocument } from './document-scanner';

const VIOLATIONS: [string, string][] = [
  // 1. Exemptions scoped to the phrase.
  ['商家不得在其他平台开店，也不得售假刷单。', 'exclusive_dealing'],
  ['如商家在其他平台参加活动，平台将根据后台数据降低其搜索排名。', 'rival_penalty'],
  ['商家不得在其他平台开设店铺，违者平台将下调其在本区域的搜索排名。', 'rival_penalty'],
  ['Seller shall not list products on other platforms and shall protect customer data.', 'exclusive_dealing'],
  ['Seller shall not sell counterfeit goods, and shall not sell on any other marketplace.', 'exclusive_dealing'],
  ['商家不得售假、不得在其他平台开设店铺。', 'exclusive_dealing'],
  ['商家应保护消费者个人信息并不得在其他平台销售同款商品。', 'exclusive_dealing'],
  ['如商家在其他平台开店，平台将通过数据监测对其限流。', 'rival_penalty'],
  ['Merchants who open a store on another marketplace will lose access to advertising tools.', 'rival_penalty'],
  ['Partners shall close their accounts on other delivery apps and shall keep their menus accurate to avoid fraud.', 'exclusive_dealing'],
  // 2. "make … available" is a prohibition.
  ['Merchant must not make the products available on any competing marketplace.', 'exclusive_dealing'],
  ['Seller must not make its products available on other platforms.', 'exclusive_dealing'],
  ['Partner shall not make its menu available on any other delivery platform during the Term.', 'exclusive_dealing'],
  // 3. Sanction after the noun.
  ['Sellers who list their products on competing platforms will have their search ranking reduced.', 'rival_penalty'],
  ['Merchants selling on rival platforms will see their traffic limited.', 'rival_penalty'],
  ['Vendors found selling on another marketplace will have their visibility cut.', 'rival_penalty'],
  ['If a Seller operates a store on a competing platform, its search ranking will be lowered.', 'rival_penalty'],
];

const LOOK_ALIKES: string[] = [
  // 4. A rival platform that only says which products are banned.
  'The Seller must not sell products that are listed as prohibited on any other platform.',
  'Seller shall not offer restricted items that other marketplaces have withdrawn for safety reasons.',
  // The exemptions still hold inside the phrase they govern.
  '商家在其他平台售假的，平台将对其降权。',
  '商家不得在本平台销售从其他平台采购的假冒商品。',
  'Sellers found selling counterfeit goods on other marketplaces will have their search ranking reduced.',
  'Seller shall not disclose its sales data to other platforms, and shall keep its prices accurate.',
  // "make" still negates when a condition follows; a denied noun-first sanction is no sanction.
  'The Platform does not make access to traffic, campaigns or advertising conditional on exclusivity.',
  "The Platform will not make a seller's ranking dependent on whether it sells on other platforms.",
  'Sellers who sell on other platforms will not have their search ranking reduced.',
  'Merchants selling on rival platforms will not see their traffic limited.',
  "Merchants that list on competing marketplaces will find that their visibility is not reduced.",
];

describe('clause exemptions, "make … available" and noun-first sanctions', () => {
  it.each(VIOLATIONS)('%s → %s', (text, category) => {
    expect(classifyClause(text)?.category ?? null).toBe(category);
  });

  it.each(LOOK_ALIKES)('%s → no violation', (text) => {
    expect(classifyClause(text)).toBeNull();
  });

  it('a document scan reports the clause whose second half names misconduct', () => {
    const { violations } = scanDocument('第三条 商家不得在其他平台开店，也不得售假刷单。第四条 商家应按时发货。');
    expect(violations.map((v) => [v.text, v.verdict.category])).toEqual([
      ['商家不得在其他平台开店，也不得售假刷单。', 'exclusive_dealing'],
    ]);
  });
});
