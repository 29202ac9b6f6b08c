import { createHash } from 'node:crypto';
import { EXHIBIT_COLUMNS } from './exhibit-columns';
import { MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, type DossierManifest } from './manifest/dossier-manifest';
import { publicKeyInfo, verifyManifestSignature } from './manifest/signing';
import { leafHash } from './merkle/rfc6962';
import { StreamingMerkle } from './merkle/streaming-merkle';
import { entryContent, readCanonicalZip, type ReadEntry } from './zip/zip-reader';
import { createPublicKey } from 'node:crypto';

export interface DossierProblem {
  /** The file of the bundle that changed, or `(archive)` for the ZIP structure itself. */
  file: string;
  /** 1-based data row of an exhibit (the header is row 0), when one row is to blame. */
  row?: number;
  natural_id?: string;
  what: string;
}

export interface DossierVerification {
  ok: boolean;
  case_number?: string;
  generated_at?: string;
  key_id?: string;
  /** Whether the signing key equals the one the caller trusts (null when no key was pinned). */
  key_trusted: boolean | null;
  files_checked: number;
  rows_checked: number;
  merkle_root?: string;
  problems: DossierProblem[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const META = new Set([MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH]);

/**
 * Checks a dossier bundle offline with node:crypto alone: the ZIP layout byte for byte, the
 * Ed25519 signature over manifest.json, every file's size and SHA-256 (content and stored
 * bytes), each exhibit row against its recorded leaf hash, and the RFC 6962 roots. Every
 * problem names the file, and for exhibits the row, that changed.
 */
export function verifyDossier(bytes: Buffer, options: { trustedPublicKeyPem?: string } = {}): DossierVerification {
  const result: DossierVerification = { ok: false, key_trusted: null, files_checked: 0, rows_checked: 0, problems: [] };
  const { entries, problems } = readCanonicalZip(bytes);
  result.problems.push(...problems);
  if (entries.length === 0) return result;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const content = (name: string): Buffer | null => {
    const entry = byName.get(name);
    if (!entry) {
      result.problems.push({ file: name, what: 'is missing from the bundle' });
      return null;
    }
    const { content: c, error } = entryContent(entry);
    if (error) result.problems.push({ file: name, what: error });
    return c ?? null;
  };

  const manifestBytes = content(MANIFEST_PATH);
  const signature = content(SIGNATURE_PATH);
  const publicKeyPem = content(PUBLIC_KEY_PATH);
  if (!manifestBytes) return result;
  let manifest: DossierManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as DossierManifest;
  } catch {
    result.problems.push({ file: MANIFEST_PATH, what: 'is not valid JSON any more: it was changed' });
    return result;
  }
  result.case_number = manifest.case?.number;
  result.generated_at = manifest.generated_at;
  result.key_id = manifest.signature?.key_id;
  const spki = manifest.signature?.public_key_spki_base64 ?? '';
  if (!signature || !verifyManifestSignature(manifestBytes, Buffer.from(signature.toString('utf8').trim(), 'base64'), spki)) {
    result.problems.push({ file: signature ? MANIFEST_PATH : SIGNATURE_PATH, what: 'the Ed25519 signature does not match manifest.json: manifest.json or manifest.sig was changed' });
  }
  if (publicKeyPem && !samePublicKey(publicKeyPem.toString('utf8'), spki)) {
    result.problems.push({ file: PUBLIC_KEY_PATH, what: 'is not the key named in manifest.json' });
  }
  if (options.trustedPublicKeyPem) result.key_trusted = samePublicKey(options.trustedPublicKeyPem, spki);
  if (result.key_trusted === false) result.problems.push({ file: MANIFEST_PATH, what: 'is signed by another key than the one you trust (--public-key)' });

  const listed = new Set<string>();
  const contents = new Map<string, Buffer>();
  for (const f of manifest.files ?? []) {
    listed.add(f.path);
    const entry = byName.get(f.path);
    result.files_checked++;
    if (!entry) {
      result.problems.push({ file: f.path, what: 'is listed in manifest.json but missing from the bundle' });
      continue;
    }
    if (sha256(entry.raw) !== f.stored.sha256 || entry.raw.length !== f.stored.size) {
      result.problems.push({ file: f.path, what: 'its stored (compressed) bytes differ from manifest.json' });
    }
    const c = content(f.path);
    if (!c) continue;
    contents.set(f.path, c);
    if (c.length !== f.size || sha256(c) !== f.sha256) result.problems.push({ file: f.path, what: `its content differs from manifest.json (SHA-256 ${sha256(c)}, expected ${f.sha256})` });
  }
  for (const e of entries) if (!listed.has(e.name) && !META.has(e.name)) result.problems.push({ file: e.name, what: 'is not listed in manifest.json: it was added' });

  const all = new StreamingMerkle();
  for (const x of manifest.exhibits ?? []) {
    const csv = contents.get(x.path);
    const leaves = contents.get(x.leaves_path);
    if (!csv) continue;
    const recorded = leaves ? leaves.toString('utf8').split('\n').filter(Boolean) : [];
    const own = new StreamingMerkle();
    const rows = splitRows(csv);
    if (rows.header !== EXHIBIT_COLUMNS.join(',')) result.problems.push({ file: x.path, row: 0, what: 'the header row was changed' });
    rows.lines.forEach((line, i) => {
      const leaf = leafHash(Buffer.from(line, 'utf8'));
      own.add(leaf);
      all.add(leaf);
      result.rows_checked++;
      if (leaves && recorded[i] !== leaf.toString('hex')) {
        result.problems.push({ file: x.path, row: i + 1, natural_id: naturalIdOf(line), what: recorded[i] === undefined ? 'this row was added' : 'this row was changed' });
      }
    });
    if (leaves && recorded.length > rows.lines.length) result.problems.push({ file: x.path, row: rows.lines.length + 1, what: `${recorded.length - rows.lines.length} row(s) were removed from the end` });
    if (rows.lines.length !== x.rows) result.problems.push({ file: x.path, what: `has ${rows.lines.length} rows, manifest.json says ${x.rows}` });
    if (own.root().toString('hex') !== x.merkle_root) result.problems.push({ file: x.path, what: "its rows' Merkle root differs from manifest.json" });
  }
  result.merkle_root = all.root().toString('hex');
  if (manifest.merkle && result.merkle_root !== manifest.merkle.root) result.problems.push({ file: MANIFEST_PATH, what: `the Merkle root over all exhibit rows is ${result.merkle_root}, manifest.json says ${manifest.merkle.root}` });
  result.ok = result.problems.length === 0;
  return result;
}

function samePublicKey(pem: string, spkiBase64: string): boolean {
  try {
    return publicKeyInfo(createPublicKey(pem)).spki_base64 === spkiBase64;
  } catch {
    return false;
  }
}

/** Exhibit rows are single physical lines ending in CRLF: JSON escapes line breaks in the doc cell. */
function splitRows(csv: Buffer): { header: string; lines: string[] } {
  const text = csv.toString('utf8');
  const all = text.endsWith('\r\n') ? text.slice(0, -2).split('\r\n') : text.split('\r\n');
  return { header: all[0] ?? '', lines: all.slice(1) };
}

function naturalIdOf(line: string): string | undefined {
  const cells = line.split(',');
  return cells[3]?.replace(/^"|"$/g, '') || undefined;
}

export type { ReadEntry };
