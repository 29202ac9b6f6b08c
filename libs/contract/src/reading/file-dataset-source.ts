import type { DatasetSource } from '@fairmarket/detectors';
import { FILE_KINDS, type EventsByKind, type FileKind } from '../events';
import type { FileReport, Rejection } from '../findings';
import { FileTally } from './file-tally';
import { readDatasetFileBatches } from './read-dataset-file';
import { scanDataset, type DatasetFile } from './scan-dataset';

export interface FileDatasetSourceOptions {
  pseudonymize(userId: string): string;
  /** How many rejections the report lists (all are counted). Default 1000. */
  maxRejections?: number;
  /** Bytes read from disk so far over all files, once each, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface IngestionReport {
  files: Partial<Record<FileKind, FileReport>>;
  /** The first rejections, by kind order, then line, then file name. */
  rejections: Rejection[];
  /** Rejected lines per reason, most frequent first. */
  rejection_counts: Record<string, number>;
}

const DEFAULT_MAX_REJECTIONS = 1000;

/**
 * The detectors' DatasetSource over a dataset directory (the CLI's self-audit path). Every
 * `rows(kind)` streams the files of that kind again, so memory stays flat however large the
 * files; the first complete pass over each file also counts its lines for the ingestion
 * report, and later passes do not count again.
 *
 * (Only a type is imported from @fairmarket/detectors, which imports this library at run time:
 * nothing of it is loaded at run time here, so there is no require cycle.)
 */
export class FileDatasetSource implements DatasetSource {
  private readonly tallies = new Map<string, FileTally>();
  private readonly bytesRead = new Map<string, number>();
  private readonly totalBytes: number;
  private readonly maxRejections: number;

  constructor(
    readonly dir: string,
    readonly files: readonly DatasetFile[],
    private readonly options: FileDatasetSourceOptions,
  ) {
    this.totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    this.maxRejections = options.maxRejections ?? DEFAULT_MAX_REJECTIONS;
  }

  /** Scans `dir` (throws DatasetUnreadableError when it holds no dataset file). */
  static async open(dir: string, options: FileDatasetSourceOptions): Promise<FileDatasetSource> {
    return new FileDatasetSource(dir, await scanDataset(dir), options);
  }

  /**
   * The kinds with a file in the directory, less those already read in full and found to hold
   * no accepted line (reading ahead just to answer this would double the I/O of a run).
   */
  kinds(): ReadonlySet<FileKind> {
    const kinds = new Set<FileKind>();
    for (const kind of FILE_KINDS) {
      const files = this.filesOf(kind);
      const knownEmpty = files.every((file) => this.tallies.get(file.path)?.accepted === 0);
      if (files.length > 0 && !knownEmpty) kinds.add(kind);
    }
    return kinds;
  }

  async *rows<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K]> {
    for await (const batch of this.batches(kind)) yield* batch;
  }

  /** The accepted rows of one kind, one array per chunk read (never empty). */
  async *batches<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K][]> {
    for (const file of this.filesOf(kind)) {
      yield* this.pass(file, kind);
    }
  }

  /** Reads every file not read in full yet, then reports the counts of all files. */
  async report(): Promise<IngestionReport> {
    for (const file of this.files) {
      if (this.tallies.has(file.path)) continue;
      for await (const batch of this.pass(file, file.kind)) void batch;
    }
    const files: Partial<Record<FileKind, FileReport>> = {};
    const rejections: Rejection[] = [];
    const counts = new Map<string, number>();
    for (const kind of FILE_KINDS) {
      for (const file of this.filesOf(kind)) {
        const tally = this.tallies.get(file.path) as FileTally;
        const sum = (files[kind] ??= { lines: 0, accepted: 0, rejected: 0 });
        sum.lines += tally.lines;
        sum.accepted += tally.accepted;
        sum.rejected += tally.rejected;
        rejections.push(...tally.rejections);
        for (const [reason, n] of tally.reasonCounts) counts.set(reason, (counts.get(reason) ?? 0) + n);
      }
    }
    const kindOrder = (file: string): number => FILE_KINDS.indexOf(file as FileKind);
    rejections.sort(
      (a, b) => kindOrder(a.file) - kindOrder(b.file) || a.line - b.line || compare(a.file_name ?? '', b.file_name ?? ''),
    );
    const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    return {
      files,
      rejections: rejections.slice(0, this.maxRejections),
      rejection_counts: Object.fromEntries(byFrequency),
    };
  }

  private filesOf(kind: FileKind): DatasetFile[] {
    return this.files.filter((file) => file.kind === kind);
  }

  /**
   * One pass over one file. The pass that first reaches the end of a file commits its tally;
   * a pass abandoned half-way (the consumer stopped) commits nothing, so no line is ever
   * counted twice nor half a file counted.
   */
  private async *pass<K extends FileKind>(file: DatasetFile, kind: K): AsyncGenerator<EventsByKind[K][]> {
    const tally = this.tallies.has(file.path) ? undefined : new FileTally(file.kind, file.name, this.maxRejections);
    try {
      const batches = readDatasetFileBatches(file.path, {
        kind,
        format: file.format,
        gzip: file.gzip,
        pseudonymize: this.options.pseudonymize,
        datasetDir: this.dir,
        onBytesRead: (bytes) => this.progress(file, bytes),
      });
      for await (const results of batches) {
        const records: EventsByKind[K][] = [];
        for (const result of results) {
          tally?.add(result);
          if (result.record !== undefined) records.push(result.record);
        }
        if (records.length > 0) yield records;
      }
    } catch (error) {
      // A file that cannot be read on is reported, not fatal: the other files still count.
      tally?.addFileError(error);
    }
    if (tally !== undefined && !this.tallies.has(file.path)) this.tallies.set(file.path, tally);
  }

  private progress(file: DatasetFile, bytes: number): void {
    const onProgress = this.options.onProgress;
    if (onProgress === undefined || bytes <= (this.bytesRead.get(file.path) ?? 0)) return;
    this.bytesRead.set(file.path, bytes);
    let sum = 0;
    for (const read of this.bytesRead.values()) sum += read;
    onProgress(Math.min(sum, this.totalBytes), this.totalBytes);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
