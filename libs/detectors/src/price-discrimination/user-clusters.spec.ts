import type { PriceQuote } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { attributeSpecs } from './characteristics';
import { effectivePrice, LOG_UNITS, logPriceUnits } from './effective-price';
import { prepareGroupTests, type PreparedTest } from './group-tests';
import { MerchantProfile } from './merchant-profile';
import { StratumTable } from './stratum-table';
import { HOUR, makeUsers, market, skus } from './testing/quote-market';
import { ClusteredScores, USER_CLUSTERS, userCluster, type ClusterTally } from './user-clusters';

const rules = { ...CN_RULE_PACK.price_discrimination, min_group_quotes: 3 };
const attributes = attributeSpecs(rules);
const justified = new Set(rules.justified_coupon_scopes);

/** The sandwich as the file comment writes it: every quote against every fit, nothing skipped. */
function plainTallies(table: StratumTable, fits: readonly PreparedTest[], rows: { s: number; y: number; columns: Int32Array; user: number }[], users: number): ClusterTally[] {
  return fits.map((f) => {
    const scores = new Float64Array(USER_CLUSTERS);
    const active = new Uint8Array(USER_CLUSTERS);
    const sides = new Uint8Array(users);
    for (const { s, y, columns, user } of rows) {
      const totals = table.totals(s);
      if (totals.n < 2) continue;
      const yWithin = (y - table.minimum(s)) / LOG_UNITS - totals.sum / LOG_UNITS / totals.n;
      const column = columns[f.attributeIndex];
      let h = 0;
      let residual = yWithin;
      f.dummies.forEach((d, j) => {
        const x = (d.columns.includes(column) ? 1 : 0) - table.countIn(s, d.columns) / totals.n;
        h += f.weights[j] * x;
        residual -= f.beta[j] * x;
      });
      const cluster = userCluster(`u${user}`);
      if (h !== 0) {
        scores[cluster] += h * residual;
        active[cluster] = 1;
      }
      if (table.countIn(s, f.columns) > 0 && table.countIn(s, f.restColumns) > 0) {
        if (f.columns.includes(column)) sides[user] |= 1;
        else if (f.restColumns.includes(column)) sides[user] |= 2;
      }
    }
    return {
      scoreSquares: scores.reduce((sum, v) => sum + v * v, 0),
      clusters: active.reduce((sum, v) => sum + v, 0),
      usersGroup: sides.reduce((sum, v) => sum + (v & 1), 0),
      usersRest: sides.reduce((sum, v) => sum + ((v >> 1) & 1), 0),
    };
  });
}

describe('ClusteredScores', () => {
  const users = makeUsers(120, 11);
  const quotes: PriceQuote[] = market({
    merchant: 'm1',
    skus: skus('s', 5),
    users,
    hours: 40,
    quotesPerSkuHour: 4,
    seed: 7,
    offer: (u, sku, _h, rand) => ({ price: Math.round(sku.base * (u.traits.device_os === 'ios' ? 1.04 : 1) * (1 + 0.03 * (rand() - 0.5))) }),
    // Strata of one to four quotes.
  }).filter((_, i) => i % 3 !== 0 && i % 7 !== 0);
  const profile = new MerchantProfile(attributes);
  quotes.forEach((q) => profile.add(q));
  const layout = profile.layout();
  const table = new StratumTable(layout);
  const userIndex = new Map(users.map((u, i) => [u.id, i]));
  const rows = quotes.map((q) => {
    const columns = new Int32Array(attributes.length);
    layout.columnsOf(q, columns);
    const s = table.stratumOf(q.sku_id, Math.floor(q.tsMs / HOUR), '');
    const y = logPriceUnits(effectivePrice(q, justified))!;
    table.add(s, y, columns);
    return { s, y, columns, user: userIndex.get(q.user_id)! };
  });
  table.finish();
  const fits = layout.attributes.flatMap((_, a) => prepareGroupTests(table, a, rules));

  it('has fits over several characteristics and strata of one quote and of several', () => {
    expect(new Set(fits.map((f) => f.attributeIndex)).size).toBeGreaterThan(3);
    const sizes = table.order.map((s) => table.totals(s).n);
    expect(sizes).toContain(1);
    expect(Math.max(...sizes)).toBeGreaterThan(2);
  });

  it.each([
    ['a cache holding every stratum', undefined],
    ['a cache that starts over every few strata', 2000],
  ])('gives bit for bit the tallies of the plain sandwich over every quote and fit, with %s', (_name, poolLimit) => {
    const scores = new ClusteredScores(table, fits, users.length, poolLimit);
    const flat = new Int32Array(rows.length * attributes.length);
    rows.forEach((r, i) => flat.set(r.columns, i * attributes.length));
    rows.forEach((r, i) => scores.add(r.s, r.y, flat, i * attributes.length, r.user, userCluster(`u${r.user}`)));
    const expected = plainTallies(table, fits, rows, users.length);
    fits.forEach((_, t) => expect(scores.tally(t)).toEqual(expected[t]));
    expect(expected.some((e) => e.scoreSquares > 0 && e.usersGroup > 0 && e.usersRest > 0)).toBe(true);
  });
});
