import type { PriceQuote, FileKind, EventsByKind } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { mulberry32 } from '@fairmarket/stats';
import type { DatasetSource } from '../detector';
import { priceDiscriminationDetector as d } from './price-discrimination.detector';
import { makeUsers, T0, HOUR } from './testing/quote-market';

const TOTAL = Number(process.env.PD_BENCH_QUOTES ?? 2_000_000);
let peak = 0;
function sample() {
  const m = process.memoryUsage();
  const used = m.heapUsed + m.arrayBuffers;
  if (used > peak) peak = used;
}
class BenchSource implements DatasetSource {
  kinds() { return new Set<FileKind>(['price_quotes']); }
  async *rows<K extends FileKind>(_kind: K): AsyncIterable<EventsByKind[K]> {
    const rand = mulberry32(42);
    const platforms = ['p1', 'p2', 'p3'];
    const users = platforms.map((p, i) => makeUsers(20000, i + 1));
    for (let i = 0; i < TOTAL; i++) {
      const pi = i % 3;
      const sku = Math.floor(rand() * 170);
      const merchant = Math.floor(sku / 5.5);
      const user = users[pi][Math.floor(rand() * 20000)];
      const hour = Math.floor(rand() * 42 * 24);
      const tsMs = T0 + hour * HOUR + Math.floor(rand() * 3600) * 1000;
      const base = 5000 + sku * 97 + (hour % 24 === 0 ? 0 : 0) + Math.floor(hour / 24) * 3;
      const price = merchant === 3 && user.traits.device_os === 'ios' ? Math.round(base * 1.06) : base;
      const q: PriceQuote = {
        platform_id: platforms[pi], quote_id: `q${i}`, ts: new Date(tsMs).toISOString(), tsMs, sku_id: `${platforms[pi]}-s${sku}`, merchant_id: `${platforms[pi]}-m${merchant}`,
        user_id: user.id, user: user.traits, list_price: base, price, final_price: price, currency: 'CNY',
      };
      if (i % 500000 === 0) { (global as any).gc?.(); sample(); }
      yield q as unknown as EventsByKind[K];
    }
  }
}

it('bench', async () => {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  if (process.env.PD_PROF) await new Promise((r) => session.post('Profiler.enable', () => session.post('Profiler.start', r)));
  const t = Date.now();
  global.gc?.();
  const partial = await d.analyze(new BenchSource(), CN_RULE_PACK);
  sample();
  const f = d.decide([partial], { rules: CN_RULE_PACK, priorFindings: [] });
  if (process.env.PD_PROF) await new Promise((r) => session.post('Profiler.stop', (err: any, { profile }: any) => { require('fs').writeFileSync('/tmp/pdscratch/bench.cpuprofile', JSON.stringify(profile)); r(null); }));
  console.log(TOTAL, 'quotes', (Date.now() - t) / 1000, 's', 'peak heap+buffers MB', (peak / 1e6).toFixed(0), 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0), f.map((x) => `${x.subject.merchant_id} ${x.subject.attribute}`));
}, 3_600_000);
