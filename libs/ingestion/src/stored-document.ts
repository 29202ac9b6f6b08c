/** Fields the validator derives from the line (instants as epoch ms); appended to the stored text. */
const DERIVED_FIELDS = ['tsMs', 'promo_starts_at_ms', 'countdown_ends_at_ms'] as const;
const USER_ID_KEY = '"user_id"';

/**
 * The validated record as stored JSON. Serialising a million records costs seconds of the
 * worker's CPU, so for an NDJSON line we reuse its text: the raw user id is swapped for its
 * pseudonym in place and the derived instants are appended (a later duplicate key wins on
 * parse, exactly as in the validated record). Whenever that cannot be proven to give the same
 * JSON value (CSV lines, an escaped or repeated user_id key, a document read from a file), it
 * falls back to JSON.stringify. The raw id cannot survive: the validator accepted `user_id` as a
 * string, the key occurs exactly once, and its whole string literal is replaced.
 */
export function storedDocument(raw: string, record: Record<string, unknown>): string {
  const text = raw.trimEnd();
  if (text.charCodeAt(0) !== 123 /* { */ || text.charCodeAt(text.length - 1) !== 125 /* } */ || 'path' in record) {
    return JSON.stringify(record);
  }
  let body = text.slice(0, -1);
  if (typeof record.user_id === 'string') {
    const swapped = swapUserId(body, record.user_id);
    if (swapped === null) return JSON.stringify(record);
    body = swapped;
  } else if (body.includes(USER_ID_KEY)) {
    return JSON.stringify(record);
  }
  let suffix = '';
  for (const field of DERIVED_FIELDS) {
    const value = record[field];
    if (typeof value === 'number') suffix += `,"${field}":${value}`;
  }
  return `${body}${suffix}}`;
}

/** Replaces the string literal after the only `"user_id":` key; null when that is not certain. */
function swapUserId(body: string, pseudonym: string): string | null {
  const at = body.indexOf(USER_ID_KEY);
  if (at < 0 || body.indexOf(USER_ID_KEY, at + USER_ID_KEY.length) >= 0) return null;
  let i = skipSpace(body, at + USER_ID_KEY.length);
  if (body[i] !== ':') return null;
  i = skipSpace(body, i + 1);
  if (body[i] !== '"') return null;
  // The closing quote: the next one not escaped (indexOf, not a loop per character: every line).
  let end = body.indexOf('"', i + 1);
  while (end !== -1 && isEscaped(body, end)) end = body.indexOf('"', end + 1);
  if (end === -1) return null;
  return body.slice(0, i) + JSON.stringify(pseudonym) + body.slice(end + 1);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function isEscaped(s: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && s.charCodeAt(at - backslashes - 1) === 92) backslashes++;
  return backslashes % 2 === 1;
}
