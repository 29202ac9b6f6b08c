/**
 * The command-line flags of a benchmark: `--name value` or `--name` alone for a switch.
 * Unknown flags are refused so that a typo (`--event 1000000`) never silently benchmarks the
 * default size.
 */
export interface FlagSpec {
  /** Flags that take a value, with their help text. */
  values: Record<string, string>;
  /** Flags that are switches, with their help text. */
  switches: Record<string, string>;
}

export interface ParsedFlags {
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec, usage: string): ParsedFlags {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}": flags start with --\n${usage}\n${helpText(spec)}`);
    if (name in spec.switches) {
      switches.add(name);
    } else if (name in spec.values) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value (${spec.values[name]})`);
      values.set(name, value);
      i++;
    } else {
      throw new Error(`unknown flag --${name}\n${usage}\n${helpText(spec)}`);
    }
  }
  return { values, switches };
}

/** A positive number flag; accepts `1e6`, `1_000_000` and `1,000,000` for readability. */
export function positiveNumber(flags: ParsedFlags, name: string, fallback: number, integer = true): number {
  const raw = flags.values.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`);
  }
  return n;
}

function helpText(spec: FlagSpec): string {
  const lines = [
    ...Object.entries(spec.values).map(([name, help]) => `  --${name} <value>  ${help}`),
    ...Object.entries(spec.switches).map(([name, help]) => `  --${name}  ${help}`),
  ];
  return `flags:\n${lines.join('\n')}`;
}
