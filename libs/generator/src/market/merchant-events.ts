/**
 * Ordinary life between a platform and its merchants: campaign sign-ups, quality violations
 * followed by a warning, a few merchants who also sell on rival platforms, and penalties for
 * other reasons at one low base rate for everyone. A rival-active merchant is never penalised
 * more often than others: at most one of them per platform draws a penalty inside the 30 days
 * after its rival activity, which keeps the background far from any 二选一 pattern.
 */
import { DAY_MS, HOUR_MS, dayStartMs, formatTs } from '../clock';
import type { IdRegistry } from '../id-registry';
import type { SeededRng } from '../rng';
import type { CatalogMerchant } from './catalog';

const RIVAL_ACTIVE_MERCHANTS = 4;
const BASE_SANCTION_RATE = 0.07;
const QUALITY_VIOLATION_RATE = 0.15;
const CAMPAIGN_RATE = 0.5;
const SANCTION_WINDOW_MS = 30 * DAY_MS;
const BASE_SANCTIONS = [
  { type: 'traffic_penalty', reason_code: 'LATE-SHIPMENT', detail: '发货超时率超过平台标准' },
  { type: 'search_demotion', reason_code: 'MISLEADING-TITLE', detail: 'Listing title did not match the product' },
  { type: 'deposit_deducted', reason_code: 'COUNTERFEIT-COMPLAINT', detail: '消费者投诉成立，按规则扣除保证金' },
] as const;

interface PendingEvent {
  tsMs: number;
  merchant_id: string;
  fields: Record<string, unknown>;
}

export interface MerchantEventInput {
  platformId: string;
  days: number;
  merchants: readonly CatalogMerchant[];
  /** Other platforms a merchant may also sell on. */
  rivals: readonly string[];
  ids: IdRegistry;
  rng: SeededRng;
  emit(kind: 'merchant_events', record: Record<string, unknown>): void;
}

function instantOn(rng: SeededRng, day: number): number {
  return dayStartMs(day) + rng.int(9, 20) * HOUR_MS + rng.int(0, 3599) * 1000;
}

export function simulateMerchantEvents(input: MerchantEventInput): void {
  const { rng, days, merchants } = input;
  const events: PendingEvent[] = [];
  const add = (tsMs: number, merchant: CatalogMerchant, fields: Record<string, unknown>) => events.push({ tsMs, merchant_id: merchant.merchant_id, fields });

  for (const m of merchants) {
    if (rng.bool(CAMPAIGN_RATE)) add(instantOn(rng, rng.int(0, days - 1)), m, { type: 'campaign_joined', detail: '报名参加平台春季焕新活动' });
    if (rng.bool(QUALITY_VIOLATION_RATE)) {
      const day = rng.int(0, days - 4);
      add(instantOn(rng, day), m, { type: 'quality_violation', reason_code: 'QUALITY', detail: '抽检不合格 / failed a quality spot check' });
      add(instantOn(rng, day + rng.int(1, 3)), m, { type: 'warning_notice', reason_code: 'QUALITY', detail: '质量抽检不合格警告' });
    }
  }

  const thirdParty = merchants.filter((m) => m.kind === 'third_party');
  const rivalActive = new Map<string, number>();
  for (let i = 0; i < RIVAL_ACTIVE_MERCHANTS && thirdParty.length > 0; i++) {
    const m = thirdParty.splice(rng.int(0, thirdParty.length - 1), 1)[0];
    const tsMs = instantOn(rng, rng.int(3, days - 15));
    rivalActive.set(m.merchant_id, tsMs);
    add(tsMs, m, { type: rng.bool(0.5) ? 'joined_rival_campaign' : 'opened_rival_store', rival_platform: rng.pick(input.rivals) });
  }
  if (thirdParty.length > 0) {
    const m = rng.pick(thirdParty);
    add(instantOn(rng, rng.int(0, days - 1)), m, { type: 'closed_rival_store', rival_platform: rng.pick(input.rivals) });
  }

  let rivalActiveSanctioned = 0;
  for (const m of merchants) {
    if (!rng.bool(BASE_SANCTION_RATE)) continue;
    const tsMs = instantOn(rng, rng.int(0, days - 1));
    const rivalMs = rivalActive.get(m.merchant_id);
    if (rivalMs !== undefined && tsMs >= rivalMs && tsMs - rivalMs <= SANCTION_WINDOW_MS && ++rivalActiveSanctioned > 1) continue;
    add(tsMs, m, { ...rng.pick(BASE_SANCTIONS) });
  }

  events.sort((a, b) => a.tsMs - b.tsMs);
  for (const e of events) {
    input.emit('merchant_events', {
      platform_id: input.platformId,
      event_id: input.ids.next(`${input.platformId}-e`),
      ts: formatTs(e.tsMs),
      merchant_id: e.merchant_id,
      ...e.fields,
    });
  }
}
