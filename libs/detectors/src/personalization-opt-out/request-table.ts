import type { SampledCell, SampledRequest, TraitValue } from './cell-sample';
import { cellOverlaps } from './cell-overlaps';

/**
 * The requests of a sample's cells laid end to end, built once per scan so that the tests of
 * every characteristic index the same arrays (groups as codes, not strings per request):
 * cell c holds requests `start[c]` .. `start[c + 1] - 1`.
 */
export class RequestTable {
  readonly requests: SampledRequest[] = [];
  readonly start: Int32Array;
  /** 1 when some user has two requests in the cell: never in a sample, which keeps one per user. */
  readonly repeatsUser: Uint8Array;
  /** Overlaps are computed on first use: most cells hold too few users to inform any test. */
  private readonly overlaps: (Float64Array | undefined)[];
  private readonly columns = new Map<string, (TraitValue | undefined)[]>();

  /** `traitNames`: the characteristics to read up front (others are read when first asked for). */
  constructor(
    readonly cells: readonly SampledCell[],
    traitNames: readonly string[] = [],
  ) {
    this.start = new Int32Array(cells.length + 1);
    this.repeatsUser = new Uint8Array(cells.length);
    this.overlaps = new Array(cells.length);
    cells.forEach((cell, c) => {
      for (const request of cell.requests) this.requests.push(request);
      this.start[c + 1] = this.requests.length;
      const users = new Set(cell.requests.map((r) => r.user_id));
      if (users.size < cell.requests.length) this.repeatsUser[c] = 1;
    });
    // All traits of a request in one visit: reading one characteristic at a time over every
    // request went to memory for each request's trait object once per characteristic.
    const names = [...new Set(traitNames)];
    const columns = names.map(() => new Array<TraitValue | undefined>(this.requests.length));
    this.requests.forEach((request, i) => {
      const traits = request.traits;
      for (let k = 0; k < names.length; k++) columns[k][i] = traits[names[k]];
    });
    names.forEach((name, k) => this.columns.set(name, columns[k]));
  }

  /** A characteristic's value for each request (undefined when the user object lacks it). */
  column(name: string): readonly (TraitValue | undefined)[] {
    let column = this.columns.get(name);
    if (!column) this.columns.set(name, (column = this.requests.map((r) => r.traits[name])));
    return column;
  }

  get cellCount(): number {
    return this.cells.length;
  }

  /** cellOverlaps of cell c. */
  overlapsOf(c: number): Float64Array {
    return (this.overlaps[c] ??= cellOverlaps(this.cells[c]));
  }
}
