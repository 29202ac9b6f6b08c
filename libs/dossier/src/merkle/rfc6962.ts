import { createHash } from 'node:crypto';

/**
 * The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency), with SHA-256. A leaf is
 * hashed with a 0x00 prefix and an interior node with 0x01, so a leaf can never pass for a
 * node. The dossier's exhibit rows are the leaves; any auditor can recompute the root with any
 * RFC 6962 implementation.
 */
export const EMPTY_ROOT = createHash('sha256').digest();

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** MTH(D[n]) of the RFC, recursively over leaf hashes: the reference the streaming form is tested against. */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  const n = leafHashes.length;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return Buffer.from(leafHashes[0]);
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(merkleRoot(leafHashes.slice(0, k)), merkleRoot(leafHashes.slice(k)));
}

/** The largest power of two strictly less than n (n >= 2), the split point of the RFC. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The audit path of RFC 6962 §2.1.1 for leaf m in a tree of the given leaves. */
export function inclusionProof(m: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  const n = leafHashes.length;
  if (m < 0 || m >= n) throw new Error(`leaf index ${m} is outside a tree of ${n} leaves`);
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...inclusionProof(m, leafHashes.slice(0, k)), merkleRoot(leafHashes.slice(k))]
    : [...inclusionProof(m - k, leafHashes.slice(k)), merkleRoot(leafHashes.slice(0, k))];
}

/** Recomputes the root from a leaf and its audit path (RFC 9162 §2.1.3.2), to check a single row offline. */
export function rootFromInclusionProof(m: number, n: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Buffer {
  if (m < 0 || m >= n) throw new Error(`leaf index ${m} is outside a tree of ${n} leaves`);
  let fn = m;
  let sn = n - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) throw new Error('the audit path is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn !== 0) throw new Error('the audit path is shorter than the tree is deep');
  return r;
}
