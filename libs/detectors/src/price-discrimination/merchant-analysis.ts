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
import { LOG_UNITS } from './effective-price';
import { bestSplit, finishGroupTest, prepareGroupTests, type GroupTest, type PreparedTest } from './group-tests';
import { PairCollector } from './pair-evidence';
import { PooledWithinMoments } from './pooled-within-moments';
import type { ExperimentNote, PdCandidate } from './price-discrimination.types';
import { StratumTable } from './stratum-table';
import { ClusteredScores, userCluster } from './user-clusters';

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
  /** Index of each user (pass 2), for counting distinct users per side in pass 2b. */
  private users: Map<string, number> | null = new Map();
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
  ) {
    this.profile = new MerchantProfile(attributes);
    this.columns = new Int32Array(attributes.length);
  }

  startStrata(): void {
    this.layout = this.profile.layout();
    this.strata = new StratumTable(this.layout);
  }

  private get table(): StratumTable {
    if (!this.strata) throw new Error(`merchant ${this.merchantId}: strata used before pass 2 or after release`);
    return this.strata;
  }

  addToStrata(quote: PriceQuote, point: QuotePoint, experimentId: string | undefined): void {
    const s = this.table.stratumOf(quote.sku_id, point.window, point.arm);
    this.layout.columnsOf(quote, this.columns);
    this.table.add(s, point.y, this.columns);
    if (!this.users!.has(quote.user_id)) this.users!.set(quote.user_id, this.users!.size);
    if (experimentId !== undefined) this.experiments.add(experimentId);
    if (!this.first || quote.tsMs < this.first.ms || (quote.tsMs === this.first.ms && quote.ts < this.first.ts)) {
      this.first = { ms: quote.tsMs, ts: quote.ts };
    }
    if (!this.last || quote.tsMs > this.last.ms || (quote.tsMs === this.last.ms && quote.ts > this.last.ts)) {
      this.last = { ms: quote.tsMs, ts: quote.ts };
    }
  }

  /** Fits every contrast with enough quotes; their clustered errors need one more pass (2b). */
  prepareTests(): void {
    this.table.finish();
    this.prepared = this.layout.attributes.flatMap((_, a) => prepareGroupTests(this.table, a, this.rules));
    if (this.prepared.length > 0) this.scores = new ClusteredScores(this.table, this.prepared, this.users!.size);
    else this.users = null;
  }

  get needsClusterPass(): boolean {
    return this.scores !== null;
  }

  addToClusters(quote: PriceQuote, point: QuotePoint): void {
    const s = this.table.find(quote.sku_id, point.window, point.arm);
    const user = this.users!.get(quote.user_id);
    if (s < 0 || user === undefined || !this.scores) return;
    this.layout.columnsOf(quote, this.columns);
    this.scores.add(s, point.y, this.columns, user, userCluster(quote.user_id));
  }

  /** Runs every group test and keeps the best split of each characteristic as a candidate. */
  testGroups(): void {
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
    this.users = null;
    for (let a = 0; a < this.layout.attributes.length; a++) {
      const best = bestSplit(byAttribute.get(a) ?? [], this.rules.q_max);
      if (best) this.candidates.push(best);
    }
    this.candidateAttributes = this.candidates.map((c) => this.layout.attributes.findIndex((a) => a.spec.name === c.attribute));
    if (this.candidates.length >= 2) this.cross = new CoOccurrence(this.layout, this.candidateAttributes);
    this.collectors = this.candidates.map((c) => new PairCollector(c));
    if (this.candidates.length === 0) this.strata = null;
  }

  get needsThirdPass(): boolean {
    return this.candidates.length > 0;
  }

  addToCandidates(quote: PriceQuote, point: QuotePoint): void {
    const s = this.table.find(quote.sku_id, point.window, point.arm);
    if (s < 0) return;
    this.layout.columnsOf(quote, this.columns);
    this.cross?.add(this.columns);
    const key = this.table.key(s);
    this.collectors.forEach((collector, i) => collector.add(s, key, quote, point.price, point.y, this.columns[this.candidateAttributes[i]]));
  }

  /** The candidates that explain the merchant's price differences, ready for `decide`. */
  results(experimentNotes: (experimentId: string, attribute: string) => ExperimentNote | null): PdCandidate[] {
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
