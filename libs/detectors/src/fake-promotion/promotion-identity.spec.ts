/**
 * Regressions from review: which snapshots belong to which promotion.
 *  - A snapshot with a promo_type but neither promo_id nor promo_starts_at is a promotion (one
 *    per promo_type and run of consecutive platform days), not silently neither promotion nor
 *    regular.
 *  - After a countdown's claimed end, the same price shown by a DIFFERENT promotion with its own
 *    live countdown is that promotion, not an overrun of the first.
 */
import type { Finding, Listing, Order } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { listing, marchTs, order } from '../below-cost-pricing/test-rows';
import { MemorySource } from '../testing/memory-source';
import { fakePromotionDetector } from './fake-promotion.detector';

const M = 'm1';
const S = 's1';
/** 1 April. */
const START = 32;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const end = (day: number) => marchTs(day, '12:00:00');

async function detect(listings: Listing[], orders: Order[] = []): Promise<Finding[]> {
  // Another sku listed and sold every day: the platform's logs cover the look-back windows.
  const bgListings = range(1, 61).map((d) => listing({ sku_id: 'bg', merchant_id: 'm-bg', ts: marchTs(d, '00:00:00'), displayed_price: 5000 }));
  const bgOrders = range(1, 61).map((d) => order({ sku_id: 'bg', merchant_id: 'm-bg', ts: marchTs(d, '12:00:00'), unit_price: 5000 }));
  const source = new MemorySource({ listings: [...bgListings, ...listings], orders: [...bgOrders, ...orders] });
  const partial = await fakePromotionDetector.analyze(source, CN_RULE_PACK);
  return fakePromotionDetector.decide([partial], { rules: CN_RULE_PACK, priorFindings: [] });
}

const shown = (days: number[], price: number, extra: Partial<Listing> = {}, time = '11:00:00') =>
  days.map((d) => listing({ sku_id: S, merchant_id: M, ts: marchTs(d, time), displayed_price: price, ...extra }));

describe('fake_promotion: promotions without promo_id or promo_starts_at', () => {
  const regular = [...shown(range(20, 31), 10000, { promo_type: 'none' }, '00:00:00'), ...shown(range(START + 4, START + 10), 10000, { promo_type: 'none' })];
  const sold = range(20, 31).map((d) => order({ sku_id: S, merchant_id: M, ts: marchTs(d, '12:00:00'), unit_price: 10000 }));

  it('tests their prior-price reference like any promotion', async () => {
    const anonymous = shown(range(START, START + 3), 8000, { promo_type: 'discount', reference_price: 12000, reference_kind: 'prior_price' });
    const findings = await detect([...regular, ...anonymous], sold);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['fictitious_reference_price', 'high']]);
    expect(JSON.stringify(findings[0].metrics)).toContain('discount@2026-04-01');
    expect(findings[0].method).toMatch(/neither promo_id nor promo_starts_at form one promotion per promo_type and run of consecutive platform days/);
  });

  it('splits them at a day without the promotion: each run starts anew', async () => {
    // Two runs of the same promo_type; the second starts on its own first snapshot, so its
    // look-back (the 7 days before 7 April) holds the first run's 80.00: 90.00 shown as prior price is fictitious.
    const first = shown(range(START, START + 2), 8000, { promo_type: 'discount' });
    const second = shown(range(START + 6, START + 8), 8500, { promo_type: 'discount', reference_price: 9000, reference_kind: 'prior_price' });
    const gap = shown(range(START + 3, START + 5), 10000, { promo_type: 'none' });
    const orders = [...sold, ...range(START, START + 2).map((d) => order({ sku_id: S, merchant_id: M, ts: marchTs(d, '12:00:00'), unit_price: 8000 }))];
    const findings = await detect([...shown(range(20, 31), 10000, { promo_type: 'none' }, '00:00:00'), ...first, ...gap, ...second], orders);
    const f = findings.find((x) => x.kind === 'fictitious_reference_price');
    expect(f).toBeDefined();
    expect(JSON.stringify(f!.metrics)).toContain('discount@2026-04-07');
  });
});

describe('fake_countdown: a following promotion with its own countdown is no overrun', () => {
  const first = shown(range(START, START + 2), 8000, { promo_type: 'flash_sale', promo_id: 'pr-1', countdown_ends_at: end(START + 2) });
  const after = shown(range(START + 7, START + 10), 10000, { promo_type: 'none' });

  it('does not count pr-2 at the same price, honestly limited, as pr-1 going on', async () => {
    const second = shown(range(START + 3, START + 6), 8000, { promo_type: 'flash_sale', promo_id: 'pr-2', countdown_ends_at: end(START + 6) });
    expect(await detect([...first, ...second, ...after])).toEqual([]);
  });

  it('still counts the same price shown without a live countdown of its own', async () => {
    const second = shown(range(START + 3, START + 6), 8000, { promo_type: 'flash_sale', promo_id: 'pr-2' });
    const findings = await detect([...first, ...second, ...after]);
    expect(findings.map((f) => f.kind)).toEqual(['fake_countdown']);
    expect(findings[0].method).toMatch(/another promotion with its own countdown not yet ended do not count/);
  });
});

describe('fake_promotion method states the whole-platform-day windows', () => {
  it('says so for the reference look-back', async () => {
    const regular = shown(range(20, 31), 10000, { promo_type: 'none' }, '00:00:00');
    const sold = range(20, 31).map((d) => order({ sku_id: S, merchant_id: M, ts: marchTs(d, '12:00:00'), unit_price: 10000 }));
    const promo = shown(range(START, START + 3), 8000, { promo_type: 'discount', promo_id: 'pr-1', reference_price: 12000, reference_kind: 'prior_price' });
    const [f] = await detect([...regular, ...promo], sold);
    expect(f.method).toMatch(/whole platform days/);
  });
});
