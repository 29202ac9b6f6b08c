import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_KINDS, type FileKind } from '../events';
import { DatasetUnreadableError } from './dataset-unreadable.error';
import { detectFileKind, type FileFormat } from './file-kind';

export interface DatasetFile {
  /** Absolute or as given: `dir` joined with the file name. */
  path: string;
  name: string;
  kind: FileKind;
  format: FileFormat;
  gzip: boolean;
  size: number;
}

/**
 * The dataset files of a directory, in FILE_KINDS order (then by name): every regular file
 * with a known name (`price_quotes.ndjson`, `skus.csv.gz`, ...). Two files of one kind are
 * both listed and both read. Other files and subdirectories (e.g. documents' text files) are
 * left alone. Throws DatasetUnreadableError when there is nothing to read.
 */
export async function scanDataset(dir: string): Promise<DatasetFile[]> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new DatasetUnreadableError(`${dir} is not a directory: give the directory that holds the dataset files`, dir);
    }
    entries = await readdir(dir);
  } catch (error) {
    if (error instanceof DatasetUnreadableError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new DatasetUnreadableError(`dataset directory ${dir} ${why}`, dir);
  }

  const files: DatasetFile[] = [];
  for (const name of entries) {
    const detected = detectFileKind(name);
    if (detected === null) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    files.push({ path, name, ...detected, size: info.size });
  }
  if (files.length === 0) {
    throw new DatasetUnreadableError(
      `${dir} holds no dataset file: expected names such as ${FILE_KINDS.slice(0, 3)
        .map((kind) => `${kind}.ndjson`)
        .join(', ')} (also .ndjson.gz, .jsonl, .csv, .csv.gz)`,
      dir,
    );
  }
  const kindOrder = (kind: FileKind): number => FILE_KINDS.indexOf(kind);
  return files.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
