/**
 * The one ZIP layout FairMarket writes: every header field fixed except names, sizes and CRCs
 * (DOS time fixed at 1980-01-01, UTF-8 names, data descriptors, no extra fields, no comment).
 * Because the layout is canonical, the verifier can rebuild every header byte from the central
 * directory and compare: a change to any byte outside the entries' data is caught and located,
 * and changes inside the data are caught by the manifest's hashes.
 */
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export type ZipMethod = typeof METHOD_STORE | typeof METHOD_DEFLATE;

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const VERSION_NEEDED = 20;
const VERSION_MADE_BY = 0x0314; // unix, 2.0: external attributes carry the file mode
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0;
export const MAX_ZIP_BYTES = 0xffffffff - 1;

export interface ZipEntryRecord {
  name: string;
  method: ZipMethod;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header from the start of the archive. */
  offset: number;
}

export function localHeader(name: string, method: ZipMethod): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(method, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  // crc and sizes stay 0 here: they follow the data in the descriptor.
  b.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([b, nameBytes]);
}

export function dataDescriptor(e: Pick<ZipEntryRecord, 'crc32' | 'compressedSize' | 'size'>): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc32 >>> 0, 4);
  b.writeUInt32LE(e.compressedSize, 8);
  b.writeUInt32LE(e.size, 12);
  return b;
}

export function centralHeader(e: ZipEntryRecord): Buffer {
  const nameBytes = Buffer.from(e.name, 'utf8');
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(e.method, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(e.crc32 >>> 0, 16);
  b.writeUInt32LE(e.compressedSize, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(nameBytes.length, 28);
  b.writeUInt32LE(EXTERNAL_ATTRS, 38);
  b.writeUInt32LE(e.offset, 42);
  return Buffer.concat([b, nameBytes]);
}

export function endOfCentralDirectory(entries: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  return b;
}
