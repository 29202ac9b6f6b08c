import { FILE_KINDS, type FileKind } from '../events';

export type FileFormat = 'ndjson' | 'csv';

export interface DetectedFileKind {
  kind: FileKind;
  format: FileFormat;
  gzip: boolean;
}

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = { ndjson: 'ndjson', jsonl: 'ndjson', csv: 'csv' };
const KNOWN_NAME = new RegExp(`^(${FILE_KINDS.join('|')})\\.(ndjson|jsonl|csv)(\\.gz)?$`);

/**
 * What a dataset file holds, from its name alone: `<kind>.ndjson`, `.jsonl` (an alias),
 * `.csv`, each optionally `.gz`. Any directory part is ignored. Names are case-sensitive,
 * as the spec writes them; anything else is not a dataset file (null).
 */
export function detectFileKind(fileName: string): DetectedFileKind | null {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const match = KNOWN_NAME.exec(base);
  if (match === null) return null;
  return { kind: match[1] as FileKind, format: FORMAT_BY_EXTENSION[match[2]], gzip: match[3] !== undefined };
}
