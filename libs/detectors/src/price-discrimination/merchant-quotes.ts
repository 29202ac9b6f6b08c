/**
 * One merchant's quotes held as numeric columns, so that price discrimination reads the file
 * once: every later step (strata, clustered errors, evidence) walks these columns instead of
 * the records. Skus and experiment arms are interned per merchant; the user and her
 * characteristics are one number, a profile of the platform (platform-profiles.ts). About
 * 35 bytes a quote, the quote id included, whatever the number of characteristics.
 */
import type { PriceQuote } from '@fairmarket/contract';
import { GrowableColumn } from './growable-column';
import { Interner } from './interner';
import { QuoteIdArena } from './quote-id-arena';

export class MerchantQuotes {
  private readonly skuNames = new Interner();
  /** `experiment_id \0 arm` of each experiment code (code 0: no experiment). */
  private readonly experimentArms = new Interner();
  readonly sku = new GrowableColumn();
  readonly window = new GrowableColumn('i32');
  readonly experiment = new GrowableColumn();
  readonly y = new GrowableColumn('i32');
  readonly price = new GrowableColumn('i32');
  /** The platform profile (user and characteristics) of each quote. */
  readonly profile = new GrowableColumn();
  private readonly ids = new QuoteIdArena();

  get length(): number {
    return this.y.length;
  }

  add(quote: PriceQuote, window: number, y: number, price: number, profile: number): void {
    this.sku.push(this.skuNames.code(quote.sku_id, 0));
    this.window.push(window);
    const e = quote.experiment;
    this.experiment.push(e ? this.experimentArms.code(`${e.experiment_id}\u0000${e.arm}`, 1) : 0);
    this.y.push(y);
    this.price.push(price);
    this.profile.push(profile);
    this.ids.push(quote.quote_id);
  }

  skuId(index: number): string {
    return this.skuNames.values[this.sku.get(index)];
  }

  quoteId(index: number): string {
    return this.ids.get(index);
  }

  /** The stratum arm of each experiment code, given which experiments randomise ('' = no arm). */
  arms(arm: (experimentId: string, arm: string) => string): string[] {
    return [
      '',
      ...this.experimentArms.values.map((v) => {
        const cut = v.indexOf('\u0000');
        return arm(v.slice(0, cut), v.slice(cut + 1));
      }),
    ];
  }
}
