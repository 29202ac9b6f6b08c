/**
 * Measures how many price_quotes lines per second readDatasetFile reads, validates and
 * pseudonymizes on one core: NDJSON, NDJSON gzipped, and CSV.
 *
 *   npx tsc --outDir /tmp/fm-throughput --module nodenext --moduleResolution nodenext \
 *     --target es2022 --types node --skipLibCheck libs/contract/scripts/measure-read-throughput.ts
 *   node /tmp/fm-throughput/scripts/measure-read-throughput.js [lines] [distinct users]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pseudonymizer } from '../src/pseudonymizer';
import { readDatasetFile } from '../src/reading/read-dataset-file';
import type { FileFormat } from '../src/reading/file-kind';

const LINES = Number(process.argv[2] ?? 200_000);
const USERS = Number(process.argv[3] ?? 20_000);
const OS = ['ios', 'android', 'harmony', 'web'];
const TIERS = ['none', 'plus', 'gold'];

function quote(i: number): Record<string, unknown> {
  const user = i % USERS;
  const price = 10_000 + (i % 500) * 10;
  return {
    platform_id: `p${i % 3}`,
    quote_id: `q-${i}`,
    ts: new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString().replace('Z', '+00:00'),
    sku_id: `s-${i % 2000}`,
    merchant_id: `m-${i % 200}`,
    user_id: `user-${user}`,
    user: {
      new_user: user % 10 === 0,
      tenure_days: user % 1500,
      orders_90d: user % 40,
      spend_90d: (user % 40) * 5000,
      member_tier: TIERS[user % 3],
      device_os: OS[user % 4],
      region: String(310000 + (user % 50) * 100),
      channel: 'app',
    },
    list_price: price + 1000,
    price,
    coupons: i % 5 === 0 ? [{ coupon_id: 'c-new', amount: 500, scope: 'new_user', disclosed: true }] : [],
    final_price: i % 5 === 0 ? price - 500 : price,
    currency: 'CNY',
  };
}

function csvRow(q: Record<string, unknown>): string {
  const u = q.user as Record<string, unknown>;
  return [q.platform_id, q.quote_id, q.ts, q.sku_id, q.merchant_id, q.user_id, u.new_user, u.tenure_days, u.orders_90d, u.spend_90d,
    u.member_tier, u.device_os, u.region, u.channel, q.list_price, q.price, q.final_price, q.currency].join(',');
}
const CSV_HEADER =
  'platform_id,quote_id,ts,sku_id,merchant_id,user_id,user.new_user,user.tenure_days,user.orders_90d,user.spend_90d,' +
  'user.member_tier,user.device_os,user.region,user.channel,list_price,price,final_price,currency';

async function measure(label: string, path: string, format: FileFormat, gzip: boolean): Promise<void> {
  // A fresh pseudonymizer per run, so that every run pays for its HMACs.
  const { pseudonymize } = new Pseudonymizer('throughput-measurement-key-0123456789');
  const start = process.hrtime.bigint();
  let accepted = 0;
  let rejected = 0;
  for await (const line of readDatasetFile(path, { kind: 'price_quotes', format, gzip, pseudonymize })) {
    if (line.record !== undefined) accepted++;
    else rejected++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round((accepted + rejected) / seconds);
  console.log(`${label.padEnd(14)} ${accepted} accepted, ${rejected} rejected in ${seconds.toFixed(2)} s: ${perSecond.toLocaleString('en')} lines/s`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fm-throughput-'));
  try {
    const quotes = Array.from({ length: LINES }, (_, i) => quote(i));
    const ndjson = quotes.map((q) => JSON.stringify(q)).join('\n') + '\n';
    writeFileSync(join(dir, 'price_quotes.ndjson'), ndjson);
    writeFileSync(join(dir, 'price_quotes.ndjson.gz'), gzipSync(ndjson));
    writeFileSync(join(dir, 'price_quotes.csv'), [CSV_HEADER, ...quotes.map(csvRow)].join('\n') + '\n');
    console.log(`${LINES} price quotes, ${USERS} distinct users, ${(ndjson.length / 1e6).toFixed(1)} MB of NDJSON`);
    // One warm-up pass so the JIT and the schema compilation are not in the figures.
    await measure('warm-up', join(dir, 'price_quotes.ndjson'), 'ndjson', false);
    await measure('ndjson', join(dir, 'price_quotes.ndjson'), 'ndjson', false);
    await measure('ndjson.gz', join(dir, 'price_quotes.ndjson.gz'), 'ndjson', true);
    await measure('csv', join(dir, 'price_quotes.csv'), 'csv', false);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

void main();
