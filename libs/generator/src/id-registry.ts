const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
const MAX_ID_LENGTH = 128;

/**
 * Hands out ids `${prefix}-${n}` with one counter per prefix. The background and every
 * scenario draw from the same registry, so two of them asking for the same prefix still get
 * different ids, and the mapping (prefix, n) → id is one-to-one because n has no hyphen.
 */
export class IdRegistry {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    if (!ID_PATTERN.test(prefix)) {
      throw new Error(`id prefix "${prefix}" may only use [A-Za-z0-9._:-]: choose a prefix without other characters`);
    }
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const id = `${prefix}-${n}`;
    if (id.length > MAX_ID_LENGTH) {
      throw new Error(`id "${id.slice(0, 40)}…" is longer than ${MAX_ID_LENGTH} characters: use a shorter prefix`);
    }
    return id;
  }
}
