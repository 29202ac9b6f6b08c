import type { PriceQuote } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { attributeSpecs } from './characteristics';
import { GrowableColumn } from './growable-column';
import { MerchantProfile } from './merchant-profile';
import { MerchantQuotes } from './merchant-quotes';
import { PlatformProfiles } from './platform-profiles';
import { QuoteIdArena } from './quote-id-arena';
import { HOUR, makeUsers, market, quote, skus, T0 } from './testing/quote-market';

const attributes = attributeSpecs(CN_RULE_PACK.price_discrimination);

describe('GrowableColumn', () => {
  it('keeps every value exactly while widening from 16-bit to 32-bit integers to floats', () => {
    const column = new GrowableColumn();
    const values = [0, 7, 65535, 3, 65536, -5, 2 ** 31 - 1, 1.5, -(2 ** 40), 12];
    for (let i = 0; i < 300; i++) for (const v of values) column.push(v + (Number.isInteger(v) && v >= 0 && v < 60000 ? i : 0));
    expect(column.length).toBe(3000);
    for (let i = 0; i < 300; i++) {
      values.forEach((v, j) => expect(column.get(i * values.length + j)).toBe(v + (Number.isInteger(v) && v >= 0 && v < 60000 ? i : 0)));
    }
  });
});

describe('GrowableColumn in chunks', () => {
  it('keeps every value across chunks, through a widening after many chunks and pushes after a trim', () => {
    const column = new GrowableColumn();
    const value = (i: number) => (i < 10_000 ? i % 65_536 : i < 20_000 ? -i : i + 0.25);
    for (let i = 0; i < 9_999; i++) column.push(value(i));
    column.trim();
    for (let i = 9_999; i < 30_000; i++) {
      column.push(value(i));
      if (i % 5_000 === 0) column.trim();
    }
    expect(column.length).toBe(30_000);
    for (let i = 0; i < 30_000; i++) expect(column.get(i)).toBe(value(i));
  });

  it('holds no spare room once trimmed', () => {
    const column = new GrowableColumn('i32');
    for (let i = 0; i < 10_000; i++) column.push(i);
    column.trim();
    expect(column.bytes).toBe(10_000 * 4);
    const small = new GrowableColumn();
    small.push(1);
    small.trim();
    expect(small.bytes).toBe(2);
  });
});

describe('QuoteIdArena', () => {
  it('gives back every id across chunks of bytes and after trims', () => {
    const arena = new QuoteIdArena();
    const ids = Array.from({ length: 40_000 }, (_, i) => (i % 11 === 0 ? `报价-${i}-é` : `p1-q-${i}`));
    ids.forEach((id, i) => {
      arena.push(id);
      if (i % 9_000 === 0) arena.trim();
    });
    arena.trim();
    ids.forEach((id, i) => expect(arena.get(i)).toBe(id));
  });

  it('gives back every id, multi-byte ones included', () => {
    const arena = new QuoteIdArena();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `报价-${i}-é` : `p1-q-${i}`));
    ids.forEach((id) => arena.push(id));
    ids.forEach((id, i) => expect(arena.get(i)).toBe(id));
  });
});

describe('MerchantQuotes and PlatformProfiles', () => {
  const users = makeUsers(60, 4);
  const quotes = market({
    merchant: 'm',
    skus: skus('s', 4),
    users,
    hours: 30,
    quotesPerSkuHour: 6,
    seed: 9,
    offer: (_u, sku) => ({ price: sku.base }),
  });
  // One user whose characteristics change between quotes: each change is a new profile.
  const changing = { ...users[0], traits: { ...users[0].traits, spend_90d: 999_999, region: 'elsewhere' } };
  const all: PriceQuote[] = [...quotes, quote({ merchant: 'm', sku: 's-0', tsMs: T0 + 5 * HOUR, user: changing, offer: { price: 8000 } })];

  function stored() {
    const profile = new MerchantProfile(attributes);
    const profiles = new PlatformProfiles(attributes);
    const kept = new MerchantQuotes();
    all.forEach((q) => {
      profile.add(q);
      kept.add(q, Math.floor(q.tsMs / HOUR), q.final_price, profiles.of(q));
    });
    const used = [...new Set(all.map((_, i) => kept.profile.get(i)))];
    return { layout: profile.layout(), kept, profiles, used };
  }

  it('places every kept quote in the very columns ColumnLayout.columnsOf gives its record', () => {
    const { layout, kept, profiles, used } = stored();
    const byProfile = profiles.columns(layout, used);
    const expected = new Int32Array(attributes.length);
    all.forEach((q, i) => {
      layout.columnsOf(q, expected);
      const row = used.indexOf(kept.profile.get(i));
      expect([...byProfile.subarray(row * attributes.length, (row + 1) * attributes.length)]).toEqual([...expected]);
      expect(kept.skuId(i)).toBe(q.sku_id);
      expect(kept.quoteId(i)).toBe(q.quote_id);
      expect(kept.price.get(i)).toBe(q.final_price);
      expect(kept.window(i)).toBe(Math.floor(q.tsMs / HOUR));
    });
  });

  it('cuts the same column layout from its profiles as from the quotes one by one', () => {
    const { layout, kept, profiles, used } = stored();
    const grouped = new MerchantProfile(attributes);
    used.forEach((p) => profiles.addTo(grouped, p, all.filter((_, i) => kept.profile.get(i) === p).length));
    const plain = (l: typeof layout) => l.attributes.map((a) => ({ ...a, levelIndex: [...a.levelIndex] }));
    expect(plain(grouped.layout())).toEqual(plain(layout));
    expect(grouped.layout().width).toBe(layout.width);
  });

  it('keeps a user on one profile while her characteristics stay the same, not one per quote', () => {
    const { kept, profiles, used } = stored();
    const distinct = new Set(all.map((q) => `${q.user_id}|${JSON.stringify(q.user)}`)).size;
    expect(used.length).toBe(distinct);
    expect(used.length).toBeLessThan(all.length / 5);
    const last = kept.profile.get(all.length - 1);
    expect(profiles.userOf(last)).toBe(profiles.userOf(kept.profile.get(all.findIndex((q) => q.user_id === users[0].id))));
  });
});
