/**
 * The product categories of the background market: price bands (list price, fen), what the
 * products are called, what people type into search to find them, and which shoppers lean
 * towards them (used by the personalised home feed only).
 */
export interface CategorySpec {
  id: string;
  /** List prices are drawn log-uniformly in this band (minor units). */
  listPrice: [number, number];
  perishable: boolean;
  nouns: readonly string[];
  queries: readonly string[];
  /** Share of search traffic that targets this category. */
  searchWeight: number;
  /** Feed affinity by gender and age band (added to the feed score when personalised). */
  genderAffinity: Partial<Record<'f' | 'm' | 'u', number>>;
  ageAffinity: Partial<Record<string, number>>;
  /** Non-personalised feed: the platform-wide popularity of the category. */
  popularity: number;
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 'fresh.fruit', listPrice: [1990, 9990], perishable: true,
    nouns: ['红富士苹果 5kg', '智利车厘子 2斤', '海南芒果 3kg', '赣南脐橙 10斤', '阳光玫瑰葡萄 2串', '猕猴桃 12颗'],
    queries: ['水果', '苹果', '车厘子'], searchWeight: 1.2,
    genderAffinity: { f: 0.1 }, ageAffinity: { '35-44': 0.15, '45-54': 0.2, '55+': 0.25 }, popularity: 0.2,
  },
  {
    id: 'electronics.phone', listPrice: [99900, 799900], perishable: false,
    nouns: ['5G智能手机 256GB', '折叠屏手机', '拍照手机 512GB', '老人手机', '游戏手机 12GB'],
    queries: ['手机', '5G手机'], searchWeight: 1.0,
    genderAffinity: { m: 0.25 }, ageAffinity: { '18-24': 0.2, '25-34': 0.15 }, popularity: 0.15,
  },
  {
    id: 'electronics.earbuds', listPrice: [9900, 149900], perishable: false,
    nouns: ['真无线蓝牙耳机', '降噪耳机', '运动耳机', '头戴式耳机'],
    queries: ['耳机', '蓝牙耳机'], searchWeight: 0.9,
    genderAffinity: { m: 0.2 }, ageAffinity: { '18-24': 0.25, '25-34': 0.1 }, popularity: 0.1,
  },
  {
    id: 'home.kitchen', listPrice: [2990, 59900], perishable: false,
    nouns: ['不粘炒锅', '电饭煲 4L', '刀具套装', '空气炸锅', '保温壶'],
    queries: ['锅', '厨具', '空气炸锅'], searchWeight: 0.8,
    genderAffinity: { f: 0.1 }, ageAffinity: { '35-44': 0.2, '45-54': 0.15 }, popularity: 0.1,
  },
  {
    id: 'apparel.women', listPrice: [7990, 59900], perishable: false,
    nouns: ['连衣裙', '羊毛大衣', '针织开衫', '牛仔裤', '真丝衬衫'],
    queries: ['连衣裙', '女装'], searchWeight: 1.1,
    genderAffinity: { f: 0.45, m: -0.2 }, ageAffinity: { '18-24': 0.1, '25-34': 0.15 }, popularity: 0.15,
  },
  {
    id: 'beauty.skincare', listPrice: [4990, 89900], perishable: false,
    nouns: ['保湿面霜', '精华液 30ml', '防晒霜 SPF50', '洁面乳', '面膜 10片'],
    queries: ['面霜', '护肤', '防晒'], searchWeight: 1.0,
    genderAffinity: { f: 0.4, m: -0.15 }, ageAffinity: { '25-34': 0.15, '35-44': 0.1 }, popularity: 0.12,
  },
  {
    id: 'books', listPrice: [1990, 12900], perishable: false,
    nouns: ['长篇小说', '历史读物', '儿童绘本', '编程入门', '经济学原理'],
    queries: ['小说', '图书', '绘本'], searchWeight: 0.7,
    genderAffinity: {}, ageAffinity: { '45-54': 0.1, '55+': 0.2 }, popularity: 0.05,
  },
  {
    id: 'toys', listPrice: [2990, 49900], perishable: false,
    nouns: ['拼装积木', '遥控汽车', '毛绒玩具', '益智拼图', '儿童画板'],
    queries: ['积木', '玩具'], searchWeight: 0.6,
    genderAffinity: {}, ageAffinity: { '25-34': 0.2, '35-44': 0.25 }, popularity: 0.05,
  },
];
