import { ChunkDecoder, completeLength } from './chunk-decoder';

/** Decodes `text` cut into chunks of `size` bytes. */
function decodeInChunks(bytes: Buffer, size: number): string {
  const decoder = new ChunkDecoder();
  let out = '';
  for (let at = 0; at < bytes.length; at += size) out += decoder.write(bytes.subarray(at, at + size));
  return out + decoder.end();
}

describe('ChunkDecoder', () => {
  const text = '{"name":"旗舰店 官方","emoji":"🛒","plain":"abc"}\n{"x":"é"}\n';
  const bytes = Buffer.from(text, 'utf8');

  it.each([1, 2, 3, 4, 5, 7, 64])('gives back the text whatever the chunk size (%i bytes)', (size) => {
    expect(decodeInChunks(bytes, size)).toBe(text);
  });

  it('decodes ASCII chunks to one-byte strings and switches to UTF-8 mid-file', () => {
    const decoder = new ChunkDecoder();
    expect(decoder.write(Buffer.from('{"a":1}\n'))).toBe('{"a":1}\n');
    const han = Buffer.from('中', 'utf8');
    expect(decoder.write(Buffer.concat([Buffer.from('x'), han.subarray(0, 1)]))).toBe('x');
    // An ASCII chunk after a cut character must still complete it.
    expect(decoder.write(han.subarray(1))).toBe('中');
    expect(decoder.write(Buffer.from('ok'))).toBe('ok');
    expect(decoder.end()).toBe('');
  });

  it('turns a character cut off by the end of the file into U+FFFD', () => {
    const decoder = new ChunkDecoder();
    expect(decoder.write(Buffer.from([0x41, 0xe4, 0xb8]))).toBe('A');
    expect(decoder.end()).toBe('\ufffd');
  });

  it('finds where the last complete character ends', () => {
    expect(completeLength(Buffer.from('abc'))).toBe(3);
    expect(completeLength(Buffer.from([0x61, 0xe4, 0xb8, 0xad]))).toBe(4);
    expect(completeLength(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(completeLength(Buffer.from([0xf0, 0x9f, 0x9b]))).toBe(0);
    expect(completeLength(Buffer.from([0xf0, 0x9f, 0x9b, 0x92]))).toBe(4);
  });
});
