/**
 * Everything the detector learns about one merchant, pass by pass:
 *  1. profile: which levels and which numeric cut-offs its users have (MerchantProfile);
 *  2. strata: per-stratum sufficient statistics (StratumTable), then the within fit of every
 *     contrast with enough quotes;
 *  2b. clusters: per user bucket, the scores of those fits (standard errors clustered by user)
 *     and the distinct users on each side; then every group test and the best split per
 *     characteristic (the candidates);
 *  3. for candidates only: co-occurrence of their groups (joint models) and matched pairs
 *     (evidence); then attribution, and the candidates that remain become partial results.
 */
import type { PriceQuote } from '@fairmarket/contract';
import type { PriceDiscriminationRules } from '@fairmarket/rules';
import { AttributionModel } from './attribution';
import type { AttributeSpec } from './characteristics';
import { CoOccurrence } from './co-occurrence';
import type { ColumnLayout } from './column-layout';
import { MerchantProfile } from './merchant-profile';
import { MerchantQuotes } from './merchant-quotes';
import type { PlatformProfiles } from './platform-profiles';
import { LOG_UNITS, logPriceUnits } from './effective-price';
import { bestSplit, finishGroupTest, prepareGroupTests, type GroupTest, type PreparedTest } from './group-tests';
import { PairCollector } from './pair-evidence';
import { PooledWithinMoments } from './pooled-within-moments';
import type { ExperimentNote, PdCandidate } from './price-discrimination.types';
import { StratumTable } from './stratum-table';
import { ClusteredScores } from './user-clusters';

/** Where a quote falls: its stratum coordinates, fixed-point log price and effective price. */
export interface QuotePoint {
  window: number;
  arm: string;
  y: number;
  price: number;
}

export class MerchantAnalysis {
  readonly profile: MerchantProfile;
  private layout!: ColumnLayout;
  /** Dropped after pass 2 when the merchant has no candidate: its strata are no longer needed. */
  private strata: StratumTable | null = null;
  private readonly columns: Int32Array;
  private first: { ms: number; ts: string } | null = null;
  private last: { ms: number; ts: string } | null = null;
  private readonly experiments = new Set<string>();
  /** Every quote of the merchant until `analyze` (users are indexed there, for pass 2b). */
  private quotes: MerchantQuotes | null;
  private prepared: PreparedTest[] = [];
  private scores: ClusteredScores | null = null;
  /** p-values of every test run (pass 2). */
  pValues: number[] = [];
  candidates: GroupTest[] = [];
  private cross: CoOccurrence | null = null;
  private collectors: PairCollector[] = [];
  /** Position in layout.attributes of each candidate's characteristic. */
  private candidateAttributes: number[] = [];

  constructor(
    readonly merchantId: string,
    private readonly attributes: readonly AttributeSpec[],
    private readonly rules: PriceDiscriminationRules,
    private readonly profiles: PlatformProfiles,
  ) {
    this.profile = new MerchantProfile(attributes);
    this.columns = new Int32Array(attributes.length);
    this.quotes = new MerchantQuotes();
  }

  private get table(): StratumTable {
    if (!this.strata) throw new Error(`merchant ${this.merchantId}: strata used before pass 2 or after release`);
    return this.strata;
  }

  /** Gives back the spare room of the kept quotes once the read is over. */
  trim(): void {
    this.quotes?.trim();
  }

  /** Keeps one quote (pass 1 of the file comment happens on arrival; the rest waits for `analyze`). */
  record(quote: PriceQuote, point: Omit<QuotePoint, 'arm'>): void {
    if (!this.quotes) throw new Error(`merchant ${this.merchantId}: quote recorded after analysis`);
    this.quotes.add(quote, point.window, point.price, this.profiles.of(quote));
    if (quote.experiment) this.experiments.add(quote.experiment.experiment_id);
    if (!this.first || quote.tsMs < this.first.ms || (quote.tsMs === this.first.ms && quote.ts < this.first.ts)) {
      this.first = { ms: quote.tsMs, ts: quote.ts };
    }
    if (!this.last || quote.tsMs > this.last.ms || (quote.tsMs === this.last.ms && quote.ts > this.last.ts)) {
      this.last = { ms: quote.tsMs, ts: quote.ts };
    }
  }

