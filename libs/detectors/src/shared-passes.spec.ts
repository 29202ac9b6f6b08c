import type { EventsByKind, FileKind, Merchant } from '@fairmarket/contract';
import type { DatasetSource } from './detector';
import { batchesOf, SharedPasses } from './shared-passes';
import { MemorySource } from './testing/memory-source';

/** A MemorySource that counts how often each kind is read, and can fail a read midway. */
class CountingSource implements DatasetSource {
  readonly reads = new Map<FileKind, number>();
  constructor(
    private readonly inner: MemorySource,
    private readonly failAfter: number | null = null,
  ) {}

  kinds(): ReadonlySet<FileKind> {
    return this.inner.kinds();
  }

  async *rows<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K]> {
    this.reads.set(kind, (this.reads.get(kind) ?? 0) + 1);
    let n = 0;
    for await (const row of this.inner.rows(kind)) {
      if (this.failAfter !== null && n++ === this.failAfter) throw new Error(`disk gone while reading ${kind}`);
      yield row;
    }
  }
}

const merchants = (n: number): Merchant[] =>
  Array.from({ length: n }, (_, i) => ({ platform_id: 'p1', merchant_id: `m${i}`, name: `M${i}`, kind: 'third_party' }) as Merchant);

async function ids(source: DatasetSource, kind: 'merchants' | 'skus'): Promise<string[]> {
  const out: string[] = [];
  for await (const row of source.rows(kind)) out.push(kind === 'merchants' ? row.merchant_id : (row as { sku_id: string }).sku_id);
  return out;
}

describe('SharedPasses', () => {
  const data = { merchants: merchants(1500), skus: [{ platform_id: 'p1', sku_id: 's1', merchant_id: 'm0' }] as EventsByKind['skus'][] };
  const expected = data.merchants.map((m) => m.merchant_id);

  it('feeds every detector waiting for a kind from one read of it, in the order the source gave', async () => {
    const source = new CountingSource(new MemorySource(data));
    const results = await new SharedPasses(source).run([(s) => ids(s, 'merchants'), (s) => ids(s, 'merchants'), (s) => ids(s, 'merchants')]);
    expect(results).toEqual([expected, expected, expected]);
    expect(source.reads.get('merchants')).toBe(1);
  });

  it('reads kinds in READ_ORDER, so a detector that reads an earlier kind first still shares the later read', async () => {
    const source = new CountingSource(new MemorySource(data));
    const [a, b] = await new SharedPasses(source).run([
      async (s) => [...(await ids(s, 'merchants')), ...(await ids(s, 'skus'))],
      (s) => ids(s, 'skus'),
    ]);
    expect(a).toEqual([...expected, 's1']);
    expect(b).toEqual(['s1']);
    expect(source.reads.get('merchants')).toBe(1);
    expect(source.reads.get('skus')).toBe(1);
  });

  it('reads a kind again for a detector that makes a second pass, with the same rows', async () => {
    const source = new CountingSource(new MemorySource(data));
    const [twice, once] = await new SharedPasses(source).run<unknown>([
      async (s) => [await ids(s, 'merchants'), await ids(s, 'merchants')],
      (s) => ids(s, 'merchants'),
    ]);
    expect(twice).toEqual([expected, expected]);
    expect(once).toEqual(expected);
    expect(source.reads.get('merchants')).toBe(2);
  });

  it('lets a detector leave a read early without holding the others back', async () => {
    const source = new CountingSource(new MemorySource(data));
    const firstOnly = async (s: DatasetSource) => {
      for await (const m of s.rows('merchants')) return [m.merchant_id];
      return [];
    };
    const results = await new SharedPasses(source).run([firstOnly, (s) => ids(s, 'merchants')]);
    expect(results).toEqual([['m0'], expected]);
  });

  it('fails every detector of a read that fails, and the run with them', async () => {
    const source = new CountingSource(new MemorySource(data), 700);
    await expect(new SharedPasses(source).run([(s) => ids(s, 'merchants'), (s) => ids(s, 'merchants')])).rejects.toThrow(
      'disk gone while reading merchants',
    );
  });

  it('hands a detector asking for arrays the same rows, one array per batch of the shared read', async () => {
    const source = new CountingSource(new MemorySource(data));
    const [arrays, rows] = (await new SharedPasses(source).run<unknown>([
      async (view) => {
        const sizes: number[] = [];
        const seen: string[] = [];
        for await (const batch of batchesOf(view, 'merchants')) {
          sizes.push(batch.length);
          seen.push(...batch.map((m) => m.merchant_id));
        }
        return { sizes, seen };
      },
      (view) => ids(view, 'merchants'),
    ])) as [{ sizes: number[]; seen: string[] }, string[]];
    expect(arrays.seen).toEqual(expected);
    expect(rows).toEqual(expected);
    expect(arrays.sizes).toEqual([512, 512, 476]);
    expect(source.reads.get('merchants')).toBe(1);
  });
});

describe('batchesOf', () => {
  it("uses a source's own arrays when it has them", async () => {
    const own = [[{ merchant_id: 'a' }], [{ merchant_id: 'b' }, { merchant_id: 'c' }]] as EventsByKind['merchants'][][];
    const source: DatasetSource = {
      kinds: () => new Set<FileKind>(['merchants']),
      rows: () => {
        throw new Error('rows must not be read when batches exist');
      },
      batches: async function* <K extends FileKind>() {
        yield* own as unknown as EventsByKind[K][][];
      },
    };
    const got: EventsByKind['merchants'][][] = [];
    for await (const batch of batchesOf(source, 'merchants')) got.push(batch);
    expect(got).toEqual(own);
  });
});
