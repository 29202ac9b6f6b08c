import { EMPTY_ROOT, nodeHash } from './rfc6962';

/**
 * The RFC 6962 root computed leaf by leaf in O(log n) memory, so a dossier of millions of
 * exhibit rows never holds them. The stack keeps the roots of complete subtrees, largest
 * first; folding it from the right gives exactly the RFC's split at the largest power of two.
 */
export class StreamingMerkle {
  private readonly stack: { size: number; hash: Buffer }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(leafHash: Buffer): void {
    let node = { size: 1, hash: leafHash };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}
