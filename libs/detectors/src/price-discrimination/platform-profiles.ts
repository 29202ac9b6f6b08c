/**
 * The "profiles" of one platform's quotes: a user together with her characteristics as one
 * quote carried them. A user's characteristics rarely change between two of her quotes, and she
 * asks many merchants for prices: so a profile is kept once per platform, every merchant's
 * quotes keep only its number (MerchantQuotes), and a repeat is recognised by comparing the
 * values as read with her latest profile (no lookup). User ids, categorical levels and numeric
 * characteristics (as their logarithmic bin, all a group cut looks at: binned-histogram.ts)
 * are therefore held once per platform, not once per merchant.
 */
import type { PriceQuote } from '@fairmarket/contract';
import { groupOfBin } from './binned-histogram';
import { categoricalTrait, numericTrait, valueBin, type AttributeSpec } from './characteristics';
import { OTHER_LEVEL, type ColumnLayout } from './column-layout';
import { GrowableColumn } from './growable-column';
import { Interner } from './interner';
import type { MerchantProfile } from './merchant-profile';
import { userCluster } from './user-clusters';

/** Code 0 is "missing" in every characteristic; bins are stored shifted to stay positive. */
const MISSING = 0;
const BIN_SHIFT = 0x8000;

export type TraitValue = string | number | undefined;

export class PlatformProfiles {
  private readonly users = new Interner();
  /** The hash bucket of each user (user-clusters.ts), computed once per user. */
  private readonly clusters: number[] = [];
  /** The latest profile of each user. */
  private readonly latest: number[] = [];
  private readonly levels: Interner[];
  /** Per profile: the user, then one code per characteristic. */
  private readonly codes = new GrowableColumn();
  /** Per profile: its characteristics as read (number, level or undefined), attributes wide. */
  private readonly values: TraitValue[] = [];
  private readonly read: TraitValue[];
  private readonly width: number;

  constructor(private readonly attributes: readonly AttributeSpec[]) {
    this.levels = attributes.map(() => new Interner());
    this.read = attributes.map(() => undefined);
    this.width = attributes.length + 1;
  }

  /** The profile of a quote's user and characteristics. */
  of(quote: PriceQuote): number {
    const before = this.users.values.length;
    const user = this.users.code(quote.user_id, 0);
    if (user === before) this.clusters.push(userCluster(quote.user_id));
    const read = this.read;
    const attributes = this.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const spec = attributes[a];
      read[a] = spec.kind === 'numeric' ? numericTrait(quote.user, spec.name) : categoricalTrait(quote.user, spec.name);
    }
    const known = user < this.latest.length ? this.latest[user] : -1;
    if (known >= 0 && this.sameValues(known)) return known;
    const profile = this.codes.length / this.width;
    this.codes.push(user);
    attributes.forEach((spec, a) => {
      const value = read[a];
      this.values.push(value);
      if (value === undefined) this.codes.push(MISSING);
      else if (spec.kind === 'numeric') this.codes.push(valueBin(value as number) + BIN_SHIFT);
      else this.codes.push(this.levels[a].code(value as string, 1));
    });
    this.latest[user] = profile;
    return profile;
  }

  private sameValues(profile: number): boolean {
    const read = this.read;
    const at = profile * read.length;
    for (let a = 0; a < read.length; a++) if (this.values[at + a] !== read[a]) return false;
    return true;
  }

  /** Profiles so far (they are numbered 0..count-1). */
  get count(): number {
    return this.codes.length / this.width;
  }

  userOf(profile: number): number {
    return this.codes.get(profile * this.width);
  }

  clusterOf(user: number): number {
    return this.clusters[user];
  }

  /** Pass 1 of a merchant (levels and numeric quantiles): each of its profiles counts for its quotes. */
  addTo(target: MerchantProfile, profile: number, quotes: number): void {
    const n = this.attributes.length;
    target.addTraits(this.values.slice(profile * n, (profile + 1) * n), quotes);
  }

  /** ColumnLayout.columnsOf for each of `profiles`: row i (attributes wide) holds profile i's columns. */
  columns(layout: ColumnLayout, profiles: readonly number[]): Int32Array {
    const attributes = layout.attributes;
    const maps = attributes.map((a, i) => {
      if (a.spec.kind === 'numeric') return new Int32Array(0);
      const map = new Int32Array(this.levels[i].values.length + 1);
      map[MISSING] = a.missingColumn;
      this.levels[i].values.forEach((level, k) => {
        const group = a.levelIndex.get(level) ?? a.levelIndex.get(OTHER_LEVEL);
        map[k + 1] = group === undefined ? a.missingColumn : a.offset + group;
      });
      return map;
    });
    const out = new Int32Array(profiles.length * attributes.length);
    profiles.forEach((p, i) => {
      for (let a = 0; a < attributes.length; a++) {
        const code = this.codes.get(p * this.width + 1 + a);
        const columns = attributes[a];
        out[i * attributes.length + a] =
          columns.spec.kind === 'numeric'
            ? code === MISSING
              ? columns.missingColumn
              : columns.offset + groupOfBin(code - BIN_SHIFT, columns.cuts)
            : maps[a][code];
      }
    });
    return out;
  }
}
