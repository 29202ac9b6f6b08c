/**
 * A column of numbers that grows as quotes arrive and stores each in as few bytes as the values
 * seen so far allow: 16-bit unsigned while they fit, then 32-bit signed, then 64-bit floats.
 * Price discrimination keeps every quote of a merchant until its fits are done (one read of
 * the file serves every step), so bytes per quote decide the memory of a run.
 *
 * Values live in fixed-size chunks: growth never copies a large array (no transient old + new
 * copy) and leaves no spare capacity beyond the last chunk, which `trim` fits to size once the
 * read is over. A column shorter than one chunk grows its only chunk by doubling, so a small
 * merchant does not hold a whole chunk.
 */
type Storage = Uint16Array | Int32Array | Float64Array;
type Kind = 'u16' | 'i32' | 'f64';

const INITIAL = 64;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

function allocate(kind: Kind, length: number): Storage {
  return kind === 'u16' ? new Uint16Array(length) : kind === 'i32' ? new Int32Array(length) : new Float64Array(length);
}

export class GrowableColumn {
  private kind: Kind;
  private chunks: Storage[];
  private size = 0;

  constructor(narrowest: 'u16' | 'i32' = 'u16') {
    this.kind = narrowest;
    this.chunks = [allocate(narrowest, INITIAL)];
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (!this.fits(value)) this.widen(value);
    const c = this.size >> CHUNK_BITS;
    const at = this.size & MASK;
    if (c === this.chunks.length) this.chunks.push(allocate(this.kind, CHUNK));
    else if (at === this.chunks[c].length) this.chunks[c] = this.resized(this.chunks[c], Math.min(CHUNK, Math.max(INITIAL, at * 2)));
    this.chunks[c][at] = value;
    this.size++;
  }

  get(index: number): number {
    return this.chunks[index >> CHUNK_BITS][index & MASK];
  }

  /** Drops the spare room of the last chunk (after the last push; a later push grows it again). */
  trim(): void {
    const c = this.size >> CHUNK_BITS;
    const at = this.size & MASK;
    if (c < this.chunks.length && this.chunks[c].length > at) this.chunks[c] = this.resized(this.chunks[c], at);
  }

  /** Bytes held, for memory reports. */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }

  private fits(value: number): boolean {
    if (this.kind === 'f64') return true;
    if (this.kind === 'i32') return (value | 0) === value;
    return (value & 0xffff) === value;
  }

  private widen(value: number): void {
    this.kind = (value | 0) === value ? 'i32' : 'f64';
    this.chunks = this.chunks.map((chunk) => this.resized(chunk, chunk.length));
  }

  /** A copy of `chunk` in the current kind, `length` long. */
  private resized(chunk: Storage, length: number): Storage {
    const out = allocate(this.kind, length);
    const keep = Math.min(length, chunk.length);
    for (let i = 0; i < keep; i++) out[i] = chunk[i];
    return out;
  }
}
