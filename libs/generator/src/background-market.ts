/**
 * The honest marketplace every dataset starts from: three platforms whose logs break none of
 * the rules of shared/spec/detectors.md under either rule pack (see README.md for what each
 * part does to stay lawful). Scenarios plant their cases next to it, on entities of their own.
 */
import { PERIOD_DAYS } from './clock';
import type { GenerationRun } from './generation-run';
import { algorithmRecords } from './market/algorithm-declarations';
import { costRecord, generateCatalog, merchantRecord, skuRecord } from './market/catalog';
import { agreementRecords } from './market/documents';
import { simulateImpressions } from './market/impressions';
import { simulateMerchantEvents } from './market/merchant-events';
import { platformCoupons } from './market/quote-pricing';
import { Ranker } from './market/ranking';
import { SkuLedger } from './market/sku-ledger';
import { simulateTrading } from './market/trading';
import { generateUsers, userCount } from './users';

export const BACKGROUND_PLATFORMS: readonly string[] = ['p1', 'p2', 'p3'];
/** Price quotes over all background platforms at scale 1. */
export const QUOTES_AT_SCALE_1 = 250_000;
/** Recommendation and search requests per platform at scale 1. */
export const REQUESTS_PER_PLATFORM_AT_SCALE_1 = 40_000;

/** Progress steps of one background platform: setup, each trading day, each impression day. */
export const STEPS_PER_PLATFORM = 1 + 2 * PERIOD_DAYS;

export function generateBackgroundPlatform(run: GenerationRun, platformId: string): void {
  const ids = run.ids;
  const days = PERIOD_DAYS;
  const users = generateUsers(run.rng(`users:${platformId}`), userCount(run.scale), () => ids.next(`${platformId}-u`));
  run.registerPlatform(platformId, users);

  const catalogRng = run.rng(`catalog:${platformId}`);
  const catalog = generateCatalog(catalogRng, ids, platformId);
  for (const m of catalog.merchants) run.emit('merchants', merchantRecord(platformId, m));
  for (const s of catalog.skus) run.emit('skus', skuRecord(platformId, s));
  for (const s of catalog.skus) run.emit('costs', costRecord(platformId, s, catalogRng.bool(0.2)));
  for (const d of agreementRecords(platformId, ids)) run.emit('documents', d);
  for (const a of algorithmRecords(platformId)) run.emit('algorithms', a);
  simulateMerchantEvents({
    platformId,
    days,
    merchants: catalog.merchants,
    rivals: BACKGROUND_PLATFORMS.filter((p) => p !== platformId),
    ids,
    rng: run.rng(`merchant-events:${platformId}`),
    emit: (kind, record) => run.emit(kind, record),
  });
  run.step();

  const pricingRng = run.rng(`pricing:${platformId}`);
  simulateTrading({
    platformId,
    days,
    quotes: (QUOTES_AT_SCALE_1 * run.scale) / BACKGROUND_PLATFORMS.length,
    users,
    ledgers: catalog.skus.map((sku) => new SkuLedger(sku, pricingRng, ids, platformId, days)),
    coupons: platformCoupons(ids, platformId),
    ids,
    rng: run.rng(`trading:${platformId}`),
    emit: (kind, record) => run.emit(kind, record),
    onDay: () => run.step(),
  });

  simulateImpressions({
    platformId,
    days,
    requests: REQUESTS_PER_PLATFORM_AT_SCALE_1 * run.scale,
    users,
    ranker: new Ranker(catalog, run.rng(`ranking-setup:${platformId}`)),
    ids,
    rng: run.rng(`impressions:${platformId}`),
    emit: (kind, record) => run.emit(kind, record),
    onDay: () => run.step(),
  });
}
