import { isAscii } from 'node:buffer';

/**
 * Turns the byte chunks of a UTF-8 file into text. Event files are almost all ASCII, and an
 * ASCII chunk is copied into a one-byte string as Latin-1, the cheapest decoding there is
 * (StringDecoder took a quarter of the cost of reading a file before). Other chunks are
 * decoded as UTF-8 up to their last complete character; the bytes of a character cut
 * between two chunks are carried to the next one.
 */
export class ChunkDecoder {
  private carry: Buffer | null = null;

  write(chunk: Buffer): string {
    if (this.carry === null && isAscii(chunk)) return chunk.toString('latin1');
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const complete = completeLength(bytes);
    this.carry = complete < bytes.length ? Buffer.from(bytes.subarray(complete)) : null;
    return bytes.toString('utf8', 0, complete);
  }

  /** What is left at the end of the file: an incomplete character becomes U+FFFD. */
  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest === null ? '' : rest.toString('utf8');
  }
}

/** The length of `bytes` up to the end of its last complete UTF-8 character. */
export function completeLength(bytes: Buffer): number {
  // The last character starts at most 3 bytes before the end; continuation bytes are 10xxxxxx.
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  // Only continuation bytes at the end: invalid, decoded as it stands (U+FFFD).
  return bytes.length;
}
