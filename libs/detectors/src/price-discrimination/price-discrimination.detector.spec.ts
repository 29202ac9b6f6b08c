import type { Finding, PriceQuote } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK } from '@fairmarket/rules';
import { mulberry32, shuffleInPlace } from '@fairmarket/stats';
import { MemorySource } from '../testing/memory-source';
import { priceDiscriminationDetector } from './price-discrimination.detector';
import { HOUR, T0, makeUsers, market, markup, quote, skus, type Offer, type TestUser } from './testing/quote-market';
import { byAttribute, detect } from './testing/run-detector';

const users = makeUsers(1500, 7);
const base = { skus: skus('s', 4), users, hours: 48, quotesPerSkuHour: 10, seed: 11 };
const rules = CN_RULE_PACK.price_discrimination;

function ofDevice(device: string, rate: number) {
  return (u: TestUser, sku: { base: number }): Offer => ({ price: u.traits.device_os === device ? markup(sku.base, rate) : sku.base });
}

describe('price_discrimination: materiality and severity thresholds', () => {
  it.each([
    [0.0195, undefined],
    [0.0205, 'medium'],
    [0.0495, 'medium'],
    [0.0505, 'high'],
  ])('an iOS markup of %p gives %p', async (rate, severity) => {
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer: ofDevice('ios', rate) })), 'm1');
    expect(found.device_os?.severity).toBe(severity);
    expect(Object.keys(found).filter((a) => a !== 'device_os')).toEqual([]);
    if (severity) {
      expect(found.device_os.subject.group).toBe('ios');
      expect(found.device_os.metrics.effect).toBeCloseTo(rate, 3);
    }
  });

  it('reports a finding readable on its own, with matched pairs as evidence', async () => {
    const [f] = await detect(market({ ...base, merchant: 'm1', offer: ofDevice('ios', 0.061) }));
    expect(f).toMatchObject({
      detector: 'price_discrimination',
      kind: null,
      severity: 'high',
      platform_id: 'p1',
      subject: { merchant_id: 'm1', attribute: 'device_os', group: 'ios', sku_ids: ['s-0', 's-1', 's-2', 's-3'] },
      legal_basis: rules.legal_basis,
      thresholds: { min_effect: 0.02, high_effect: 0.05, q_max: 0.01, min_group_quotes: 20, window_minutes: 60 },
    });
    expect(f.summary).toMatch(/^iOS users paid 6\.1% more than other users for the same items in the same hour \([\d,]+ quotes, 4 skus\)\.$/);
    expect(f.summary_zh).toMatch(/^iOS用户在同一小时内购买相同商品比其他用户多支付6\.1%/);
    const m = f.metrics as Record<string, number & number[]>;
    expect(m.ci95[0]).toBeLessThanOrEqual(m.effect);
    expect(m.ci95[1]).toBeGreaterThanOrEqual(m.effect);
    expect(m.q_value).toBeLessThanOrEqual(0.01);
    expect(m.n_quotes).toBe(m.n_group + m.n_rest);
    expect(f.evidence).toHaveLength(50);
    expect(f.evidence_total).toBeGreaterThan(50);
    expect(f.evidence_total).toBeLessThanOrEqual(m.n_group);
    for (const e of f.evidence) expect(e).toMatchObject({ file: 'price_quotes', note: expect.stringMatching(/^paired with q\d+: \d+ vs \d+$/) });
    // Largest gaps first: the ratio of the two prices never grows down the list.
    const ratios = f.evidence.map((e) => e.note!.match(/: (\d+) vs (\d+)$/)!.slice(1).map(Number)).map(([a, b]) => a / b);
    expect(ratios.every((r, i) => r > 1 && (i === 0 || r <= ratios[i - 1]))).toBe(true);
    expect(f.period).toEqual({ from: expect.stringMatching(/^2026-03-02T/), to: expect.stringMatching(/^2026-03-03T/) });
  });
});

