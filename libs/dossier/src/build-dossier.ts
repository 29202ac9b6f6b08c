import type { KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '@fairmarket/contract';
import { chartCollectorFor } from './charts/allegation-charts';
import type { Chart } from './charts/chart';
import type { DossierInput, EvidenceRow, EvidenceRowSource } from './dossier-input';
import { csvRow } from './exhibits/csv-cell';
import { EXHIBIT_COLUMNS } from './exhibit-columns';
import { LEAF_RULE, MANIFEST_PATH, MANIFEST_SCHEMA, PUBLIC_KEY_PATH, SIGNATURE_PATH, type DossierManifest, type ExhibitRecord } from './manifest/dossier-manifest';
import { publicKeyInfo, signManifest } from './manifest/signing';
import { leafHash } from './merkle/rfc6962';
import { StreamingMerkle } from './merkle/streaming-merkle';
import { renderDossierPdf } from './pdf/dossier-pdf';
import { softwareVersion } from './software-version';
import { METHOD_STORE } from './zip/zip-format';
import { ZipWriter, type WrittenEntry } from './zip/zip-writer';


export interface DossierProgress {
  phase: 'exhibits' | 'pdf' | 'manifest' | 'done';
  rows: number;
  /** Rows expected (the findings' evidence counts), when known. */
  expected_rows: number;
  allegation?: number;
}

export interface BuildDossierOptions {
  out: string;
  signingKey: KeyObject;
  onProgress?: (p: DossierProgress) => void | Promise<void>;
  /** Rows between progress reports. */
  progressEvery?: number;
  now?: Date;
}

export interface BuiltDossier {
  path: string;
  bytes: number;
  manifest: DossierManifest;
}

/**
 * Writes a dossier bundle: one CSV exhibit per allegation (streamed from `rows`, hashed into
 * the RFC 6962 tree as it goes), dossier.pdf, and the manifest with its Ed25519 signature.
 * Written to a temporary name and renamed, so a reader never sees half a bundle.
 */
export async function buildDossier(input: DossierInput, rows: EvidenceRowSource, options: BuildDossierOptions): Promise<BuiltDossier> {
  const generatedAt = (options.now ?? new Date()).toISOString();
  const key = publicKeyInfo(options.signingKey);
  await mkdir(dirname(options.out), { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'fm-dossier-'));
  const partial = `${options.out}.partial`;
  try {
    const zip = new ZipWriter(createWriteStream(partial));
    const files: WrittenEntry[] = [];
    const exhibits: (ExhibitRecord & { sha256: string })[] = [];
    const charts = new Map<string, Chart[]>();
    const merkle = new StreamingMerkle();
    const expected = input.allegations.reduce((n, f) => n + f.evidence.length, 0);
    const every = options.progressEvery ?? 5000;
    let done = 0;
    for (const [i, finding] of input.allegations.entries()) {
      const base = `exhibits/${String(i + 1).padStart(2, '0')}-${safeName(finding.id)}`;
      const leavesFile = join(scratch, `${i}.leaves`);
      const leaves = createWriteStream(leavesFile);
      const exhibitMerkle = new StreamingMerkle();
      const collector = chartCollectorFor(finding);
      const firstLeaf = merkle.size;
      let count = 0;
      let missing = 0;
      async function* lines(): AsyncGenerator<string> {
        yield `${csvRow(EXHIBIT_COLUMNS)}\r\n`;
        for await (const row of rows(finding)) {
          count++;
          if (!row.doc) missing++;
          collector.add(row);
          const line = exhibitLine(count, finding, row);
          const leaf = leafHash(Buffer.from(line, 'utf8'));
          merkle.add(leaf);
          exhibitMerkle.add(leaf);
          if (!leaves.write(`${leaf.toString('hex')}\n`)) await new Promise<void>((r) => leaves.once('drain', () => r()));
          if (++done % every === 0) await options.onProgress?.({ phase: 'exhibits', rows: done, expected_rows: expected, allegation: i + 1 });
          yield `${line}\r\n`;
        }
      }
      const exhibit = await zip.add(`${base}.csv`, lines());
      await new Promise<void>((resolve, reject) => leaves.end((error?: Error | null) => (error ? reject(error) : resolve())));
      const leavesEntry = await zip.add(`${base}.leaves`, createReadStream(leavesFile));
      files.push(exhibit, leavesEntry);
      exhibits.push({ path: exhibit.path, leaves_path: leavesEntry.path, finding_id: finding.id, rows: count, missing_rows: missing, first_leaf: firstLeaf, merkle_root: exhibitMerkle.root().toString('hex'), sha256: exhibit.sha256 });
      charts.set(finding.id, collector.charts());
      await options.onProgress?.({ phase: 'exhibits', rows: done, expected_rows: expected, allegation: i + 1 });
    }
    await options.onProgress?.({ phase: 'pdf', rows: done, expected_rows: expected });
    const root = merkle.root().toString('hex');
    const pdf = renderDossierPdf({ input, generatedAt, exhibits, charts, merkleRoot: root, keyId: key.key_id });
    files.push(await zip.add('dossier.pdf', pdf));
    await options.onProgress?.({ phase: 'manifest', rows: done, expected_rows: expected });
    const manifest: DossierManifest = {
      schema: MANIFEST_SCHEMA,
      case: { number: input.case.number, title: input.case.title, rule_pack: input.case.rule_pack },
      generated_at: generatedAt,
      software: softwareVersion(),
      parameters: input.parameters,
      files,
      exhibits: exhibits.map(({ sha256: _sha, ...e }) => e),
      merkle: { algorithm: LEAF_RULE, leaves: merkle.size, root },
      signature: { algorithm: 'Ed25519', file: SIGNATURE_PATH, public_key_file: PUBLIC_KEY_PATH, public_key_spki_base64: key.spki_base64, key_id: key.key_id },
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await zip.add(MANIFEST_PATH, [manifestBytes], METHOD_STORE);
    await zip.add(SIGNATURE_PATH, [Buffer.from(`${signManifest(manifestBytes, options.signingKey).toString('base64')}\n`)], METHOD_STORE);
    await zip.add(PUBLIC_KEY_PATH, [Buffer.from(key.pem)], METHOD_STORE);
    const bytes = await zip.finish();
    await rename(partial, options.out);
    await options.onProgress?.({ phase: 'done', rows: done, expected_rows: expected });
    return { path: options.out, bytes, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** One exhibit row: the exact bytes that become a Merkle leaf. */
export function exhibitLine(row: number, finding: Finding, e: EvidenceRow): string {
  return csvRow([row, finding.id, e.file, e.natural_id, e.line_no ?? '', e.line_hash, e.doc ? 'stored' : 'missing', e.note ?? '', e.doc ?? '']);
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
}
