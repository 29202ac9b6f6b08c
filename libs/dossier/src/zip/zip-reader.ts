import { inflateRawSync, crc32 } from 'node:zlib';
import {
  METHOD_DEFLATE,
  METHOD_STORE,
  centralHeader,
  dataDescriptor,
  endOfCentralDirectory,
  localHeader,
  type ZipEntryRecord,
  type ZipMethod,
} from './zip-format';

export interface ReadEntry extends ZipEntryRecord {
  /** The entry's bytes as stored in the archive. */
  raw: Buffer;
}

export interface ZipStructureProblem {
  /** The entry the damaged bytes belong to, or `(archive)` for the central directory's end. */
  file: string;
  offset: number;
  what: string;
}

/**
 * Reads a bundle written by ZipWriter and checks that every byte outside the entries' data is
 * exactly what the writer would have written: the layout is rebuilt from the central directory
 * and compared byte for byte, so a change to any header is named by entry and offset.
 */
export function readCanonicalZip(bytes: Buffer): { entries: ReadEntry[]; problems: ZipStructureProblem[] } {
  const problems: ZipStructureProblem[] = [];
  const eocdAt = bytes.length - 22;
  if (eocdAt < 0 || bytes.readUInt32LE(eocdAt) !== 0x06054b50) {
    return { entries: [], problems: [{ file: '(archive)', offset: Math.max(eocdAt, 0), what: 'the ZIP end record is missing or changed (last 22 bytes): the file is truncated, extended or not a FairMarket dossier' }] };
  }
  const count = bytes.readUInt16LE(eocdAt + 10);
  const cdSize = bytes.readUInt32LE(eocdAt + 12);
  const cdOffset = bytes.readUInt32LE(eocdAt + 16);
  if (cdOffset + cdSize !== eocdAt) {
    return { entries: [], problems: [{ file: '(archive)', offset: eocdAt, what: 'the ZIP end record does not point at the central directory: the end record or the archive length changed' }] };
  }
  const records: ZipEntryRecord[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocdAt || bytes.readUInt32LE(at) !== 0x02014b50) {
      problems.push({ file: records[i - 1]?.name ?? '(archive)', offset: at, what: `central directory record ${i + 1} is damaged` });
      return { entries: [], problems };
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    records.push({
      name: bytes.subarray(at + 46, Math.min(at + 46 + nameLength, eocdAt)).toString('utf8'),
      method: bytes.readUInt16LE(at + 10) as ZipMethod,
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength;
  }
  // Rebuild the whole layout and compare it with the file, region by region.
  const entries: ReadEntry[] = [];
  let expected = 0;
  const compare = (file: string, region: string, want: Buffer, offset: number): boolean => {
    for (let j = 0; j < want.length; j++) {
      if (offset + j >= bytes.length || bytes[offset + j] !== want[j]) {
        problems.push({ file, offset: offset + j, what: `${region} differs from what FairMarket writes (byte ${offset + j})` });
        return false;
      }
    }
    return true;
  };
  for (const r of records) {
    if (r.method !== METHOD_STORE && r.method !== METHOD_DEFLATE) {
      problems.push({ file: r.name, offset: r.offset, what: `unknown compression method ${r.method} in the central directory` });
      return { entries: [], problems };
    }
    if (r.offset !== expected) {
      problems.push({ file: r.name, offset: r.offset, what: `entry starts at byte ${r.offset}, not where the previous one ends (${expected})` });
      return { entries: [], problems };
    }
    const header = localHeader(r.name, r.method);
    compare(r.name, 'local file header', header, r.offset);
    const dataAt = r.offset + header.length;
    if (dataAt + r.compressedSize + 16 > cdOffset) {
      problems.push({ file: r.name, offset: dataAt, what: 'entry sizes in the central directory run past the central directory' });
      return { entries: [], problems };
    }
    entries.push({ ...r, raw: bytes.subarray(dataAt, dataAt + r.compressedSize) });
    compare(r.name, 'data descriptor', dataDescriptor(r), dataAt + r.compressedSize);
    expected = dataAt + r.compressedSize + 16;
  }
  if (expected !== cdOffset) problems.push({ file: '(archive)', offset: expected, what: `${cdOffset - expected} unexpected bytes before the central directory` });
  let cdAt = cdOffset;
  for (const r of records) {
    const want = centralHeader(r);
    compare(r.name, 'central directory record', want, cdAt);
    cdAt += want.length;
  }
  compare('(archive)', 'ZIP end record', endOfCentralDirectory(records.length, cdSize, cdOffset), eocdAt);
  return { entries, problems };
}

/** The entry's content, or why it cannot be read (damaged deflate data, CRC or size mismatch). */
export function entryContent(entry: ReadEntry): { content?: Buffer; error?: string } {
  let content: Buffer;
  try {
    content = entry.method === METHOD_STORE ? entry.raw : inflateRawSync(entry.raw);
  } catch (error) {
    return { error: `its compressed data is damaged (${(error as Error).message})` };
  }
  if (content.length !== entry.size) return { error: `it inflates to ${content.length} bytes, not the ${entry.size} recorded` };
  if (crc32(content) >>> 0 !== entry.crc32 >>> 0) return { error: 'its CRC-32 does not match its content' };
  return { content };
}
