import { CopyChunks } from '@fairmarket/persistence';
import type { EncodedSlice } from './encode-slice';

/** The outcome of a run of lines, committed together with the file's checkpoint. */
export class IngestionBatch {
  /** Accepted lines as COPY rows, already in the Buffers the COPY stream is given. */
  readonly rows = new CopyChunks();
  readonly rejections: { line: number; field: string | null; reason: string }[] = [];
  readonly months = new Set<string>();
  readonly rejectionCounts: Record<string, number> = {};
  lines = 0;
  bytes = 0;
  lastLine = 0;

  get accepted(): number {
    return this.rows.rows;
  }

  get rejected(): number {
    return this.lines - this.rows.rows;
  }

  accept(row: string, line: number, bytes: number, month: string | null): void {
    this.rows.add(row);
    if (month !== null && !this.months.has(month)) this.months.add(month);
    this.count(line, bytes);
  }

  reject(line: number, bytes: number, field: string | null, reason: string, keep: boolean): void {
    if (keep) this.rejections.push({ line, field, reason });
    this.rejectionCounts[reason] = (this.rejectionCounts[reason] ?? 0) + 1;
    this.count(line, bytes);
  }

  /** A slice encoded by a thread, as if its lines had been accepted and rejected here one by one. */
  addSlice(slice: EncodedSlice, keepWhileRejectedBelow: number): void {
    let rejected = this.rejected;
    for (const r of slice.rejections) {
      if (rejected++ < keepWhileRejectedBelow) this.rejections.push(r);
      this.rejectionCounts[r.reason] = (this.rejectionCounts[r.reason] ?? 0) + 1;
    }
    this.rows.addChunks(slice.chunks, slice.accepted);
    for (const month of slice.months) this.months.add(month);
    this.lines += slice.lines;
    this.bytes += slice.bytes;
    this.lastLine = slice.lastLine;
  }

  private count(line: number, bytes: number): void {
    this.lines++;
    this.bytes += bytes;
    this.lastLine = line;
  }
}
