import { openDatasetFile } from './file-stream';
import type { LineRejection, ParsedLine } from './line-result';
import { LineSplitter, type PhysicalLine } from './line-splitter';

/**
 * Streams an NDJSON file (optionally gzipped) as parsed lines, one batch per chunk read.
 * A line that is not JSON, or is JSON but not an object, is rejected here; blank lines are
 * skipped. The whole file is never in memory.
 */
export async function* ndjsonLines(
  path: string,
  gzip: boolean,
  onBytesRead?: (bytesRead: number) => void,
): AsyncGenerator<ParsedLine[]> {
  for await (const lines of ndjsonPhysicalLines(path, gzip, onBytesRead)) {
    yield lines.map(({ line, text }) => parseJsonLine(line, text));
  }
}

/**
 * The non-blank lines of an NDJSON file, not yet parsed, one array per chunk read: for a
 * reader that parses them elsewhere (the ingestion worker's encoder threads).
 */
export async function* ndjsonPhysicalLines(
  path: string,
  gzip: boolean,
  onBytesRead?: (bytesRead: number) => void,
): AsyncGenerator<PhysicalLine[]> {
  const opened = openDatasetFile(path, gzip);
  opened.stream.setEncoding('utf8');
  const splitter = new LineSplitter();
  try {
    for await (const chunk of opened.stream) {
      onBytesRead?.(opened.bytesRead());
      yield splitter.push(chunk as string);
    }
    onBytesRead?.(opened.bytesRead());
    yield splitter.end();
  } finally {
    opened.stream.destroy();
  }
}

export function parseJsonLine(line: number, raw: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { line, raw, rejection: { reason: `not valid JSON: ${jsonErrorMessage(error)}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, raw, rejection: notAnObject(value) };
  }
  return { line, raw, value };
}

function notAnObject(value: unknown): LineRejection {
  const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return { reason: `not a JSON object (found ${found}): each line must be one object` };
}

/**
 * V8's message quotes the start of the line (`Unexpected token 'u', "{"user_id": u-8"... is
 * not valid JSON`), which may be personal data: keep only the parser's own words.
 */
function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '');
}
