import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileKind } from '@fairmarket/contract';
import { generateDataset } from './generate-dataset';
import { generateInMemory } from './in-memory';
import type { Label, Scenario, ScenarioContext } from './scenario';
import type { DatasetSink } from './sinks/dataset-sink';
import { FileSink } from './sinks/file-sink';

const discard: DatasetSink = { write: () => undefined, writeLabels: () => undefined, close: async () => undefined };

function label(platformId: string, caseId: string): Label {
  return {
    case_id: caseId,
    detector: 'self_preferencing',
    kind: null,
    platform_id: platformId,
    match: { algorithm_id: `${platformId}-search` },
    expected: { cn: 'none', eu: 'none' },
    note: 'probe',
  };
}

/** A scenario that uses every part of the context and keeps what it saw. */
function probeScenario(name: string, seen: { draws: number[]; ctx?: ScenarioContext }): Scenario {
  return {
    name,
    detectors: ['self_preferencing'],
    plant(ctx) {
      seen.ctx = ctx;
      seen.draws = Array.from({ length: 5 }, () => ctx.rng.next());
      const platformId = ctx.newPlatform(`${name}-plat`);
      const merchantId = ctx.id(`${platformId}-m`);
      ctx.emit('merchants', { platform_id: platformId, merchant_id: merchantId, kind: 'self_operated' });
      ctx.label(label(platformId, `${name}-case`));
    },
  };
}

describe('generateDataset', () => {
  let dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function toFiles(seed: number): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'fm-gen-'));
    dirs.push(dir);
    const sink = new FileSink(dir);
    generateDataset({ seed, scale: 0.1, sink, scenarios: [probeScenario('probe', { draws: [] })] });
    await sink.close();
    return dir;
  }

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const a = await toFiles(11);
    const b = await toFiles(11);
    const c = await toFiles(12);
    const files = readdirSync(a).sort();
    expect(files).toContain('labels.json');
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f)))).toBe(true);
    expect(readFileSync(join(c, 'price_quotes.ndjson')).equals(readFileSync(join(a, 'price_quotes.ndjson')))).toBe(false);
    expect(readFileSync(join(c, 'impressions.ndjson')).equals(readFileSync(join(a, 'impressions.ndjson')))).toBe(false);
  }, 60_000);

  it('scales the event volumes with `scale` and keeps the catalogue fixed', () => {
    const small = generateDataset({ seed: 5, scale: 0.1, sink: discard, scenarios: [] }).counts;
    const large = generateDataset({ seed: 5, scale: 0.3, sink: discard, scenarios: [] }).counts;
    const ratio = (k: FileKind) => large[k] / small[k];
    expect(ratio('price_quotes')).toBeGreaterThan(2.7);
    expect(ratio('price_quotes')).toBeLessThan(3.3);
    expect(ratio('impressions')).toBeGreaterThan(2.7);
    expect(ratio('impressions')).toBeLessThan(3.3);
    expect(ratio('orders')).toBeGreaterThan(2.5);
    expect(large.skus).toBe(small.skus);
    expect(large.listings).toBeGreaterThanOrEqual(small.skus * 42);
    // The demo size: ~250k quotes at scale 1, ~40k requests per platform.
    expect(small.price_quotes).toBeGreaterThan(22_500);
    expect(small.price_quotes).toBeLessThan(27_500);
    expect(small.impressions).toBeGreaterThan(10_800);
    expect(small.impressions).toBeLessThan(13_200);
  }, 60_000);

  it('reports progress up to its total', () => {
    const calls: [number, number][] = [];
    generateDataset({ seed: 1, scale: 0.1, sink: discard, scenarios: [probeScenario('p', { draws: [] })], onProgress: (d, t) => calls.push([d, t]) });
    const [done, total] = calls[calls.length - 1];
    expect(done).toBe(total);
    expect(calls.every(([d], i) => d === i + 1)).toBe(true);
  }, 30_000);

  it('refuses a non-integer seed, a non-positive scale and duplicate scenario names', () => {
    expect(() => generateDataset({ seed: 1.5, scale: 1, sink: discard })).toThrow(/seed/);
    expect(() => generateDataset({ seed: 1, scale: 0, sink: discard })).toThrow(/scale/);
    const s = probeScenario('twin', { draws: [] });
    expect(() => generateDataset({ seed: 1, scale: 0.1, sink: discard, scenarios: [s, s] })).toThrow(/twin/);
  });
});