describe('price_discrimination: the minimum group size counts users in strata holding both groups', () => {
  // One user profile but for the device: only device_os can be tested.
  const ios = (i: number): TestUser => ({ id: `u-ios-${i}`, traits: { device_os: 'ios', gender: 'f', spend_90d: 1000 } });
  const android = (i: number): TestUser => ({ id: `u-and-${i}`, traits: { device_os: 'android', gender: 'f', spend_90d: 1000 } });
  /** Per shared hour one iOS quote (user `iosUser(h)`) beside four Android users' quotes. */
  function rows(sharedHours: number, iosOnlyHours: number, iosUser: (h: number) => number = (h) => h): PriceQuote[] {
    const out: PriceQuote[] = [];
    const at = (h: number, k: number) => T0 + h * HOUR + k * 60_000;
    for (let h = 0; h < sharedHours; h++) {
      out.push(quote({ merchant: 'm1', sku: 's1', tsMs: at(h, 0), user: ios(iosUser(h)), offer: { price: 10_600 } }));
      for (let k = 1; k <= 4; k++) out.push(quote({ merchant: 'm1', sku: 's1', tsMs: at(h, k), user: android((4 * h + k) % 40), offer: { price: 10_000 } }));
    }
    // iOS quotes in hours without any comparison quote: they cannot count towards the 20.
    for (let h = 100; h < 100 + iosOnlyHours; h++) out.push(quote({ merchant: 'm1', sku: 's1', tsMs: at(h, 0), user: ios(h), offer: { price: 10_600 } }));
    return out;
  }

  it('does not test a group of 19 users beside the comparison group', async () => {
    expect(await detect(rows(19, 40))).toEqual([]);
  });

  it('alerts at 20 users, and still reports their quotes', async () => {
    const [f] = await detect(rows(20, 40));
    expect(f.subject).toMatchObject({ attribute: 'device_os', group: 'ios' });
    expect(f.metrics).toMatchObject({ n_group: 20, n_rest: 80, n_users_group: 20, n_strata: 20, effect: 0.06 });
    expect(f.metrics.n_quotes).toBe(100);
    expect(f.evidence_total).toBe(20);
  });

  it('does not count one user quoted 40 times as 40', async () => {
    expect(await detect(rows(40, 0, () => 0))).toEqual([]);
  });
});

describe('price_discrimination: what is and is not a price difference', () => {
  const coupon = (scope: 'public' | 'new_user' | 'member' | 'targeted', disclosed: boolean, amount: number) => [
    { coupon_id: `c-${scope}`, amount, scope, disclosed },
  ];

  it('takes published (disclosed public, new_user, member) offers out of the comparison', async () => {
    const offer = (u: TestUser, sku: { base: number }, hour: number): Offer => ({
      price: sku.base,
      coupons: [
        ...(hour % 2 === 0 ? coupon('public', true, 300) : []),
        ...(u.traits.new_user ? coupon('new_user', true, 900) : []),
        ...(u.traits.member_tier === 'svip' ? coupon('member', true, 500) : []),
      ],
    });
    expect(await detect(market({ ...base, merchant: 'm1', offer }))).toEqual([]);
  });

  it('keeps a new-user coupon that was not disclosed: returning users pay more', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({ price: sku.base, coupons: u.traits.new_user ? coupon('new_user', false, Math.round(sku.base * 0.08)) : [] });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found)).toEqual(['new_user']);
    expect(found.new_user.subject.group).toBe('false');
    expect(found.new_user.summary).toMatch(/^Returning users paid 8\.\d% more than new users/);
  });

  it('keeps disclosed targeted coupons: withheld from long-tenure users, whose tenure is named', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({
      price: sku.base,
      coupons: (u.traits.tenure_days as number) < 400 ? coupon('targeted', true, Math.round(sku.base * 0.07)) : [],
    });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found)).toEqual(['tenure_days']);
    const cut = Number((found.tenure_days.subject.group as string).slice(2));
    expect(found.tenure_days.subject.group).toMatch(/^>=/);
    expect(cut).toBeGreaterThan(330);
    expect(cut).toBeLessThan(480);
  });

  it('compares within the hour: prices that move over the day for everyone are no difference', async () => {
    // iOS users shop in the evening, when the merchant charges everyone 10% more.
    const offer = (_u: TestUser, sku: { base: number }, hour: number): Offer => ({ price: markup(sku.base, hour % 24 >= 18 ? 0.1 : 0) });
    const shopper = (u: TestUser, hour: number) => (hour % 24 >= 18) === (u.traits.device_os === 'ios') || hour % 3 === 0;
    expect(await detect(market({ ...base, merchant: 'm1', offer, shopper }))).toEqual([]);
  });

  it('reports region and channel differences as info only', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({
      price: Math.round(sku.base * (u.traits.region === '650000' ? 1.08 : 1) * (u.traits.channel === 'mini_program' ? 1.05 : 1)),
    });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found).sort()).toEqual(['channel', 'region']);
    expect(found.region).toMatchObject({ severity: 'info', subject: { group: '650000' }, legal_basis: rules.info_legal_basis });
    expect(found.channel).toMatchObject({ severity: 'info', subject: { group: 'mini_program' } });
    expect(found.region.summary).toMatch(/reported for information only\.$/);
  });
});

