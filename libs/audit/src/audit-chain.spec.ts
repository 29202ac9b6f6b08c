import { GENESIS_HASH, canonicalJson, entryHash, verifyChain, type AuditEntry } from './audit-chain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), actor_id: null, actor_role: 'regulator', action: 'alert.status', subject_type: 'alert', subject_id: `a${seq}`, detail: { to: 'triaged', n: seq }, prev_hash: prev };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5, first_broken: null });
  });

  it('names the first entry whose contents changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], detail: { to: 'closed', n: 3 } };
    expect(verifyChain(entries).first_broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/changed/) });
  });

  it('names a re-hashed entry by its broken link to the next one', () => {
    const entries = chain(5);
    const forged = { ...entries[1], action: 'forged' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(entries).first_broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/prev_hash/) });
  });

  it('names a deleted entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain(entries).first_broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/entry 2 is missing/) });
  });

  it('hashes independently of key order and timestamp formatting', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    const [e] = chain(1);
    expect(entryHash({ ...e, at: '2026-01-01T08:00:01+08:00' })).toBe(e.hash);
  });
});
