import { EMPTY_ROOT, inclusionProof, leafHash, merkleRoot, rootFromInclusionProof } from './rfc6962';
import { StreamingMerkle } from './streaming-merkle';

// The reference inputs and tree heads of RFC 6962's reference implementation (Certificate
// Transparency's merkle tree tests): leaf i is the i-th byte string, root n the tree of the first n.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// Audit paths from the same reference: (leaf index, tree size, path).
const PATHS: [number, number, string[]][] = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];
const hex = (b: Buffer) => b.toString('hex');

describe('RFC 6962 Merkle tree hash', () => {
  const hashes = LEAVES.map(leafHash);

  it('gives the reference root for every tree size 0..8', () => {
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(`${n}:${hex(merkleRoot(hashes.slice(0, n)))}`).toBe(`${n}:${ROOTS[n]}`);
  });

  it('streams to the same root as the recursive definition, for every size up to 70', () => {
    const many = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`row ${i}`)));
    for (let n = 0; n <= many.length; n++) {
      const s = new StreamingMerkle();
      many.slice(0, n).forEach((h) => s.add(h));
      expect(hex(s.root())).toBe(hex(merkleRoot(many.slice(0, n))));
    }
    const s = new StreamingMerkle();
    hashes.forEach((h) => s.add(h));
    expect(hex(s.root())).toBe(ROOTS[8]);
  });

  it('gives the reference audit paths, and they lead back to the root', () => {
    for (const [m, n, path] of PATHS) {
      const proof = inclusionProof(m, hashes.slice(0, n));
      expect(proof.map(hex)).toEqual(path);
      expect(hex(rootFromInclusionProof(m, n, hashes[m], proof))).toBe(ROOTS[n]);
    }
  });

  it('changes the root when one leaf byte changes', () => {
    const changed = [...LEAVES.slice(0, 7), Buffer.from('606162636465666768696a6b6c6d6e6e', 'hex')].map(leafHash);
    expect(hex(merkleRoot(changed))).not.toBe(ROOTS[8]);
  });
});
