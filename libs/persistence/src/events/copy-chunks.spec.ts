import { COPY_CHUNK_BYTES, CopyChunks } from './copy-chunks';

describe('CopyChunks', () => {
  it('gives back exactly the rows added, in order, as UTF-8, in chunks no larger than the limit', () => {
    const chunks = new CopyChunks();
    const rows: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const row = `d\tp-${i}\t价格 ${'x'.repeat(i % 300)}\t€\n`;
      rows.push(row);
      chunks.add(row);
    }
    const out = chunks.finish();
    expect(chunks.rows).toBe(5000);
    expect(out.length).toBeGreaterThan(1);
    expect(out.every((c) => c.length > 0 && c.length <= COPY_CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(out).toString('utf8')).toBe(rows.join(''));
  });

  it('keeps a row larger than a chunk whole, in its own buffer, between the others', () => {
    const chunks = new CopyChunks();
    const big = `${'文'.repeat(COPY_CHUNK_BYTES)}\n`;
    chunks.add('a\n');
    chunks.add(big);
    chunks.add('b\n');
    const out = chunks.finish();
    expect(out.map((c) => c.toString('utf8'))).toEqual(['a\n', big, 'b\n']);
  });

  it('has no chunk at all when no row was added', () => {
    expect(new CopyChunks().finish()).toEqual([]);
  });
});
