import type { FakePromotionRules } from '@fairmarket/rules';
import { formatMoney, percent } from '../below-cost-pricing/bounded-sample';
import type { FakePromotionCandidate, LawfulPriceBasis, UnverifiableReason } from './fake-promotion.types';

/** One English and one Chinese sentence per finding, each readable without the rest. */
export function fakePromotionSummaries(c: FakePromotionCandidate, rules: FakePromotionRules): { en: string; zh: string } {
  const money = (v: number) => formatMoney(v, c.currency ?? undefined);
  const who = `sku ${c.sku_id} (merchant ${c.merchant_id})`;
  const whoZh = `商品${c.sku_id}（商家${c.merchant_id}）`;
  const m = c.metrics;
  const L = rules.prior_price_lookback_days;
  switch (m.kind) {
    case 'fictitious_reference_price': {
      const w = m.worst;
      const start = w.promotion_start.slice(0, 10);
      const more = m.promotions.length > 1 ? ` (${m.promotions.length} promotions affected)` : '';
      const moreZh = m.promotions.length > 1 ? `（共${m.promotions.length}次促销）` : '';
      if (w.unverifiable !== null || w.lawful_price === null) {
        return {
          en: `The prior-price reference of ${money(w.reference_price)} shown for ${who} in promotion ${w.promo_id} (from ${start}) cannot be verified: ${UNVERIFIABLE_EN[w.unverifiable ?? 'never_sold'](L)}${more}.`,
          zh: `${whoZh}在促销${w.promo_id}（自${start}起）中标示的原价${money(w.reference_price)}无法核实：${UNVERIFIABLE_ZH[w.unverifiable ?? 'never_sold'](L)}${moreZh}。`,
        };
      }
      const basis = w.lawful_basis as LawfulPriceBasis;
      const excess = w.excess === null ? '' : ` (${percent(w.excess)} above)`;
      const excessZh = w.excess === null ? '' : `，高出${percent(w.excess)}`;
      return {
        en: `${capitalise(who)} showed a struck-through prior price of ${money(w.reference_price)} in promotion ${w.promo_id} (from ${start}), above the lawful reference of ${money(w.lawful_price)}${excess}, ${BASIS_EN[basis](L)}${more}.`,
        zh: `${whoZh}在促销${w.promo_id}（自${start}起）中标示的划线原价${money(w.reference_price)}高于合法的被比较价格${money(w.lawful_price)}${excessZh}（${BASIS_ZH[basis](L)}）${moreZh}。`,
      };
    }
    case 'raise_then_discount': {
      const w = m.worst;
      const start = w.promotion_start.slice(0, 10);
      return {
        en: `${capitalise(who)} had its regular price raised from ${money(w.regular_before)} to ${money(w.regular_after)} (+${percent(w.rise)}) on ${w.rise_date}, then was offered in promotion ${w.promo_id} from ${start} at ${money(w.promotion_price)}, no lower than the price before the rise.`,
        zh: `${whoZh}的日常价于${w.rise_date}从${money(w.regular_before)}提高至${money(w.regular_after)}（+${percent(w.rise)}），随后在促销${w.promo_id}（自${start}起）中以${money(w.promotion_price)}销售，并未低于提价前的价格（先提价后打折）。`,
      };
    }
    case 'fake_countdown': {
      const w = m.worst;
      const parts: string[] = [];
      const partsZh: string[] = [];
      if (w.resets >= rules.countdown_min_resets) {
        parts.push(`moved its countdown end later ${w.resets} times at the same or a lower price (first claimed end ${w.first_claimed_end}, last ${w.last_claimed_end})`);
        partsZh.push(`在价格不变或更低的情况下将倒计时截止时间延后${w.resets}次（最初声称${w.first_claimed_end}截止，最后为${w.last_claimed_end}）`);
      }
      if (w.overrun_days >= rules.countdown_overrun_days && w.continued_until) {
        parts.push(`kept the promotion price ${w.overrun_days} days past the claimed end ${w.last_claimed_end}, until ${w.continued_until}`);
        partsZh.push(`在声称的截止时间${w.last_claimed_end}之后${w.overrun_days}天（至${w.continued_until}）仍维持促销价`);
      }
      return {
        en: `The "limited time" promotion ${w.promo_id} of ${who} ${parts.join(', and ')}.`,
        zh: `${whoZh}的限时促销${w.promo_id}${partsZh.join('，并且')}。`,
      };
    }
    case 'fake_scarcity': {
      const e = m.examples[0];
      return {
        en: `${capitalise(who)} claimed scarce stock on ${m.occasions} occasions when buyers then ordered more units than claimed while the next snapshot still showed stock left (e.g. "${e.claimed_stock_left} left", ${e.units_ordered} units ordered, then "${e.next_claimed_stock_left} left").`,
        zh: `${whoZh}有${m.occasions}次声称库存紧张，但在下一次快照前的下单量已超过声称的剩余库存，而下一次快照仍显示有库存（例如：声称剩${e.claimed_stock_left}件，随后下单${e.units_ordered}件，仍显示剩${e.next_claimed_stock_left}件）。`,
      };
    }
    case 'inflated_sales': {
      const w = m.worst;
      return {
        en: `${capitalise(who)} claimed ${w.claimed_sales_30d} sold in 30 days while only ${w.units_ordered} units were ordered from ${w.window_from} to ${w.window_to} (limit ${rules.inflated_sales_ratio} x ${w.units_ordered} + ${rules.inflated_sales_slack} = ${w.limit}), on ${m.snapshots_over} of ${m.snapshots_checked} checked snapshots.`,
        zh: `${whoZh}声称近30天销量${w.claimed_sales_30d}件，而${w.window_from}至${w.window_to}实际下单仅${w.units_ordered}件（上限${rules.inflated_sales_ratio}×${w.units_ordered}+${rules.inflated_sales_slack}=${w.limit}），已核查的${m.snapshots_checked}个快照中有${m.snapshots_over}个虚标销量。`,
      };
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const BASIS_EN: Record<LawfulPriceBasis, (days: number) => string> = {
  lowest_order_price: (d) => `the lowest order price of the ${d} days before the promotion`,
  last_order_price: (d) => `the last order price before the promotion, there being no order in the ${d} days before it`,
  lowest_displayed_price: (d) => `the lowest price displayed in the ${d} days before the promotion`,
};

const BASIS_ZH: Record<LawfulPriceBasis, (days: number) => string> = {
  lowest_order_price: (d) => `促销前${d}日内的最低成交价`,
  last_order_price: (d) => `促销前${d}日内无成交，取促销前最后一次成交价`,
  lowest_displayed_price: (d) => `促销前${d}日内的最低标示价格`,
};

const UNVERIFIABLE_EN: Record<UnverifiableReason, (days: number) => string> = {
  lookback_not_covered: (d) => `the dataset does not cover the ${d} days before the promotion`,
  never_sold: () => 'the sku has no order before the promotion',
  never_displayed: (d) => `the sku was not displayed in the ${d} days before the promotion`,
};

const UNVERIFIABLE_ZH: Record<UnverifiableReason, (days: number) => string> = {
  lookback_not_covered: (d) => `数据集未覆盖促销前${d}日`,
  never_sold: () => '该商品在促销前没有成交记录',
  never_displayed: (d) => `该商品在促销前${d}日内没有展示记录`,
};
