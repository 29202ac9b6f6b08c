import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Shorter keys make the pseudonyms guessable by hashing candidate user ids. */
export const MIN_PSEUDONYMIZATION_KEY_BYTES = 16;
/** A hot set of users recurs millions of times; clearing at this size bounds memory (~40 MB). */
const DEFAULT_CACHE_LIMIT = 200_000;

/**
 * Replaces raw user ids by keyed pseudonyms: `u_` + the first 32 hex characters (128 bits) of
 * HMAC-SHA256(key, raw id). The same key gives the same pseudonym on every run and machine,
 * so a re-ingestion joins up, while without the key the raw id cannot be recovered or tested.
 *
 * The raw id is only held as a key of the in-memory cache, which is never written anywhere.
 * `pseudonymize` is a bound property, so it can be passed on as `{ pseudonymize: p.pseudonymize }`.
 */
export class Pseudonymizer {
  private readonly key: KeyObject;
  private readonly cache = new Map<string, string>();

  constructor(
    key: string | Buffer,
    private readonly cacheLimit = DEFAULT_CACHE_LIMIT,
  ) {
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    if (bytes.length < MIN_PSEUDONYMIZATION_KEY_BYTES) {
      throw new Error(
        `pseudonymization key is ${bytes.length} bytes; it must be at least ${MIN_PSEUDONYMIZATION_KEY_BYTES} bytes ` +
          '(use a random secret, e.g. the output of `openssl rand -hex 32`)',
      );
    }
    this.key = createSecretKey(Buffer.from(bytes));
  }

  readonly pseudonymize = (userId: string): string => {
    let pseudonym = this.cache.get(userId);
    if (pseudonym === undefined) {
      pseudonym = 'u_' + createHmac('sha256', this.key).update(userId, 'utf8').digest('hex').slice(0, 32);
      if (this.cache.size >= this.cacheLimit) this.cache.clear();
      this.cache.set(userId, pseudonym);
    }
    return pseudonym;
  };
}
