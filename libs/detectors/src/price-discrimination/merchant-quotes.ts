/**
 * One merchant's quotes held as numeric columns, so that price discrimination reads the file
 * once: every later step (strata, clustered errors, evidence) walks these columns instead of
 * the records. Skus and experiment arms are interned per merchant; the user and her
 * characteristics are one number, a profile of the platform (platform-profiles.ts). The
 * fixed-point log price is not kept: it is a function of the price (logPriceUnits), recomputed
 * by the analysis. Windows are kept from the merchant's first one, so 16 bits hold years of
 * hours. About 29 bytes a quote, the quote id included, whatever the number of characteristics.
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
  /** Window of each quote less `firstWindow` (may go negative: the column then widens). */
  private readonly windows = new GrowableColumn();
  private firstWindow: number | null = null;
  readonly experiment = new GrowableColumn();
  readonly price = new GrowableColumn('i32');
  /** The platform profile (user and characteristics) of each quote. */
  readonly profile = new GrowableColumn();
  private readonly ids = new QuoteIdArena();

  get length(): number {
    return this.price.length;
  }

  add(quote: PriceQuote, window: number, price: number, profile: number): void {
    this.sku.push(this.skuNames.code(quote.sku_id, 0));
    this.firstWindow ??= window;
    this.windows.push(window - this.firstWindow);
    const e = quote.experiment;
    this.experiment.push(e ? this.experimentArms.code(`${e.experiment_id}\u0000${e.arm}`, 1) : 0);
    this.price.push(price);
    this.profile.push(profile);
    this.ids.push(quote.quote_id);
  }

  window(index: number): number {
    return (this.firstWindow as number) + this.windows.get(index);
  }

  /** Gives back the spare room of every column once the read is over. */
  trim(): void {
    for (const column of [this.sku, this.windows, this.experiment, this.price, this.profile]) column.trim();
    this.ids.trim();
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
