/** Strings to dense numbers: each distinct string is kept once, however often it is seen. */
export class Interner {
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