  /**
   * Steps 2 to 3 over the kept quotes, in the order they arrived; then the quotes are freed, so
   * only one merchant's work is in memory beyond the columns of those not yet analysed.
   * `arm` names the stratum arm of an experiment's arm ('' when the experiment does not randomise).
   */
  analyze(arm: (experimentId: string, arm: string) => string): void {
    const quotes = this.quotes;
    if (!quotes) throw new Error(`merchant ${this.merchantId}: analysed twice`);
    this.quotes = null;
    const n = quotes.length;
    // The merchant's own profiles and users, numbered for this analysis only.
    // An array over the platform's profiles (one number each, for one merchant at a time): no hashing per quote.
    const localOf = new Int32Array(this.profiles.count).fill(-1);
    const used: number[] = [];
    const counts: number[] = [];
    const local = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = quotes.profile.get(i);
      let l = localOf[p];
      if (l < 0) {
        l = localOf[p] = used.length;
        used.push(p);
        counts.push(0);
      }
      counts[l]++;
      local[i] = l;
    }
    used.forEach((p, l) => this.profiles.addTo(this.profile, p, counts[l]));
    this.layout = this.profile.layout();
    const table = (this.strata = new StratumTable(this.layout));
    const arms = quotes.arms(arm);
    const width = this.layout.attributes.length;
    const byProfile = this.profiles.columns(this.layout, used);
    const userOf = new Map<number, number>();
    const users = new Int32Array(used.length);
    const clusters = new Int32Array(used.length);
    used.forEach((p, l) => {
      const u = this.profiles.userOf(p);
      let lu = userOf.get(u);
      if (lu === undefined) userOf.set(u, (lu = userOf.size));
      users[l] = lu;
      clusters[l] = this.profiles.clusterOf(u);
    });
    const strata = new Int32Array(n);
    // The fixed-point log prices, as pointOf computed them on arrival (a function of the price).
    const ys = new Int32Array(n);
    for (let i = 0; i < n; i++) ys[i] = logPriceUnits(quotes.price.get(i)) as number;
    const columns = this.columns;
    const columnsOf = (i: number) => {
      const at = local[i] * width;
      for (let a = 0; a < width; a++) columns[a] = byProfile[at + a];
    };
    for (let i = 0; i < n; i++) {
      const s = table.stratumOf(quotes.skuId(i), quotes.window(i), arms[quotes.experiment.get(i)]);
      strata[i] = s;
      columnsOf(i);
      table.add(s, ys[i], columns);
    }
    this.prepareTests(userOf.size);
    if (this.scores) {
      const scores = this.scores;
      for (let i = 0; i < n; i++) {
        const l = local[i];
        scores.add(strata[i], ys[i], byProfile, l * width, users[l], clusters[l]);
      }
    }
    this.testGroups();
    if (this.candidates.length === 0) return;
    for (let i = 0; i < n; i++) {
      columnsOf(i);
      this.cross?.add(columns);
      const s = strata[i];
      const key = table.key(s);
      const price = quotes.price.get(i);
      const y = ys[i];
      let named: { sku_id: string; quote_id: string } | null = null;
      this.collectors.forEach((collector, c) => {
        const column = columns[this.candidateAttributes[c]];
        if (!collector.wants(column)) return;
        named ??= { sku_id: quotes.skuId(i), quote_id: quotes.quoteId(i) };
        collector.add(s, key, named, price, y, column);
      });
    }
  }

  /** Fits every contrast with enough quotes; their clustered errors need the quotes once more (2b). */
  private prepareTests(users: number): void {
    this.table.finish();
    this.prepared = this.layout.attributes.flatMap((_, a) => prepareGroupTests(this.table, a, this.rules));
    if (this.prepared.length > 0) this.scores = new ClusteredScores(this.table, this.prepared, users);
  }

  /** Runs every group test and keeps the best split of each characteristic as a candidate. */
  private testGroups(): void {
    this.table.finish();
    const byAttribute = new Map<number, GroupTest[]>();
    this.prepared.forEach((prepared, i) => {
      const attribute = this.layout.attributes[prepared.attributeIndex].spec.name;
      const test = finishGroupTest(prepared, (this.scores as ClusteredScores).tally(i), this.rules, attribute);
      if (!test) return;
      this.pValues.push(test.p);
      const list = byAttribute.get(prepared.attributeIndex) ?? [];
      list.push(test);
      byAttribute.set(prepared.attributeIndex, list);
    });
    this.prepared = [];
    this.scores = null;
    for (let a = 0; a < this.layout.attributes.length; a++) {
      const best = bestSplit(byAttribute.get(a) ?? [], this.rules.q_max);
      if (best) this.candidates.push(best);
    }
    this.candidateAttributes = this.candidates.map((c) => this.layout.attributes.findIndex((a) => a.spec.name === c.attribute));
    if (this.candidates.length >= 2) this.cross = new CoOccurrence(this.layout, this.candidateAttributes);
    this.collectors = this.candidates.map((c) => new PairCollector(c));
    if (this.candidates.length === 0) this.strata = null;
  }

  /** The merchant's candidates for the partial, once `settle` has run. */
  settled: PdCandidate[] = [];

  /**
   * Computes the candidates right after `analyze` (experiment verdicts are known by then) and
   * drops what they were computed from: the stratum table, co-occurrences and pair collectors.
   * Kept until the platform's partial was built, those of every merchant with a candidate
   * added up: at 9.4M quotes the peak fell from 1073 to 876 MB.
   */
  settle(experimentNotes: (experimentId: string, attribute: string) => ExperimentNote | null): void {
    this.settled = this.results(experimentNotes);
    this.strata = null;
    this.cross = null;
    this.collectors = [];
  }

  /** The candidates that explain the merchant's price differences, ready for `decide`. */
  private results(experimentNotes: (experimentId: string, attribute: string) => ExperimentNote | null): PdCandidate[] {
    if (this.candidates.length === 0 || !this.first || !this.last) return [];
    const attributions =
      this.cross === null
        ? [{ attribute: this.candidates[0].attribute, kept: true, controlled: null, controlledFor: [], explains: [] }]
        : new AttributionModel(
            this.table,
            new PooledWithinMoments(this.table, this.candidateAttributes, this.cross),
            this.rules,
          ).attribute(this.candidates);
    const out: PdCandidate[] = [];
    for (const attribution of attributions.filter((a) => a.kept)) {
      const index = this.candidates.findIndex((c) => c.attribute === attribution.attribute);
      const test = this.candidates[index];
      const evidence = this.collectors[index].summary(this.rules.min_effect, LOG_UNITS);
      const spec = this.attributes.find((a) => a.name === test.attribute) as AttributeSpec;
      out.push({
        merchant_id: this.merchantId,
        attribute: test.attribute,
        family: spec.family,
        group: test.group,
        marginal: { coef: test.coef, se: test.se, t: test.t, p: test.p, df: test.df, ci95: test.ci95 },
        controlled: attribution.controlled,
        controlled_for: attribution.controlledFor,
        explains: attribution.explains,
        n_group: test.n_group,
        n_rest: test.n_rest,
        n_users_group: test.users_group,
        n_users_rest: test.users_rest,
        clusters: test.clusters,
        n_strata: test.n_strata,
        sku_ids: evidence.sku_ids,
        evidence: evidence.pairs,
        evidence_total: evidence.total,
        period: { from: this.first.ts, to: this.last.ts },
        experiments: [...this.experiments]
          .sort()
          .map((id) => experimentNotes(id, test.attribute))
          .filter((n): n is ExperimentNote => n !== null),
      });
    }
    return out;
  }
}
