/**
 * Quote ids of one merchant, packed as UTF-8 bytes end to end. The evidence names the quotes
 * of each leading pair, and which quotes those are is known only after every test has run:
 * keeping the ids (rather than reading the file a second time for them) costs a dozen bytes a
 * quote instead of a JS string each.
 */
const INITIAL_BYTES = 1024;

export class QuoteIdArena {
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  private ends = new Uint32Array(64);
  private count = 0;

  push(id: string): void {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
    if (this.used + id.length * 3 > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 1.5, this.used + id.length * 3 + INITIAL_BYTES) | 0);
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(id, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const more = new Uint32Array(Math.ceil(this.ends.length * 1.5));
      more.set(this.ends);
      this.ends = more;
    }
    this.ends[this.count++] = this.used;
  }

  get(index: number): string {
    const start = index === 0 ? 0 : this.ends[index - 1];
    return this.bytes.toString('utf8', start, this.ends[index]);
  }
}
