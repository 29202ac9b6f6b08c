/**
 * A column of numbers that grows as quotes arrive and stores each in as few bytes as the values
 * seen so far allow: 16-bit unsigned while they fit, then 32-bit signed, then 64-bit floats.
 * Price discrimination keeps every quote of a merchant until its fits are done (one read of
 * the file serves every step), so bytes per quote decide the memory of a run.
 */
type Storage = Uint16Array | Int32Array | Float64Array;

const INITIAL = 64;

export class GrowableColumn {
  private data: Storage;
  private size = 0;

  constructor(narrowest: 'u16' | 'i32' = 'u16') {
    this.data = narrowest === 'u16' ? new Uint16Array(INITIAL) : new Int32Array(INITIAL);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (!this.fits(value)) this.widen(value);
    if (this.size === this.data.length) this.grow();
    this.data[this.size++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** Bytes held, for memory reports. */
  get bytes(): number {
    return this.data.byteLength;
  }

  private fits(value: number): boolean {
    const d = this.data;
    if (d instanceof Float64Array) return true;
    if (d instanceof Int32Array) return (value | 0) === value;
    return (value & 0xffff) === value;
  }

  private widen(value: number): void {
    const wider = (value | 0) === value ? new Int32Array(this.data.length) : new Float64Array(this.data.length);
    for (let i = 0; i < this.size; i++) wider[i] = this.data[i];
    this.data = wider;
  }

  /** Grows by half: less slack than doubling, still amortised constant time per push. */
  private grow(): void {
    const bigger = new (this.data.constructor as new (n: number) => Storage)(Math.ceil(this.data.length * 1.5) + INITIAL);
    bigger.set(this.data as never);
    this.data = bigger;
  }
}
