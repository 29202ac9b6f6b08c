/** Hand-made merchant histories for the exclusivity_conduct tests (not used by detector code). */
import type { Impression, Merchant, MerchantEvent, MerchantEventType, Sku } from '@fairmarket/contract';
import { DAY, HOUR, T0, impression, tsAt } from '../personalization-opt-out/impression.fixtures';

export interface ConductDataset {
  merchants: Merchant[];
  skus: Sku[];
  merchant_events: MerchantEvent[];
  impressions: Impression[];
}

export class ConductBuilder {
  readonly data: ConductDataset = { merchants: [], skus: [], merchant_events: [], impressions: [] };
  private events = 0;

  constructor(readonly platform = 'p1') {}

  merchant(id: string, kind: Merchant['kind'] = 'third_party', category = 'toys'): this {
    this.data.merchants.push({ platform_id: this.platform, merchant_id: id, kind });
    for (let k = 0; k < 4; k++) {
      this.data.skus.push({ platform_id: this.platform, sku_id: `${id}-s${k}`, merchant_id: id, category });
    }
    return this;
  }

  event(merchantId: string, type: MerchantEventType, atMs: number): this {
    this.data.merchant_events.push({
      platform_id: this.platform,
      event_id: `${this.platform}-e${++this.events}`,
      ts: tsAt(atMs),
      tsMs: atMs,
      merchant_id: merchantId,
      type,
      ...(type.includes('rival') ? { rival_platform: 'rival-x' } : {}),
    });
    return this;
  }

  /**
   * `perDay` requests a day for `days` days from T0; each shows `itemsOf(merchant, day)`
   * skus of each listed merchant.
   */
  traffic(merchants: readonly string[], days: number, perDay: number, itemsOf: (merchant: string, day: number) => number): this {
    for (let d = 0; d < days; d++) {
      for (let q = 0; q < perDay; q++) {
        const items = merchants.flatMap((m) =>
          Array.from({ length: itemsOf(m, d) }, (_, k) => `${m}-s${k}`),
        );
        this.data.impressions.push(
          impression({
            platform_id: this.platform,
            request_id: `${this.platform}-r${d}-${q}`,
            tsMs: T0 + d * DAY + (q + 1) * HOUR,
            surface: 'category',
            query: 'toys',
            personalized: true,
            items: items.map((sku, i) => ({ rank: i + 1, sku_id: sku, merchant_id: sku.split('-s')[0], sponsored: false })),
          }),
        );
      }
    }
    return this;
  }
}

/**
 * A platform with `controls` merchants without rival activity (the first
 * `controlSanctions` of them sanctioned once, on day 12) and one rival-active merchant per
 * entry of `rival`: it opens a rival store on day 5 and is demoted `sanctionAfterDays` later
 * (if given), possibly after its own quality violation.
 */
export function conductPlatform(options: {
  platform?: string;
  controls?: number;
  controlSanctions?: number;
  rival: { sanctionAfterDays?: number; qualityViolationDaysBefore?: number; type?: MerchantEventType }[];
}): ConductBuilder {
  const b = new ConductBuilder(options.platform);
  const start = T0 + 5 * DAY;
  options.rival.forEach((r, i) => {
    const id = `rv${i}`;
    b.merchant(id).event(id, r.type ?? 'opened_rival_store', start + i * HOUR);
    if (r.sanctionAfterDays !== undefined) {
      const at = start + i * HOUR + r.sanctionAfterDays * DAY;
      if (r.qualityViolationDaysBefore !== undefined) b.event(id, 'quality_violation', at - r.qualityViolationDaysBefore * DAY);
      b.event(id, 'search_demotion', at);
    }
  });
  for (let j = 0; j < (options.controls ?? 30); j++) {
    b.merchant(`ct${j}`);
    if (j < (options.controlSanctions ?? 0)) b.event(`ct${j}`, 'traffic_penalty', T0 + 12 * DAY + j * HOUR);
  }
  return b;
}
