import { createHmac } from 'node:crypto';
import { Pseudonymizer } from './pseudonymizer';

const KEY = 'test-key-0123456789abcdef';

describe('Pseudonymizer', () => {
  it('is HMAC-SHA256 of the raw id, u_ and 32 hex characters', () => {
    const expected = 'u_' + createHmac('sha256', KEY).update('u-88').digest('hex').slice(0, 32);
    expect(new Pseudonymizer(KEY).pseudonymize('u-88')).toBe(expected);
    expect(expected).toMatch(/^u_[0-9a-f]{32}$/);
  });

  it('gives the same pseudonym for the same id and key, across instances', () => {
    expect(new Pseudonymizer(KEY).pseudonymize('u-88')).toBe(new Pseudonymizer(Buffer.from(KEY)).pseudonymize('u-88'));
  });

  it('gives different pseudonyms for different keys and for different ids', () => {
    const a = new Pseudonymizer(KEY);
    const b = new Pseudonymizer(KEY + 'x');
    expect(a.pseudonymize('u-88')).not.toBe(b.pseudonymize('u-88'));
    expect(a.pseudonymize('u-88')).not.toBe(a.pseudonymize('u-89'));
  });

  it('refuses a key shorter than 16 bytes, saying how long it must be', () => {
    expect(() => new Pseudonymizer('short-key')).toThrow(/at least 16 bytes/);
    expect(() => new Pseudonymizer(Buffer.alloc(15))).toThrow(/15 bytes/);
    expect(() => new Pseudonymizer(Buffer.alloc(16))).not.toThrow();
  });

  it('keeps answering correctly after its bounded cache is cleared', () => {
    const small = new Pseudonymizer(KEY, 3);
    const reference = new Pseudonymizer(KEY);
    for (let i = 0; i < 10; i++) {
      expect(small.pseudonymize(`u-${i % 5}`)).toBe(reference.pseudonymize(`u-${i % 5}`));
    }
    expect((small as unknown as { cache: Map<string, string> }).cache.size).toBeLessThanOrEqual(3);
  });

  it('works when its method is passed on unbound', () => {
    const { pseudonymize } = new Pseudonymizer(KEY);
    expect(pseudonymize('u-1')).toMatch(/^u_[0-9a-f]{32}$/);
  });
});
