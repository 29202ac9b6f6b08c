/**
 * The background platforms' filings, true to what the generator does: search uses the query
 * and the delivery region, the feed uses gender, age band and region, and the pricing engine
 * gives everyone the same price and only uses new-user status and membership for published
 * coupons (and the region for shipping).
 */
import { feedAlgorithmId, searchAlgorithmId } from './impressions';

export function pricingAlgorithmId(platformId: string): string {
  return `${platformId}-pricing`;
}

export function algorithmRecords(platformId: string): Record<string, unknown>[] {
  const common = { platform_id: platformId, opt_out_available: true, user_tag_controls: true, version: '2026.02', launched_at: '2025-09-01' };
  return [
    {
      ...common,
      algorithm_id: searchAlgorithmId(platformId),
      name: '商品搜索排序算法 / product search ranking',
      type: 'ranking_selection',
      surfaces: ['search', 'category'],
      purpose: '帮助用户找到相关的高质量商品',
      principle: '按商品评分排序；个性化模式下参考收货地区的配送时效',
      declared_features: ['query', 'region'],
      personal_pricing: false,
    },
    {
      ...common,
      algorithm_id: feedAlgorithmId(platformId),
      name: '首页推荐算法 / home feed recommendation',
      type: 'personalized_push',
      surfaces: ['home_feed'],
      purpose: '向用户推荐可能感兴趣的商品',
      principle: '按商品评分与用户兴趣（性别、年龄段、地区）推荐；关闭个性化后按品类热度推荐',
      declared_features: ['gender', 'age_band', 'region'],
      personal_pricing: false,
    },
    {
      ...common,
      algorithm_id: pricingAlgorithmId(platformId),
      name: '商品定价与优惠算法 / pricing and published coupons',
      type: 'scheduling_decision',
      surfaces: ['pricing'],
      purpose: '确定商品售价并发放公开的优惠券',
      principle: '同一时间同一商品对所有用户同价；新人券与会员券规则事先公示；运费按收货地区计算',
      declared_features: ['new_user', 'member_tier', 'region'],
      personal_pricing: false,
    },
  ];
}
