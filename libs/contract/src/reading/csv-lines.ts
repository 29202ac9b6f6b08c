import { parse } from 'csv-parse';
import type { FileKind } from '../events';
import { csvColumns, csvRowToRecord, csvUnsupportedReason, type CsvColumn } from './csv-columns';
import { DatasetFileError } from './dataset-file.error';
import { openDatasetFile } from './file-stream';
import type { ParsedLine } from './line-result';

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Streams a CSV file (optionally gzipped): the first row names the columns, with nested
 * fields flattened by dots (`user.device_os`); each further row becomes one record. Throws
 * DatasetFileError before any row when the kind or a column needs arrays. A row with the
 * wrong number of cells is rejected; malformed quoting ends the file with a rejection at
 * that line, since the parser cannot tell where the next row starts.
 * `raw` is the row's text without line ends (several physical lines for a quoted newline).
 */
export async function* csvLines(
  path: string,
  fileName: string,
  kind: FileKind,
  gzip: boolean,
  onBytesRead?: (bytesRead: number) => void,
): AsyncGenerator<ParsedLine[]> {
  const opened = openDatasetFile(path, gzip);
  let syntaxError: { line: number; code: string } | undefined;
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    // A row of empty or whitespace-only cells is a blank line too.
    skip_records_with_empty_values: true,
    // Checked per row below, so one short row rejects that row only.
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    // A thrown syntax error would discard the rows parsed but not yet consumed; instead note
    // the first one and stop there (the parser's guesses after a bad quote are not rows).
    skip_records_with_error: true,
    on_skip: (error) => {
      syntaxError ??= { line: (error as { lines?: number } | undefined)?.lines ?? 0, code: error?.code ?? 'CSV_ERROR' };
      return undefined;
    },
  });
  opened.stream.on('error', (error) => parser.destroy(error));
  opened.stream.pipe(parser);
  let columns: (CsvColumn | null)[] | undefined;
  let lastLine = 0;
  try {
    for await (const row of parser as AsyncIterable<CsvRecord>) {
      onBytesRead?.(opened.bytesRead());
      const raw = trimLineEnds(row.raw);
      const line = row.info.lines - countNewlines(raw);
      if (syntaxError !== undefined && line >= syntaxError.line) break;
      lastLine = row.info.lines;
      if (columns === undefined) {
        const refusal = csvUnsupportedReason(kind, row.record);
        if (refusal !== undefined) throw new DatasetFileError(fileName, line, refusal);
        columns = csvColumns(kind, row.record);
        continue;
      }
      if (row.record.length !== columns.length) {
        const reason = `expected ${columns.length} cells as in the header, found ${row.record.length}`;
        yield [{ line, raw, rejection: { reason } }];
        continue;
      }
      yield [{ line, raw, value: csvRowToRecord(columns, row.record) }];
    }
    onBytesRead?.(opened.bytesRead());
  } finally {
    opened.stream.destroy();
    parser.destroy();
  }
  if (syntaxError !== undefined) {
    // The parser's message quotes the offending cell, which may be personal data: use its code.
    const reason = `not valid CSV: ${syntaxError.code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, ' ')}`;
    yield [{ line: syntaxError.line || lastLine + 1, raw: '', rejection: { reason } }];
  }
}

function trimLineEnds(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && (raw.charCodeAt(start) === 10 || raw.charCodeAt(start) === 13)) start++;
  while (end > start && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;
  return raw.slice(start, end);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
