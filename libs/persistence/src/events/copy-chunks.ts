/** About what a COPY stream and the socket take in one go; fewer, larger writes cost less. */
export const COPY_CHUNK_BYTES = 256 * 1024;

/**
 * Gathers encoded COPY rows (copy-text.ts) into UTF-8 Buffers of about 256 KB. A batch of
 * 20,000 rows becomes some fifty writes to the COPY stream instead of one string join and
 * conversion per slice of rows; each row is converted to UTF-8 once, straight into its chunk.
 */
export class CopyChunks {
  private readonly sealed: Buffer[] = [];
  private current: Buffer | null = null;
  private used = 0;
  rows = 0;

  add(row: string): void {
    // A UTF-16 code unit is at most 3 UTF-8 bytes: when the row might not fit, start a new chunk.
    const worst = row.length * 3;
    if (this.current === null || this.used + worst > this.current.length) {
      this.seal();
      if (worst > COPY_CHUNK_BYTES) {
        this.sealed.push(Buffer.from(row, 'utf8'));
        this.rows++;
        return;
      }
      this.current = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
    }
    this.used += this.current.write(row, this.used, 'utf8');
    this.rows++;
  }

  /** Appends rows already gathered elsewhere (an encoder thread's chunks), after those added so far. */
  addChunks(chunks: readonly Buffer[], rows: number): void {
    this.seal();
    for (const chunk of chunks) this.sealed.push(chunk);
    this.rows += rows;
  }

  /** The chunks in row order; adding more rows afterwards starts new chunks. */
  finish(): Buffer[] {
    this.seal();
    return this.sealed;
  }

  private seal(): void {
    if (this.current !== null && this.used > 0) this.sealed.push(this.current.subarray(0, this.used));
    this.current = null;
    this.used = 0;
  }
}
