/**
 * A 32-bit FNV-1a hash of a string. Samples are chosen by hash ("keep the k rows with the
 * smallest hash") rather than by arrival, so that which rows are kept does not depend on
 * the order rows arrive in nor on how a dataset was split between workers.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Total order on (hash, key): ties between equal hashes are broken by the key itself. */
export function compareHashed(aHash: number, aKey: string, bHash: number, bKey: string): number {
  if (aHash !== bHash) return aHash - bHash;
  return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
}
