/**
 * Quote ids of one merchant, packed as UTF-8 bytes end to end. The evidence names the quotes
 * of each leading pair, and which quotes those are is known only after every test has run:
 * keeping the ids (rather than reading the file a second time for them) costs a dozen bytes a
 * quote instead of a JS string each.
 *
 * Bytes live in fixed-size chunks (an id never straddles two), so growth never copies and only
 * the last chunk has spare room, which `trim` gives back once the read is over.
 */
import { GrowableColumn } from './growable-column';

const INITIAL_BYTES = 1024;
const CHUNK_BITS = 16;
const CHUNK_BYTES = 1 << CHUNK_BITS;

export class QuoteIdArena {
  private readonly chunks: Buffer[] = [Buffer.allocUnsafe(INITIAL_BYTES)];
  /** Bytes written in each chunk. */
  private readonly filled: number[] = [0];
  /** Where each id starts: chunk << CHUNK_BITS | offset. */
  private readonly starts = new GrowableColumn('i32');

  push(id: string): void {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
    const most = id.length * 3;
    if (most > CHUNK_BYTES) throw new Error(`quote id longer than ${CHUNK_BYTES / 3} characters`);
    let c = this.chunks.length - 1;
    let chunk = this.chunks[c];
    const used = this.filled[c];
    if (used + most > chunk.length) {
      if (chunk.length < CHUNK_BYTES && used + most <= CHUNK_BYTES) {
        const bigger = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(chunk.length * 2, used + most)));
        chunk.copy(bigger, 0, 0, used);
        chunk = this.chunks[c] = bigger;
      } else {
        this.trimChunk(c);
        chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        this.chunks.push(chunk);
        this.filled.push(0);
        c++;
      }
    }
    const at = this.filled[c];
    this.starts.push((c << CHUNK_BITS) | at);
    this.filled[c] = at + chunk.write(id, at, 'utf8');
  }

  get(index: number): string {
    const start = this.starts.get(index) >>> 0;
    const c = start >>> CHUNK_BITS;
    const next = index + 1 < this.starts.length ? this.starts.get(index + 1) >>> 0 : null;
    const end = next !== null && next >>> CHUNK_BITS === c ? next & (CHUNK_BYTES - 1) : this.filled[c];
    return this.chunks[c].toString('utf8', start & (CHUNK_BYTES - 1), end);
  }

  /** Gives back the spare room of the last chunk (after the last push; a later push still works). */
  trim(): void {
    this.trimChunk(this.chunks.length - 1);
    this.starts.trim();
  }

  private trimChunk(c: number): void {
    const used = this.filled[c];
    if (this.chunks[c].length > used) this.chunks[c] = Buffer.from(this.chunks[c].subarray(0, used));
  }
}