describe('the scenario context', () => {
  const seen = { draws: [] as number[], ctx: undefined as ScenarioContext | undefined };
  let raw: ReturnType<typeof generateInMemory>['raw'];
  let labels: Label[];

  beforeAll(() => {
    ({ raw, labels } = generateInMemory(21, 0.1, { scenarios: [probeScenario('probe', seen)] }));
  }, 30_000);

  it('gives the period, the background platforms and formatters in +08:00', () => {
    const ctx = seen.ctx!;
    expect(ctx.platformIds).toEqual(['p1', 'p2', 'p3']);
    expect(ctx.ts(ctx.startMs)).toBe('2026-03-01T00:00:00+08:00');
    expect(ctx.date(ctx.startMs + ctx.days * 86_400_000 - 1)).toBe('2026-04-11');
    expect(ctx.seed).toBe(21);
    expect(ctx.scale).toBe(0.1);
  });

  it('hands out the background users of a platform, as they appear in its logs', () => {
    const users = seen.ctx!.users('p1');
    expect(users.length).toBe(200);
    const quoted = new Set(raw.get('price_quotes').filter((q) => q.platform_id === 'p1').map((q) => q.user_id));
    expect(users.filter((u) => quoted.has(u.user_id)).length).toBeGreaterThan(150);
  });

  it('draws a fresh, correlated population for a scenario platform', () => {
    const ctx = seen.ctx!;
    const platformId = raw.get('merchants').find((m) => String(m.platform_id).startsWith('probe-plat'))!.platform_id as string;
    const users = ctx.users(platformId);
    expect(users.length).toBe(200);
    expect(users).toBe(ctx.users(platformId));
    expect(new Set(users.map((u) => u.user_id)).size).toBe(200);
    expect(Object.keys(users[0].traits).sort()).toEqual(Object.keys(ctx.users('p1')[0].traits).sort());
    expect(users.some((u) => ctx.users('p1').some((b) => b.user_id === u.user_id))).toBe(false);
  });

  it('keeps ids unique, and writes labels to the sink and the result', () => {
    const ctx = seen.ctx!;
    const ids = new Set(Array.from({ length: 100 }, () => ctx.id('p1-q')));
    expect(ids.size).toBe(100);
    expect(raw.get('price_quotes').filter((q) => ids.has(q.quote_id as string))).toEqual([]);
    expect(labels.map((l) => l.case_id)).toEqual(['probe-case']);
    expect(raw.labels).toEqual(labels);
  });

  it('refuses records and labels that point nowhere or twice', () => {
    const ctx = seen.ctx!;
    expect(() => ctx.emit('merchants', { platform_id: 'nowhere', merchant_id: 'm', kind: 'third_party' })).toThrow(/newPlatform/);
    expect(() => ctx.users('nowhere')).toThrow(/unknown platform "nowhere"/);
    expect(() => ctx.label(label('p1', 'probe-case'))).toThrow(/used twice/);
    expect(() => ctx.label({ ...label('p1', 'other'), detector: 'fake_promotion' })).toThrow(/declares detectors/);
  });

  it('gives each scenario its own random stream, whatever runs before it', () => {
    const alone = { draws: [] as number[] };
    const after = { draws: [] as number[] };
    generateDataset({ seed: 3, scale: 0.1, sink: discard, scenarios: [probeScenario('b', alone)] });
    generateDataset({ seed: 3, scale: 0.1, sink: discard, scenarios: [probeScenario('a', { draws: [] }), probeScenario('b', after)] });
    expect(after.draws).toEqual(alone.draws);
  }, 30_000);
});
