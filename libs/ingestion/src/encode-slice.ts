import { Pseudonymizer, validateRecord, type FileKind } from '@fairmarket/contract';
import { parseJsonLine } from '../../contract/src/reading/ndjson-lines';
import type { PhysicalLine } from '../../contract/src/reading/line-splitter';
import { CopyChunks } from '../../persistence/src/events/copy-chunks';
import { EVENT_TABLES } from '../../persistence/src/events/event-tables';
import { monthOf } from '../../persistence/src/events/partition-manager';
import { datasetRule } from './dataset-rule';
import { encodeEventRow } from './encode-event-row';

/** What an encoder needs to know of the file, the same for every slice of it. */
export interface SliceContext {
  kind: FileKind;
  datasetId: string;
  fileId: string;
  datasetPlatformId: string | null;
  pseudonymKey: string;
}

/** A run of consecutive NDJSON lines, encoded: the COPY rows of the accepted ones and the rest. */
export interface EncodedSlice {
  seq: number;
  chunks: Buffer[];
  accepted: number;
  lines: number;
  bytes: number;
  lastLine: number;
  months: string[];
  rejections: { line: number; field: string | null; reason: string }[];
}

/**
 * Parses, validates, pseudonymises and encodes a slice of NDJSON lines exactly as the
 * in-process path does (readDatasetFileBatches, datasetRule, encodeEventRow), without any I/O,
 * so that it can run in an encoder thread.
 */
export class SliceEncoder {
  private readonly pseudonymizer: Pseudonymizer;

  constructor(private readonly context: SliceContext) {
    this.pseudonymizer = new Pseudonymizer(context.pseudonymKey);
  }

  encode(seq: number, lines: readonly PhysicalLine[]): EncodedSlice {
    const { kind, datasetId, fileId, datasetPlatformId } = this.context;
    const table = EVENT_TABLES[kind];
    const options = { pseudonymize: this.pseudonymizer.pseudonymize, inPlace: true };
    const rows = new CopyChunks();
    const months = new Set<string>();
    const rejections: EncodedSlice['rejections'] = [];
    const ids = { datasetId, fileId, line: 0, raw: '' };
    let bytes = 0;
    for (const { line, text } of lines) {
      bytes += Buffer.byteLength(text) + 1;
      const parsed = parseJsonLine(line, text);
      if (parsed.rejection !== undefined) {
        rejections.push({ line, field: parsed.rejection.field ?? null, reason: parsed.rejection.reason });
        continue;
      }
      const result = validateRecord(kind, parsed.value, options);
      if (!result.ok) {
        rejections.push({ line, field: result.field === '' ? null : result.field, reason: result.reason });
        continue;
      }
      const record = result.record as unknown as Record<string, unknown>;
      const problem = datasetRule(table.timed, datasetPlatformId, record);
      if (problem) {
        rejections.push({ line, field: problem.field, reason: problem.reason });
        continue;
      }
      ids.line = line;
      ids.raw = text;
      rows.add(encodeEventRow(table, result.record as never, ids));
      if (table.timed) months.add(monthOf(record.tsMs as number));
    }
    return {
      seq,
      chunks: rows.finish(),
      accepted: rows.rows,
      lines: lines.length,
      bytes,
      lastLine: lines.length > 0 ? lines[lines.length - 1].line : 0,
      months: [...months],
      rejections,
    };
  }
}
