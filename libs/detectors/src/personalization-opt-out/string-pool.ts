/**
 * One copy of each distinct string. JSON.parse gives every row its own copies of sku ids and
 * trait values; a sample holding hundreds of thousands of requests, ten skus each, would
 * otherwise keep millions of equal strings alive. Bounded by the catalog and the trait values.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}
