import { CopyChunks } from '@fairmarket/persistence';

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

  private count(line: number, bytes: number): void {
    this.lines++;
    this.bytes += bytes;
    this.lastLine = line;
  }
}
