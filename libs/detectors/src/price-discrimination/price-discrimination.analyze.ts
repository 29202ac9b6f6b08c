/**
 * `analyze` for price_discrimination: ONE streaming read of price_quotes, grouped by platform
 * (no test crosses platforms) and merchant. On arrival: levels and numeric quantiles per
 * merchant, arm × characteristic tallies of every declared experiment, and the quote itself as
 * numeric columns (MerchantQuotes). After the read, merchant by merchant over those columns
 * (MerchantAnalysis.analyze): strata and within fits, clustered errors and group tests, then
 * co-occurrence and matched pairs for candidates; each merchant's columns are freed once done.
 * The file is read once because every detector shares one read per file (shared-passes.ts).
 */
import type { PriceQuote } from '@fairmarket/contract';
import type { PriceDiscriminationRules, RulePack } from '@fairmarket/rules';
import type { DatasetSource } from '../detector';
import { batchesOf } from '../shared-passes';
import { attributeSpecs, type AttributeSpec } from './characteristics';
import { effectivePrice, logPriceUnits } from './effective-price';
import { ExperimentTally, type ExperimentVerdict } from './experiment-tally';
import { MerchantAnalysis, type QuotePoint } from './merchant-analysis';
import { PlatformProfiles } from './platform-profiles';
import type { ExperimentNote, PdPartial, PdPlatformPartial } from './price-discrimination.types';

class PlatformAnalysis {
  readonly merchants = new Map<string, MerchantAnalysis>();
  private readonly profiles: PlatformProfiles;
  readonly experiments = new Map<string, ExperimentTally>();
  verdicts = new Map<string, ExperimentVerdict>();

  constructor(
    readonly platformId: string,
    private readonly attributes: readonly AttributeSpec[],
    private readonly rules: PriceDiscriminationRules,
  ) {
    this.profiles = new PlatformProfiles(attributes);
  }

  merchant(id: string): MerchantAnalysis {
    let m = this.merchants.get(id);
    if (!m) this.merchants.set(id, (m = new MerchantAnalysis(id, this.attributes, this.rules, this.profiles)));
    return m;
  }

  experiment(id: string): ExperimentTally {
    let e = this.experiments.get(id);
    if (!e) this.experiments.set(id, (e = new ExperimentTally(id, this.attributes)));
    return e;
  }

  /** The stratum arm of an experiment's arm: itself when the experiment randomises, else none. */
  arm(experimentId: string, arm: string): string {
    return this.verdicts.get(experimentId)?.independent ? `${experimentId}\u0000${arm}` : '';
  }

  experimentNote(experimentId: string, attribute: string): ExperimentNote | null {
    const verdict = this.verdicts.get(experimentId);
    const follows = verdict?.follows.find((f) => f.attribute === attribute);
    if (!verdict || !follows) return null;
    return { experiment_id: experimentId, arms: verdict.arms, attribute, chi_square: follows.statistic, df: follows.df, p: follows.p };
  }

  partial(): PdPlatformPartial {
    const merchants = [...this.merchants.values()].sort((a, b) => (a.merchantId < b.merchantId ? -1 : 1));
    const pValues = merchants.flatMap((m) => m.pValues);
    return {
      platform_id: this.platformId,
      tests: pValues.length,
      small_p: pValues.filter((p) => p <= this.rules.q_max).sort((a, b) => a - b),
      candidates: merchants.flatMap((m) => m.settled),
    };
  }
}

/** Where a quote falls, or null for a quote without a positive effective price (it has no log). */
function pointOf(quote: PriceQuote, justified: ReadonlySet<string>, windowMs: number): Omit<QuotePoint, 'arm'> | null {
  const price = effectivePrice(quote, justified);
  const y = logPriceUnits(price);
  if (y === undefined || !Number.isFinite(quote.tsMs)) return null;
  return { window: Math.floor(quote.tsMs / windowMs), y, price };
}

export async function analyzePriceDiscrimination(source: DatasetSource, pack: RulePack): Promise<PdPartial> {
  const rules = pack.price_discrimination;
  const attributes = attributeSpecs(rules);
  const justified = new Set(rules.justified_coupon_scopes);
  const windowMs = rules.window_minutes * 60_000;
  const platforms = new Map<string, PlatformAnalysis>();
  const platform = (id: string) => {
    let p = platforms.get(id);
    if (!p) platforms.set(id, (p = new PlatformAnalysis(id, attributes, rules)));
    return p;
  };

  for await (const quotes of batchesOf(source, 'price_quotes')) {
    for (const quote of quotes) {
      const point = pointOf(quote, justified, windowMs);
      if (!point) continue;
      const p = platform(quote.platform_id);
      p.merchant(quote.merchant_id).record(quote, point);
      if (quote.experiment) p.experiment(quote.experiment.experiment_id).add(quote, quote.experiment.arm);
    }
  }
  for (const p of platforms.values()) for (const m of p.merchants.values()) m.trim();
  for (const p of platforms.values()) {
    for (const [id, tally] of p.experiments) p.verdicts.set(id, tally.verdict(rules.experiment_independence_p));
    p.experiments.clear();
    for (const m of p.merchants.values()) {
      m.analyze((experimentId, arm) => p.arm(experimentId, arm));
      m.settle((experimentId, attribute) => p.experimentNote(experimentId, attribute));
    }
  }

  return {
    platforms: [...platforms.values()].sort((a, b) => (a.platformId < b.platformId ? -1 : 1)).map((p) => p.partial()),
  };
}
