/**
 * PostgreSQL COPY text format: one row per line, tab-separated, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped inside values.
 */
const SPECIAL = /[\\\t\n\r]/;

export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const s = typeof value === 'number' ? String(value) : value;
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A bytea value in COPY text: `\\x` + hex (the backslash itself escaped for COPY). */
export function copyBytea(hex: string): string {
  return `\\\\x${hex}`;
}

export function copyRow(values: readonly string[]): string {
  return values.join('\t') + '\n';
}
