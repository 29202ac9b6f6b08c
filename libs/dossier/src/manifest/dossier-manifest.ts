import type { WrittenEntry } from '../zip/zip-writer';

export const MANIFEST_SCHEMA = 'fairmarket.dossier-manifest/v1';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const PUBLIC_KEY_PATH = 'public-key.pem';
export const LEAF_RULE =
  'RFC 6962 Merkle tree hash with SHA-256; one leaf per exhibit data row: the UTF-8 bytes of the CSV row without its CRLF; rows in exhibit order, then row order';

/** What manifest.json holds; signed as bytes, so any change to it breaks the signature. */
export interface DossierManifest {
  schema: typeof MANIFEST_SCHEMA;
  case: { number: string; title: string; rule_pack: string };
  generated_at: string;
  software: { name: string; version: string; node: string };
  parameters: Record<string, unknown>;
  /** Every file of the bundle except manifest.json, manifest.sig and public-key.pem. */
  files: WrittenEntry[];
  exhibits: ExhibitRecord[];
  merkle: { algorithm: string; leaves: number; root: string };
  signature: { algorithm: 'Ed25519'; file: string; public_key_file: string; public_key_spki_base64: string; key_id: string };
}

export interface ExhibitRecord {
  path: string;
  /** One hex leaf hash per data row, so a verifier can name the row that changed. */
  leaves_path: string;
  finding_id: string;
  rows: number;
  /** Rows whose line is not in the stored data (the finding cites it, the store does not have it). */
  missing_rows: number;
  /** Index of this exhibit's first row among all leaves. */
  first_leaf: number;
  merkle_root: string;
}