describe('price_discrimination: declared experiments', () => {
  const armOf = (u: TestUser) => ((Number(u.id.slice(1)) * 7919) % 2 === 1 ? 'B' : 'A');

  it('excuses arm differences of a randomised experiment', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({
      price: armOf(u) === 'B' ? markup(sku.base, 0.08) : sku.base,
      experiment: { experiment_id: 'exp-1', arm: armOf(u) },
    });
    expect(await detect(market({ ...base, merchant: 'm1', offer }))).toEqual([]);
  });

  it('treats an experiment whose arms follow device_os as discrimination, and says so', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => {
      const arm = u.traits.device_os === 'ios' ? 'B' : 'A';
      return { price: arm === 'B' ? markup(sku.base, 0.08) : sku.base, experiment: { experiment_id: 'exp-2', arm } };
    };
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found)).toEqual(['device_os']);
    expect(found.device_os.severity).toBe('high');
    expect(found.device_os.summary).toMatch(/the arms of price experiment exp-2 follow this characteristic\.$/);
    expect(found.device_os.metrics.experiments).toEqual([expect.objectContaining({ experiment_id: 'exp-2', arms: ['A', 'B'], attribute: 'device_os' })]);
  });
});

describe('price_discrimination: the experiment independence threshold (chi-square p < 0.01)', () => {
  // 100 iOS and 100 Android users, otherwise alike; arm B is 20% dearer. With 50+k of the iOS
  // users and 50-k of the Android users in arm B, chi-square (df 1) is 0.08 k²: p = 0.011 at
  // k = 9 (independent enough: arms excused), p = 0.0047 at k = 10 (arms follow device_os).
  function rows(k: number): PriceQuote[] {
    const people = Array.from({ length: 200 }, (_, i): TestUser & { arm: string } => {
      const ios = i < 100;
      const j = ios ? i : i - 100;
      const inB = ios ? j < 50 + k : j < 50 - k;
      return { id: `u${i}`, traits: { device_os: ios ? 'ios' : 'android', gender: 'f' }, arm: inB ? 'B' : 'A' };
    });
    return people.flatMap((u, i) =>
      [0, 1, 2].map((r) =>
        quote({ merchant: 'm1', sku: 's1', tsMs: T0 + ((i * 7 + r * 5) % 24) * HOUR + i * 1000, user: u, offer: { price: u.arm === 'B' ? 12_000 : 10_000, experiment: { experiment_id: 'exp', arm: u.arm } } }),
      ),
    );
  }

  it('excuses the arms at p just above the threshold', async () => {
    expect(await detect(rows(9))).toEqual([]);
  });

  it('reports the difference once p falls below it', async () => {
    const [f] = await detect(rows(10));
    expect(f.subject).toMatchObject({ attribute: 'device_os', group: 'ios' });
    expect(f.metrics.experiments).toEqual([expect.objectContaining({ experiment_id: 'exp', attribute: 'device_os', chi_square: 8 })]);
  });
});

