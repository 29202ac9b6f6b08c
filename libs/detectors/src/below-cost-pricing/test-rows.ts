/**
 * Validated-looking rows for the edge tests of below_cost_pricing and fake_promotion: the
 * same shape `validateRecord` produces (`tsMs` and the `_ms` companions of listing times).
 */
import type { Cost, Listing, Order, Sku } from '@fairmarket/contract';

export const PLATFORM = 'p-test';

/** `2026-03-${day}` style dates from a day number of March (1-based; 32 = 1 April). */
export function marchDate(day: number): string {
  return new Date(Date.UTC(2026, 2, day)).toISOString().slice(0, 10);
}

/** An instant on a March day at a time of day in an offset (default +08:00). */
export function marchTs(day: number, time = '10:00:00', offset = '+08:00'): string {
  return `${marchDate(day)}T${time}${offset}`;
}

let counter = 0;
function nextId(prefix: string): string {
  counter++;
  return `${prefix}-${String(counter).padStart(6, '0')}`;
}

export function sku(fields: Partial<Sku> & { sku_id: string; merchant_id: string }): Sku {
  return { platform_id: PLATFORM, category: 'test.category', ...fields };
}

export function cost(fields: Partial<Cost> & { sku_id: string; merchant_id: string; unit_variable_cost: number }): Cost {
  return { platform_id: PLATFORM, valid_from: '2026-01-01', ...fields };
}

export function order(
  fields: Partial<Order> & { sku_id: string; merchant_id: string; ts: string; unit_price: number },
): Order {
  return {
    platform_id: PLATFORM,
    order_id: fields.order_id ?? nextId('o'),
    quantity: 1,
    currency: 'CNY',
    tsMs: Date.parse(fields.ts),
    ...fields,
  };
}

export function listing(
  fields: Partial<Listing> & { sku_id: string; merchant_id: string; ts: string; displayed_price: number },
): Listing {
  return {
    platform_id: PLATFORM,
    snapshot_id: fields.snapshot_id ?? nextId('l'),
    tsMs: Date.parse(fields.ts),
    ...(fields.promo_starts_at ? { promo_starts_at_ms: Date.parse(fields.promo_starts_at) } : {}),
    ...(fields.countdown_ends_at ? { countdown_ends_at_ms: Date.parse(fields.countdown_ends_at) } : {}),
    ...fields,
  };
}

/** Deterministic shuffle for order-independence tests. */
export function shuffled<T>(rows: readonly T[], seed: number): T[] {
  const out = [...rows];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
