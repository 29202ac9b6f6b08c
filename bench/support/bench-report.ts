import { availableParallelism, loadavg } from 'node:os';

/**
 * How benchmarks print: progress on stderr as they go, then on stdout a compact table and a
 * one-line JSON summary (prefixed `BENCH_SUMMARY`) that notes and CI logs can grep.
 */
export function say(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en') : cell)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

/** Before the benchmark starts its own processes: what the rest of the machine is doing. */
const LOAD_AT_START = loadavg()[0];

/**
 * Prints the table and the summary line. The machine's load average and core count go into
 * the summary: on a shared machine another process's load changes every figure, and a reader
 * must be able to tell.
 */
export function printSummary(table: string, summary: Record<string, unknown>): void {
  const machine = { cores: availableParallelism(), load_at_start: round(LOAD_AT_START, 1), load_at_end: round(loadavg()[0], 1), node: process.version };
  process.stdout.write(
    `\n${table}machine: ${machine.cores} cores, 1-minute load average ${machine.load_at_start} at start (others), ${machine.load_at_end} at end\n` +
      `\nBENCH_SUMMARY ${JSON.stringify({ ...summary, ...machine })}\n`,
  );
}

/** Seconds since a `process.hrtime.bigint()` mark. */
export function secondsSince(mark: bigint): number {
  return Number(process.hrtime.bigint() - mark) / 1e9;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
