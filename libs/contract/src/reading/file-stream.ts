import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface OpenedFile {
  /** Decompressed bytes (or text, once setEncoding is called on it). */
  stream: Readable;
  /** Bytes read from disk so far (compressed bytes for a .gz file), for progress bars. */
  bytesRead(): number;
}

/** Large reads: fewer, bigger chunks are markedly faster for a million short lines. */
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Opens a dataset file as a stream, gunzipping on the fly. Errors of the disk read and of the
 * decompression surface on the returned stream, so a consumer iterating it sees them.
 */
export function openDatasetFile(path: string, gzip: boolean): OpenedFile {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const bytesRead = (): number => file.bytesRead;
  if (!gzip) return { stream: file, bytesRead };
  const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
  // pipeline forwards an error of either stream to the other and closes both.
  pipeline(file, gunzip, () => undefined);
  return { stream: gunzip, bytesRead };
}
