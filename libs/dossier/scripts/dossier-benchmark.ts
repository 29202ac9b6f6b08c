/**
 * Benchmark of issue 6: a case with 100,000 evidence rows, streamed into a signed dossier, then
 * verified. Prints time and peak resident memory of each step.
 *   npm run -s build && node dist/libs/dossier/scripts/dossier-benchmark.js [rows] [out.zip]
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@fairmarket/contract';
import { buildDossier, newSigningKeyPem, verifyDossier, type EvidenceRow } from '@fairmarket/dossier';
import { sampleFinding, sampleInput } from '../src/testing/dossier-fixture';

const ROWS = Number(process.argv[2] ?? 100_000);
const OUT = process.argv[3] ?? join(tmpdir(), `fm-dossier-bench-${process.pid}.zip`);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

/** Rows made on the fly, as a database cursor would yield them: nothing is kept. */
async function* rows(finding: Finding): AsyncGenerator<EvidenceRow> {
  const half = Math.floor(ROWS / 2);
  const n = finding.id === 'bench-1' ? half : ROWS - half;
  const t0 = Date.parse('2026-01-01T00:00:00+08:00');
  for (let i = 0; i < n; i++) {
    const ts = new Date(t0 + i * 60_000).toISOString();
    const listing = i % 4 === 0;
    const id = `${finding.id}-${listing ? 'l' : 'o'}-${i}`;
    const doc = listing
      ? { platform_id: 'p1', snapshot_id: id, ts, sku_id: 's1', merchant_id: 'm1', displayed_price: 9900 + (i % 50), reference_price: 12900 }
      : { platform_id: 'p1', order_id: id, ts, sku_id: 's1', merchant_id: 'm1', quantity: 1, unit_price: 9800 + (i % 70), currency: 'CNY' };
    yield { file: listing ? 'listings' : 'orders', natural_id: id, line_no: i + 1, line_hash: createHash('sha256').update(id).digest('hex'), doc, note: 'row behind the finding' };
  }
}

async function main(): Promise<void> {
  const findings = [sampleFinding('bench-1'), sampleFinding('bench-2', { detector: 'below_cost_pricing', kind: null, metrics: { mean_variable_cost: 9900, mean_total_cost: 10500 } })];
  const key = createPrivateKey(newSigningKeyPem());
  const started = process.hrtime.bigint();
  const built = await buildDossier(sampleInput(findings), rows, { out: OUT, signingKey: key });
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const buildPeak = peak;
  const size = (await stat(OUT)).size;
  const vStart = process.hrtime.bigint();
  const result = verifyDossier(await readFile(OUT));
  const verifyMs = Number(process.hrtime.bigint() - vStart) / 1e6;
  clearInterval(sampler);
  console.log(
    JSON.stringify(
      {
        rows: built.manifest.merkle.leaves,
        bundle: OUT,
        bundle_bytes: size,
        build_ms: Math.round(buildMs),
        build_rows_per_s: Math.round(built.manifest.merkle.leaves / (buildMs / 1000)),
        build_peak_rss: mb(buildPeak),
        verify_ms: Math.round(verifyMs),
        verify_peak_rss: mb(peak),
        verified: result.ok,
        merkle_root: built.manifest.merkle.root,
      },
      null,
      2,
    ),
  );
  if (!result.ok) process.exitCode = 1;
}

main();
