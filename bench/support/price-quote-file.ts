import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SeededRng } from '../../libs/generator/src/rng';
import { generateUser } from '../../libs/generator/src/users';

const PLATFORMS = ['p-bench-1', 'p-bench-2', 'p-bench-3'];
const USERS = 50_000;
const SKUS = 20_000;
const MERCHANTS = 2_000;
/** Quotes are spread over 90 days from 2026-03-01 (+08:00): four monthly partitions. */
const START_MS = Date.UTC(2026, 1, 28, 16, 0, 0);
const SPAN_MS = 90 * 24 * 3600 * 1000;
const COUPON_SCOPES = ['public', 'new_user', 'member', 'targeted'] as const;

/** `2026-03-01T10:15:00+08:00`: the form platforms log in China. */
function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19) + '+08:00';
}

/**
 * Writes `count` realistic price quotes as NDJSON, streamed (memory stays flat at any count):
 * users with the generator's correlated traits, skus with their own list prices, about one
 * quote in four with coupons, some shipping fees and declared experiments. Returns the bytes
 * written.
 */
export async function writePriceQuoteFile(path: string, count: number, seed = 7): Promise<number> {
  const rng = SeededRng.derive(seed, 'bench-price-quotes');
  const users = Array.from({ length: USERS }, (_, i) => generateUser(rng, `user-${i}`));
  const listPrices = Array.from({ length: SKUS }, () => Math.round(rng.lognormal(Math.log(9_900), 0.9) / 10) * 10 + 90);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const user = users[rng.int(0, USERS - 1)];
    const sku = rng.int(0, SKUS - 1);
    const listPrice = listPrices[sku];
    const price = Math.round((listPrice * (0.85 + 0.15 * rng.next())) / 10) * 10;
    const coupons = rng.bool(0.25)
      ? [{ coupon_id: `c-${rng.int(1, 400)}`, amount: Math.min(price, 100 * rng.int(1, 30)), scope: rng.pick(COUPON_SCOPES), disclosed: rng.bool(0.9) }]
      : [];
    const quote: Record<string, unknown> = {
      platform_id: PLATFORMS[sku % PLATFORMS.length],
      quote_id: `q-${seed}-${i}`,
      ts: shanghaiTime(START_MS + Math.floor((i / count) * SPAN_MS)),
      sku_id: `sku-${sku}`,
      merchant_id: `m-${sku % MERCHANTS}`,
      user_id: user.user_id,
      user: user.traits,
      list_price: listPrice,
      price,
      coupons,
      final_price: price - coupons.reduce((sum, c) => sum + c.amount, 0),
      currency: 'CNY',
    };
    if (rng.bool(0.3)) quote.shipping_fee = 600;
    if (rng.bool(0.05)) quote.experiment = { experiment_id: 'exp-price-2026q1', arm: rng.bool(0.5) ? 'a' : 'b' };
    chunk += JSON.stringify(quote) + '\n';
    if (chunk.length >= 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}
