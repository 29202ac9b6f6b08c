import type { PriceQuote } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { WithinEstimator, type WithinFit } from '@fairmarket/stats';
import { attributeSpecs } from './characteristics';
import { CoOccurrence } from './co-occurrence';
import type { ColumnLayout } from './column-layout';
import { MerchantProfile } from './merchant-profile';
import { effectivePrice, LOG_UNITS, logPriceUnits } from './effective-price';
import { PooledWithinMoments, type PooledFit } from './pooled-within-moments';
import { StratumTable } from './stratum-table';
import { HOUR, makeUsers, market, skus, type TestUser } from './testing/quote-market';
import { referenceFit } from './testing/within-reference';
import type { Dummy } from './within-design';

const rules = CN_RULE_PACK.price_discrimination;
const attributes = attributeSpecs(rules);
const justified = new Set(rules.justified_coupon_scopes);
const index = (name: string) => attributes.findIndex((a) => a.name === name);

function build(quotes: PriceQuote[], pooled: string[]) {
  const profile = new MerchantProfile(attributes);
  quotes.forEach((q) => profile.add(q));
  const layout = profile.layout();
  const table = new StratumTable(layout);
  const cross = new CoOccurrence(layout, pooled.map(index));
  const columns = new Int32Array(attributes.length);
  for (const q of quotes) {
    layout.columnsOf(q, columns);
    table.add(table.stratumOf(q.sku_id, Math.floor(q.tsMs / HOUR), ''), logPriceUnits(effectivePrice(q, justified))!, columns);
    cross.add(columns);
  }
  table.finish();
  return { layout, table, cross, moments: new PooledWithinMoments(table, pooled.map(index), cross) };
}

/** The same regression fed quote by quote into WithinEstimator: the reference. */
function rowByRow(quotes: PriceQuote[], layout: ColumnLayout, table: StratumTable, dummies: Dummy[]): WithinFit | null {
  const estimator = new WithinEstimator(dummies.map((d) => d.name));
  const columns = new Int32Array(attributes.length);
  for (const q of quotes) {
    layout.columnsOf(q, columns);
    const x = dummies.map((d) => (d.columns.some((c) => columns.includes(c)) ? 1 : 0));
    const key = table.key(table.find(q.sku_id, Math.floor(q.tsMs / HOUR), ''));
    estimator.add(key, logPriceUnits(effectivePrice(q, justified))! / LOG_UNITS, x);
  }
  return estimator.fit();
}

function expectSameFit(actual: PooledFit | WithinFit | null, expected: WithinFit | null): void {
  expect(actual).not.toBeNull();
  expect(expected).not.toBeNull();
  expect(actual!.df).toBe(expected!.df);
  actual!.coef.forEach((b, i) => {
    expect(b).toBeCloseTo(expected!.coef[i], 10);
    expect(actual!.se[i]).toBeCloseTo(expected!.se[i], 10);
    expect(actual!.p[i]).toBeCloseTo(expected!.p[i], 10);
    expect(actual!.ci95[i][0]).toBeCloseTo(expected!.ci95[i][0], 10);
  });
}

const users = makeUsers(600, 5);
// A noisy engine with an iOS markup and a spend markup, and some quotes without device_os.
const quotes = market({
  merchant: 'm1',
  skus: skus('s', 3),
  users,
  hours: 30,
  quotesPerSkuHour: 8,
  seed: 4,
  offer: (u, sku, _h, rand) => ({
    price: Math.round(sku.base * (u.traits.device_os === 'ios' ? 1.03 : 1) * ((u.traits.spend_90d as number) > 150_000 ? 1.05 : 1) * (1 + 0.02 * (rand() - 0.5))),
  }),
}).map((q, i) => (i % 13 === 0 ? { ...q, user: { ...q.user, device_os: undefined } } : q));

describe('PooledWithinMoments agrees with WithinEstimator fed quote by quote', () => {
  const { layout, table, moments } = build(quotes, ['device_os', 'spend_90d', 'gender']);
  const device = layout.attribute('device_os');
  const spend = layout.attribute('spend_90d');
  const gender = layout.attribute('gender');
  const ios: Dummy = { name: 'ios', columns: [device.offset + device.levelIndex.get('ios')!] };
  const deviceMissing: Dummy = { name: 'device:missing', columns: [device.missingColumn] };
  const highSpend: Dummy = { name: 'spend>=cut10', columns: Array.from({ length: spend.groups - 10 }, (_, g) => spend.offset + 10 + g) };
  const women: Dummy = { name: 'f', columns: [gender.offset + gender.levelIndex.get('f')!] };

  it('has missing values to handle', () => {
    expect(device.missingQuotes).toBeGreaterThan(0);
  });

  it.each([
    ['one group dummy', [ios]],
    ['a group against known values (missing indicator)', [deviceMissing, ios]],
    ['groups of three characteristics at once', [deviceMissing, ios, highSpend, women]],
  ])('%s', (_name, dummies) => {
    const expected = rowByRow(quotes, layout, table, dummies as Dummy[]);
    expectSameFit(moments.fit(dummies as Dummy[]), expected);
    expect(expected!.coef[dummies.indexOf(ios)]).toBeGreaterThan(0.02);
  });

  it('and so does the WithinEstimator state rebuilt from the stratum table', () => {
    const dummies = [deviceMissing, ios, highSpend, women];
    const { cross } = build(quotes, ['device_os', 'spend_90d', 'gender']);
    expectSameFit(referenceFit(table, dummies, cross), rowByRow(quotes, layout, table, dummies));
  });
});

describe('PooledWithinMoments on prices that never differ within a stratum', () => {
  it('gives exactly no difference, with p = 1, whatever the volume', () => {
    const flat = market({ merchant: 'm1', skus: skus('s', 2), users, hours: 20, quotesPerSkuHour: 15, seed: 8, offer: (_u: TestUser, sku, h) => ({ price: sku.base + 37 * h }) });
    const { layout, moments } = build(flat, ['device_os', 'gender']);
    const device = layout.attribute('device_os');
    const fit = moments.fit([{ name: 'ios', columns: [device.offset + device.levelIndex.get('ios')!] }]);
    expect(fit).toMatchObject({ coef: [0], se: [0], p: [1] });
  });
});
