/**
 * One merchant's quotes held as numeric columns, so that price discrimination reads the file
 * once: every later step (strata, clustered errors, evidence) walks these columns instead of
 * the records. Strings are interned per merchant (sku, user, experiment arm, each categorical
 * level); a numeric characteristic is kept as its logarithmic bin, which is all a group cut
 * looks at (binned-histogram.ts). About 50 bytes a quote, the quote id included.
 */
import type { PriceQuote } from '@fairmarket/contract';
import { categoricalTrait, numericTrait, valueBin, type AttributeSpec } from './characteristics';
import { groupOfBin } from './binned-histogram';
import { OTHER_LEVEL, type ColumnLayout } from './column-layout';
import { GrowableColumn } from './growable-column';
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
  readonly user = new GrowableColumn();
  private readonly traits: GrowableColumn[];
  private readonly ids = new QuoteIdArena();
  /** The hash bucket of each user (user-clusters.ts), computed once per user. */
  private readonly clusters: number[] = [];

  constructor(private readonly attributes: readonly AttributeSpec[]) {
    this.levels = attributes.map(() => new Interner());
    this.traits = attributes.map(() => new GrowableColumn());
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
    this.user.push(user);
    this.attributes.forEach((spec, a) => {
      if (spec.kind === 'numeric') {
        const v = numericTrait(quote.user, spec.name);
        this.traits[a].push(v === undefined ? MISSING : valueBin(v) + BIN_SHIFT);
      } else {
        const level = categoricalTrait(quote.user, spec.name);
        this.traits[a].push(level === undefined ? MISSING : this.levels[a].code(level, 1));
      }
    });
    this.ids.push(quote.quote_id);
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

  /** Maps each stored characteristic code to its column of `layout` (see `columnsOf`). */
  columnMaps(layout: ColumnLayout): Int32Array[] {
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

  /** ColumnLayout.columnsOf for the stored quote `index`. */
  columnsOf(index: number, layout: ColumnLayout, maps: readonly Int32Array[], out: Int32Array): void {
    const attributes = layout.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const code = this.traits[a].get(index);
      const columns = attributes[a];
      if (columns.spec.kind === 'numeric') {
        out[a] = code === MISSING ? columns.missingColumn : columns.offset + groupOfBin(code - BIN_SHIFT, columns.cuts);
      } else {
        out[a] = maps[a][code];
      }
    }
  }
}