describe('price_discrimination: attribution among correlated characteristics', () => {
  const spend = (u: TestUser) => u.traits.spend_90d as number;
  const sorted = users.map(spend).sort((a, b) => a - b);

  // Markups large enough that iOS users (who spend more) pay materially more as well.
  it.each([
    [0.77, 0.25],
    [0.6, 0.15],
  ])('names spend_90d, not device or membership, for a markup on the top spenders (cut at quantile %p, markup %p)', async (q, rate) => {
    const cut = sorted[Math.floor(sorted.length * q)];
    const offer = (u: TestUser, sku: { base: number }): Offer => ({ price: spend(u) >= cut ? markup(sku.base, rate) : sku.base });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found)).toEqual(['spend_90d']);
    const reportedCut = Number((found.spend_90d.subject.group as string).slice(2));
    expect(Math.abs(sorted.filter((v) => v < reportedCut).length / sorted.length - q)).toBeLessThan(0.06);
    // iOS users and members spend more, so they paid more too: that is explained, not reported.
    expect(found.spend_90d.metrics.explains).toEqual(expect.arrayContaining(['device_os', 'member_tier', 'orders_90d']));
  });

  it('reports two independent markups of one merchant separately, each controlled for the other', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({
      price: Math.round(sku.base * (u.traits.device_os === 'ios' ? 1.055 : 1) * (u.traits.gender === 'f' ? 1.04 : 1)),
    });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found).sort()).toEqual(['device_os', 'gender']);
    expect(found.gender.subject.group).toBe('f');
    expect(found.gender.metrics.controlled_for).toEqual(['device_os']);
    expect(found.gender.metrics.effect).toBeCloseTo(0.04, 3);
    expect(found.device_os.metrics.effect).toBeCloseTo(0.055, 3);
    expect(found.device_os.severity).toBe('high');
    expect(found.gender.severity).toBe('medium');
  });

  it('names a member-tier markup after the tier', async () => {
    const offer = (u: TestUser, sku: { base: number }): Offer => ({ price: u.traits.member_tier === 'svip' ? markup(sku.base, 0.07) : sku.base });
    const found = byAttribute(await detect(market({ ...base, merchant: 'm1', offer })), 'm1');
    expect(Object.keys(found)).toEqual(['member_tier']);
    expect(found.member_tier.subject.group).toBe('svip');
  });
});

describe('price_discrimination: results do not depend on how the rows arrive', () => {
  const twoPlatforms = (): PriceQuote[] => [
    ...market({ ...base, platform: 'pa', merchant: 'm1', offer: ofDevice('ios', 0.06) }),
    ...market({ ...base, platform: 'pb', merchant: 'm2', seed: 12, offer: (u, sku) => ({ price: u.traits.gender === 'm' ? markup(sku.base, 0.03) : sku.base }) }),
    ...market({ ...base, platform: 'pb', merchant: 'm3', seed: 13, offer: (_u, sku) => ({ price: sku.base }) }),
  ];

  it('analyze per platform, then decide over all partials, equals analyze over everything', async () => {
    const all = new MemorySource({ price_quotes: twoPlatforms() });
    const context = { rules: CN_RULE_PACK, priorFindings: [] as Finding[] };
    const whole = priceDiscriminationDetector.decide([await priceDiscriminationDetector.analyze(all, CN_RULE_PACK)], context);
    const parts = await Promise.all(['pb', 'pa'].map((p) => priceDiscriminationDetector.analyze(all.forPlatform(p), CN_RULE_PACK)));
    expect(whole.map((f) => [f.platform_id, f.subject.attribute])).toEqual([
      ['pa', 'device_os'],
      ['pb', 'gender'],
    ]);
    expect(priceDiscriminationDetector.decide(JSON.parse(JSON.stringify(parts)), context)).toEqual(whole);
  });

  it('gives identical findings however the rows are shuffled', async () => {
    const rows = twoPlatforms();
    const expected = await detect(rows);
    const shuffled = shuffleInPlace([...rows], mulberry32(99));
    expect(await detect(shuffled)).toEqual(expected);
  });
});

describe('price_discrimination: rule packs', () => {
  it('applies each pack and cites its law; ids are stable per pack', async () => {
    const rows = market({ ...base, merchant: 'm1', offer: ofDevice('ios', 0.06) });
    const [cn] = await detect(rows, CN_RULE_PACK);
    const [eu] = await detect(rows, EU_RULE_PACK);
    const [again] = await detect(rows, CN_RULE_PACK);
    expect(cn.legal_basis).toEqual(['CN-PIPL-24', 'CN-ALGO-21', 'CN-PLATFORM-PRICE']);
    expect(eu.legal_basis).toEqual(['EU-UCPD']);
    expect(eu.metrics).toEqual(cn.metrics);
    expect(cn.id).toMatch(/^pd-[0-9a-f]{8}$/);
    expect(again.id).toBe(cn.id);
    expect(eu.id).not.toBe(cn.id);
  });
});
