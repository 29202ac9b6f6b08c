import type { Bilingual } from './filing-document';

/** The five CAC algorithm types (算法类型) in the words of the filing system. */
export const ALGORITHM_TYPE_LABELS: Record<string, Bilingual> = {
  generation_synthesis: { zh: '生成合成类', en: 'generation and synthesis' },
  personalized_push: { zh: '个性化推送类', en: 'personalised push' },
  ranking_selection: { zh: '排序精选类', en: 'ranking and selection' },
  search_filtering: { zh: '检索过滤类', en: 'search and filtering' },
  scheduling_decision: { zh: '调度决策类', en: 'scheduling and decision-making' },
};

export const SURFACE_LABELS: Record<string, Bilingual> = {
  home_feed: { zh: '首页推荐', en: 'home feed' },
  search: { zh: '商品搜索', en: 'product search' },
  category: { zh: '类目浏览', en: 'category pages' },
  pricing: { zh: '商品定价与优惠', en: 'pricing and coupons' },
};

export const FEATURE_LABELS: Record<string, Bilingual> = {
  new_user: { zh: '是否新用户', en: 'new-user status' },
  tenure_days: { zh: '注册时长', en: 'account tenure' },
  orders_90d: { zh: '近90天订单数', en: 'orders in 90 days' },
  spend_90d: { zh: '近90天消费金额', en: 'spend in 90 days' },
  member_tier: { zh: '会员等级', en: 'membership tier' },
  device_os: { zh: '设备操作系统', en: 'device operating system' },
  region: { zh: '所在地区', en: 'region' },
  channel: { zh: '访问渠道', en: 'channel' },
  gender: { zh: '性别', en: 'gender' },
  age_band: { zh: '年龄段', en: 'age band' },
  query: { zh: '搜索词', en: 'search query' },
  loyalty: { zh: '忠诚度（新老用户、消费）', en: 'loyalty (tenure, orders, spend)' },
  membership: { zh: '会员身份', en: 'membership' },
  device: { zh: '设备', en: 'device' },
  demographic: { zh: '人口统计特征', en: 'demographics' },
};

export function surfaceLabel(s: string): Bilingual {
  return SURFACE_LABELS[s] ?? { zh: s, en: s };
}

export function featureLabel(f: string): Bilingual {
  return FEATURE_LABELS[f] ?? { zh: f, en: f };
}

export function joinLabels(items: Bilingual[], empty: Bilingual): Bilingual {
  if (items.length === 0) return empty;
  return { zh: items.map((i) => i.zh).join('、'), en: items.map((i) => i.en).join(', ') };
}

export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
