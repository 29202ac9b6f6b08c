/**
 * One merchant's quotes held as numeric columns, so that price discrimination reads the file
 * once: every later step (strata, clustered errors, evidence) walks these columns instead of
 * the records. Strings are interned per merchant (sku, user, experiment arm, each categorical
 * level); a numeric characteristic is kept as its logarithmic bin, which is all a group cut
 * looks at (binned-histogram.ts).
 *
 * A user's characteristics rarely change between two of her quotes, so the user and her
 * characteristics are kept once per "profile" (user + codes), and a quote keeps only the
 * profile's number: about 35 bytes a quote, the quote id included, whatever the number of
 * characteristics the rule pack asks about.
 */
import type { PriceQuote } from '@fairmarket/contract';
import { categoricalTrait, numericTrait, valueBin, type AttributeSpec } from './characteristics';
import { groupOfBin } from './binned-histogram';
import { OTHER_LEVEL, type ColumnLayout } from './column-layout';
import { GrowableColumn } from './growable-column';
import type { MerchantProfile } from './merchant-profile';
import { QuoteIdArena } from './quote-id-arena';
import { userCluster } from './user-clusters';

/** Code 0 is "missing" in every characteristic column; bins are stored shifted to stay positive. */
const MISSING = 0;
const BIN_SHIFT = 0x8000;

class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The value's code, counting from `base`. */
  code(value: string, base: number): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length + base;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
}

export class MerchantQuotes {
  private readonly skuNames = new Interner();
  private readonly userNames = new Interner();
  /** `experiment_id \0 arm` of each experiment code (code 0: no experiment). */
  private readonly experimentArms = new Interner();
  private readonly levels: Interner[];
  readonly sku = new GrowableColumn();
  readonly window = new GrowableColumn('i32');
  readonly experiment = new GrowableColumn();
  readonly y = new GrowableColumn('i32');
  readonly price = new GrowableColumn('i32');
  /** The profile of each quote. */
  readonly profile = new GrowableColumn();
  /** Per profile: the user, then one code per characteristic. */
  private readonly profiles = new GrowableColumn();
  /** The latest profile of each user, to recognise a repeat without a lookup by value. */
  private readonly latest: number[] = [];
  /** Per profile, its characteristics as read (number, level or undefined), attributes wide. */
  private readonly values: (string | number | undefined)[] = [];
  /** Quotes per profile. */
  private readonly weights: number[] = [];
  private readonly read: (string | number | undefined)[];
  private readonly width: number;
  private readonly ids = new QuoteIdArena();
  /** The hash bucket of each user (user-clusters.ts), computed once per user. */
  private readonly clusters: number[] = [];

  constructor(private readonly attributes: readonly AttributeSpec[]) {
    this.levels = attributes.map(() => new Interner());
    this.read = attributes.map(() => undefined);
    this.width = attributes.length + 1;
  }

  get length(): number {
    return this.y.length;
  }

  get users(): number {
    return this.userNames.values.length;
  }

  add(quote: PriceQuote, window: number, y: number, price: number): void {
    this.sku.push(this.skuNames.code(quote.sku_id, 0));
    this.window.push(window);
    const e = quote.experiment;
    this.experiment.push(e ? this.experimentArms.code(`${e.experiment_id}\u0000${e.arm}`, 1) : 0);
    this.y.push(y);
    this.price.push(price);
    const before = this.userNames.values.length;
    const user = this.userNames.code(quote.user_id, 0);
    if (user === before) this.clusters.push(userCluster(quote.user_id));
    const read = this.read;
    const attributes = this.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const spec = attributes[a];
      read[a] = spec.kind === 'numeric' ? numericTrait(quote.user, spec.name) : categoricalTrait(quote.user, spec.name);
    }
    this.profile.push(this.profileOf(user, read));
    this.ids.push(quote.quote_id);
  }

  /** The user's latest profile when her characteristics are unchanged (compared as read: no lookups), else a new one. */
  private profileOf(user: number, read: readonly (string | number | undefined)[]): number {
    const known = user < this.latest.length ? this.latest[user] : -1;
    if (known >= 0 && this.sameValues(known, read)) {
      this.weights[known] += 1;
      return known;
    }
    const profile = this.weights.length;
    this.profiles.push(user);
    this.attributes.forEach((spec, a) => {
      const value = read[a];
      this.values.push(value);
      if (value === undefined) this.profiles.push(MISSING);
      else if (spec.kind === 'numeric') this.profiles.push(valueBin(value as number) + BIN_SHIFT);
      else this.profiles.push(this.levels[a].code(value as string, 1));
    });
    this.weights.push(1);
    this.latest[user] = profile;
    return profile;
  }

  private sameValues(profile: number, read: readonly (string | number | undefined)[]): boolean {
    const at = profile * read.length;
    for (let a = 0; a < read.length; a++) if (this.values[at + a] !== read[a]) return false;
    return true;
  }

  /** Pass 1 (levels and numeric quantiles) from the profiles: each counts for its quotes. */
  fillProfile(profile: MerchantProfile): void {
    const n = this.attributes.length;
    this.weights.forEach((weight, p) => profile.addTraits(this.values.slice(p * n, (p + 1) * n), weight));
  }

  /** The user (index) of a profile. */
  userOf(profile: number): number {
    return this.profiles.get(profile * this.width);
  }

  skuId(index: number): string {
    return this.skuNames.values[this.sku.get(index)];
  }

  skuName(code: number): string {
    return this.skuNames.values[code];
  }

  quoteId(index: number): string {
    return this.ids.get(index);
  }

  cluster(user: number): number {
    return this.clusters[user];
  }

  /** The stratum arm of each experiment code, given which experiments randomise ('' = no arm). */
  arms(arm: (experimentId: string, arm: string) => string): string[] {
    return ['', ...this.experimentArms.values.map((v) => {
      const cut = v.indexOf('\u0000');
      return arm(v.slice(0, cut), v.slice(cut + 1));
    })];
  }

  /** Maps each stored categorical code to its column of `layout`. */
  private columnMaps(layout: ColumnLayout): Int32Array[] {
    return layout.attributes.map((a, i) => {
      if (a.spec.kind === 'numeric') return new Int32Array(0);
      const values = this.levels[i].values;
      const map = new Int32Array(values.length + 1);
      map[MISSING] = a.missingColumn;
      values.forEach((level, k) => {
        const group = a.levelIndex.get(level) ?? a.levelIndex.get(OTHER_LEVEL);
        map[k + 1] = group === undefined ? a.missingColumn : a.offset + group;
      });
      return map;
    });
  }

  /**
   * ColumnLayout.columnsOf for every profile: row p (attributes.length wide) holds the columns
   * of profile p's quotes.
   */
  profileColumns(layout: ColumnLayout): Int32Array {
    const maps = this.columnMaps(layout);
    const attributes = layout.attributes;
    const n = this.profiles.length / this.width;
    const out = new Int32Array(n * attributes.length);
    for (let p = 0; p < n; p++) {
      for (let a = 0; a < attributes.length; a++) {
        const code = this.profiles.get(p * this.width + 1 + a);
        const columns = attributes[a];
        out[p * attributes.length + a] =
          columns.spec.kind === 'numeric'
            ? code === MISSING
              ? columns.missingColumn
              : columns.offset + groupOfBin(code - BIN_SHIFT, columns.cuts)
            : maps[a][code];
      }
    }
    return out;
  }
}
