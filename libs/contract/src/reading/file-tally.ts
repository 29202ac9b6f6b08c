import type { FileKind } from '../events';
import type { FileReport, Rejection } from '../findings';
import { DatasetFileError } from './dataset-file.error';
import type { LineResult } from './line-result';

/**
 * The ingestion counts of one file, from one complete pass over it: lines (non-blank),
 * accepted, rejected, the first `maxRejections` rejections and the number of lines per reason.
 */
export class FileTally {
  lines = 0;
  accepted = 0;
  rejected = 0;
  readonly rejections: Rejection[] = [];
  readonly reasonCounts = new Map<string, number>();
  private lastLine = 0;

  constructor(
    readonly kind: FileKind,
    readonly fileName: string,
    private readonly maxRejections: number,
  ) {}

  add(result: LineResult): void {
    this.lines += 1;
    this.lastLine = result.line;
    if (result.rejection === undefined) {
      this.accepted += 1;
      return;
    }
    this.reject(result.line, result.rejection.reason, result.rejection.field);
  }

  /**
   * The file could not be read on: counted as one more rejected line, at the line where it
   * stopped, so the report shows why the rest of the file is missing.
   */
  addFileError(error: unknown): void {
    const line = error instanceof DatasetFileError ? error.line : this.lastLine + 1;
    const reason =
      error instanceof DatasetFileError
        ? error.reason
        : `file cannot be read from here on: ${error instanceof Error ? error.message : String(error)}`;
    this.lines += 1;
    this.reject(line, reason);
  }

  report(): FileReport {
    return { lines: this.lines, accepted: this.accepted, rejected: this.rejected };
  }

  private reject(line: number, reason: string, field?: string): void {
    this.rejected += 1;
    this.reasonCounts.set(reason, (this.reasonCounts.get(reason) ?? 0) + 1);
    if (this.rejections.length < this.maxRejections) {
      const rejection: Rejection = { file: this.kind, line, reason, file_name: this.fileName };
      if (field !== undefined) rejection.field = field;
      this.rejections.push(rejection);
    }
  }
}
