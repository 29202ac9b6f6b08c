import { CN_RULE_PACK, EU_RULE_PACK, rulePack } from './index';

describe('rule packs', () => {
  it('cite only codes they define', () => {
    for (const pack of [CN_RULE_PACK, EU_RULE_PACK]) {
      const codes = JSON.stringify(pack).match(/"(CN|EU)-[A-Z0-9-]+"/g) ?? [];
      for (const quoted of codes) expect(pack.citations[quoted.slice(1, -1)]).toBeDefined();
    }
  });

  it('apply the 7-day transaction rule in cn and the 30-day displayed-price rule in eu', () => {
    expect(CN_RULE_PACK.fake_promotion.prior_price_lookback_days).toBe(7);
    expect(CN_RULE_PACK.fake_promotion.prior_price_basis).toBe('lowest_order_price');
    expect(EU_RULE_PACK.fake_promotion.prior_price_lookback_days).toBe(30);
    expect(EU_RULE_PACK.fake_promotion.prior_price_basis).toBe('lowest_displayed_price');
  });

  it('refuses an unknown pack by name', () => {
    expect(() => rulePack('us')).toThrow(/unknown rule pack "us"/);
  });
});
