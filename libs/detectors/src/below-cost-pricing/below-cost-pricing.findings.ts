import type { Finding, Severity } from '@fairmarket/contract';
import type { BelowCostRules, RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import type { BelowCostCandidate } from './below-cost-pricing.types';
import { atLeast, formatMoney, percent } from './bounded-sample';
import { PlatformCalendar } from './platform-calendar';

/** Only a dominant merchant selling below variable cost is an alert; every other run is `info`. */
export function belowCostSeverity(c: BelowCostCandidate, rules: BelowCostRules): Severity {
  const dominant = c.market_share !== null && atLeast(c.market_share, rules.dominance_share);
  return c.actor === 'merchant' && c.basis === 'variable_cost' && dominant ? 'high' : 'info';
}

export function belowCostFinding(c: BelowCostCandidate, pack: RulePack): Finding {
  const rules = pack.below_cost_pricing;
  const calendar = new PlatformCalendar(pack.platform_tz);
  return {
    id: findingId('below_cost_pricing', pack.name, c.platform_id, [c.merchant_id, c.sku_id, c.actor, c.basis, c.from_date]),
    detector: 'below_cost_pricing',
    kind: null,
    severity: belowCostSeverity(c, rules),
    platform_id: c.platform_id,
    subject: { merchant_id: c.merchant_id, sku_id: c.sku_id, actor: c.actor },
    period: {
      from: calendar.startOf(calendar.dayOfDate(c.from_date)),
      to: calendar.endOf(calendar.dayOfDate(c.to_date)),
    },
    summary: summaryEn(c, rules),
    summary_zh: summaryZh(c, rules),
    metrics: {
      basis: c.basis,
      category: c.category,
      days_tested: c.days_tested,
      days_below: c.days_below,
      days_below_variable_cost: c.days_below_variable,
      days_exempt: c.days_exempt,
      share_below: c.days_below / c.days_tested,
      market_share: c.market_share,
      merchant_category_units: c.merchant_category_units,
      category_units: c.category_units,
      mean_net_revenue: c.mean_net_revenue,
      mean_buyer_price: c.mean_buyer_price,
      mean_variable_cost: c.mean_variable_cost,
      mean_total_cost: c.mean_total_cost,
      recoupment: c.recoupment,
      confidence: c.recoupment ? 'high' : 'medium',
      currency: c.currency,
    },
    evidence: c.evidence,
    evidence_total: c.evidence_total,
    legal_basis: c.actor === 'platform' ? rules.platform_legal_basis : rules.legal_basis,
    method: method(c, rules),
    thresholds: {
      min_run_days: rules.min_run_days,
      min_below_share: rules.min_below_share,
      expiry_within_days: rules.expiry_within_days,
      season_end_within_days: rules.season_end_within_days,
      launch_within_days: rules.launch_within_days,
      dominance_share: rules.dominance_share,
      recoupment_avc_multiplier: rules.recoupment_avc_multiplier,
    },
  };
}

function method(c: BelowCostCandidate, r: BelowCostRules): string {
  const compared =
    c.basis === 'subsidised_price'
      ? 'daily quantity-weighted buyer unit price below unit_variable_cost while unit_price + platform_subsidy is not'
      : c.basis === 'total_cost'
        ? 'daily quantity-weighted net unit revenue (unit_price + platform_subsidy) below unit_total_cost (unit_variable_cost where ' +
          'no total cost is declared), in a window no below-unit_variable_cost run overlaps (days below unit_variable_cost counted apart)'
        : 'daily quantity-weighted net unit revenue (unit_price + platform_subsidy) below unit_variable_cost';
  const evidence =
    c.basis === 'subsidised_price'
      ? 'evidence orders: buyer unit_price below unit_variable_cost, unit_price + platform_subsidy not'
      : c.basis === 'total_cost'
        ? 'evidence orders: unit_price + platform_subsidy below that day\'s total cost'
        : 'evidence orders: unit_price + platform_subsidy below unit_variable_cost';
  return (
    `${compared}, cost valid that day; days with a legitimate reason removed (perishable, expiry within ` +
    `${r.expiry_within_days} days, from season_end - ${r.season_end_within_days} days, within ${r.launch_within_days} ` +
    `days after launch, from clearance_from); run: window >= ${r.min_run_days} days with >= ${percent(r.min_below_share)} ` +
    `of trading days below; market power: category unit share >= ${percent(r.dominance_share)}; recoupment: price above ` +
    `unit_total_cost (or ${r.recoupment_avc_multiplier} x AVC) after the run; ${evidence}`
  );
}

function summaryEn(c: BelowCostCandidate, r: BelowCostRules): string {
  const money = (v: number) => formatMoney(v, c.currency ?? undefined);
  const days = `on ${c.days_below} of ${c.days_tested} trading days from ${c.from_date} to ${c.to_date}`;
  const share = c.market_share === null ? 'an unknown share' : percent(c.market_share);
  const category = c.category ?? 'its category';
  if (c.basis === 'subsidised_price') {
    return (
      `Buyers of sku ${c.sku_id} (merchant ${c.merchant_id}) paid below its average variable cost ${days} ` +
      `(mean ${money(c.mean_buyer_price)} vs ${money(c.mean_variable_cost)}), a below-cost price funded by the platform's ` +
      `subsidy, which lifted the merchant's revenue to ${money(c.mean_net_revenue)}.`
    );
  }
  if (c.basis === 'total_cost') {
    const atc = c.mean_total_cost === null ? '' : ` and total cost ${money(c.mean_total_cost)}`;
    // Only say "above variable cost" when every below-cost day was: a total-cost run may hold a
    // few days below AVC, too few for a variable-cost run.
    const relation =
      c.days_below_variable === 0
        ? 'above its average variable cost but below its average total cost'
        : `below its average total cost (on ${c.days_below_variable} of those days also below its average variable cost)`;
    return (
      `Merchant ${c.merchant_id} sold sku ${c.sku_id} ${relation} ` +
      `${days} (mean net revenue ${money(c.mean_net_revenue)} vs variable cost ${money(c.mean_variable_cost)}${atc}).`
    );
  }
  const dominant = belowCostSeverity(c, r) === 'high';
  const power = dominant
    ? `while holding ${share} of units sold in category ${category}`
    : `but held only ${share} of units sold in category ${category}, below the ${percent(r.dominance_share)} market-power threshold`;
  const recouped = c.recoupment
    ? `; from ${c.recoupment.first_day} it charged above total cost (up to ${money(c.recoupment.max_price)}), recouping the losses`
    : '';
  return (
    `Merchant ${c.merchant_id} sold sku ${c.sku_id} below its average variable cost ${days} ` +
    `(mean net revenue ${money(c.mean_net_revenue)} vs cost ${money(c.mean_variable_cost)}) ${power}${recouped}.`
  );
}

function summaryZh(c: BelowCostCandidate, r: BelowCostRules): string {
  const money = (v: number) => formatMoney(v, c.currency ?? undefined);
  const days = `在${c.from_date}至${c.to_date}期间的${c.days_tested}个交易日中有${c.days_below}天`;
  const share = c.market_share === null ? '未知' : percent(c.market_share);
  const category = c.category ?? '其所在';
  if (c.basis === 'subsidised_price') {
    return (
      `商品${c.sku_id}（商家${c.merchant_id}）${days}的消费者支付价格低于平均可变成本（平均${money(c.mean_buyer_price)}，` +
      `成本${money(c.mean_variable_cost)}），该低于成本的价格由平台补贴承担，商家实际收入为${money(c.mean_net_revenue)}。`
    );
  }
  if (c.basis === 'total_cost') {
    const atc = c.mean_total_cost === null ? '' : `，平均总成本${money(c.mean_total_cost)}`;
    const relation =
      c.days_below_variable === 0
        ? '以高于平均可变成本但低于平均总成本的价格销售'
        : `以低于平均总成本的价格销售（其中${c.days_below_variable}天亦低于平均可变成本）`;
    return (
      `商家${c.merchant_id}的商品${c.sku_id}${days}${relation}（平均净收入` +
      `${money(c.mean_net_revenue)}，可变成本${money(c.mean_variable_cost)}${atc}）。`
    );
  }
  const dominant = belowCostSeverity(c, r) === 'high';
  const power = dominant
    ? `，其在${category}类目的销量份额为${share}`
    : `，但其在${category}类目的销量份额仅为${share}，低于${percent(r.dominance_share)}的市场力量门槛`;
  const recouped = c.recoupment
    ? `；自${c.recoupment.first_day}起售价高于平均总成本（最高${money(c.recoupment.max_price)}），收回了亏损`
    : '';
  return (
    `商家${c.merchant_id}的商品${c.sku_id}${days}以低于平均可变成本的价格销售（平均净收入` +
    `${money(c.mean_net_revenue)}，成本${money(c.mean_variable_cost)}）${power}${recouped}。`
  );
}
