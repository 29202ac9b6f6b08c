import type { EventsByKind, FileKind } from '../events';

export interface LineRejection {
  /** Dotted path of the field at fault, absent when the line as a whole is at fault. */
  field?: string;
  /** `field: what was wrong`; never quotes the rejected value (it may be personal data). */
  reason: string;
}

/**
 * One non-blank line of a dataset file, accepted (`record`) or not (`rejection`).
 * `raw` is the line's exact text without its line ending (and without a leading BOM), kept so
 * that ingestion can hash it to store nothing twice. It still holds the raw `user_id`: hash it,
 * never store or log it.
 */
export interface LineResult<T = EventsByKind[FileKind]> {
  /** 1-based physical line number (blank lines and a CSV header count as lines). */
  line: number;
  raw: string;
  record?: T;
  rejection?: LineRejection;
}

/** A line parsed to a plain value (not yet validated), or rejected while parsing. */
export interface ParsedLine {
  line: number;
  raw: string;
  value?: unknown;
  rejection?: LineRejection;
}
