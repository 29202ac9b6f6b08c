import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Pseudonymizer, readDatasetFile } from '@fairmarket/contract';
import { encodeEventRow } from '../../libs/ingestion/src/encode-event-row';
import { EVENT_TABLES, copyColumns } from '../../libs/persistence/src/events/event-tables';
import type { BenchEnvironment } from './bench-environment';
import { readProcCpuSeconds } from './proc-cpu';

const TABLE = EVENT_TABLES.price_quotes;
export const BASELINE_TABLE = 'bench_copy';

/**
 * Turns the benchmark's NDJSON into exactly the COPY rows ingestion writes: the same reader,
 * validation, pseudonymization (same key) and row encoding, under another dataset id. Not
 * timed: the baseline measures PostgreSQL loading the rows, nothing else.
 */
export async function writeCopyFile(ndjsonPath: string, copyPath: string, pseudonymKey: string): Promise<number> {
  const pseudonymizer = new Pseudonymizer(pseudonymKey);
  const ids = { datasetId: randomUUID(), fileId: randomUUID() };
  const out = createWriteStream(copyPath, { highWaterMark: 1 << 20 });
  let rows = 0;
  let chunk = '';
  const lines = readDatasetFile(ndjsonPath, { kind: 'price_quotes', format: 'ndjson', gzip: false, pseudonymize: pseudonymizer.pseudonymize });
  for await (const result of lines) {
    if (!result.record) throw new Error(`line ${result.line} of ${ndjsonPath} was rejected (${result.rejection?.reason}): the benchmark's quotes must all be valid`);
    chunk += encodeEventRow(TABLE, result.record, { ...ids, line: result.line, raw: result.raw });
    rows++;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}

/**
 * `bench_copy`: the same columns, constraints and indexes as ev_price_quotes (LIKE … INCLUDING
 * ALL), partitioned by month the same way, with the same partitions ingestion created. What
 * differs, on purpose, since the baseline is "PostgreSQL taking these rows as fast as it can":
 * ingestion created its partitions while loading, the baseline's exist first; and LIKE does
 * not copy row-level security, so the baseline is a plain COPY where ingestion goes through
 * its staging table and a policy-checked INSERT … SELECT.
 */
export async function createBaselineTable(env: BenchEnvironment): Promise<number> {
  await env.query(`DROP TABLE IF EXISTS "${BASELINE_TABLE}"`);
  await env.query(`CREATE TABLE "${BASELINE_TABLE}" (LIKE "${TABLE.table}" INCLUDING ALL) PARTITION BY RANGE (ts)`);
  const partitions = await env.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass ORDER BY 1`,
    [TABLE.table],
  );
  for (const p of partitions) {
    await env.query(`CREATE TABLE "${p.name.replace(TABLE.table, BASELINE_TABLE)}" PARTITION OF "${BASELINE_TABLE}" ${p.bound}`);
  }
  return partitions.length;
}

/**
 * Loads the COPY file with psql's client-side \copy, the reference for how fast PostgreSQL
 * takes these rows. psql reads its commands from a pipe and, after the \copy, prints its
 * backend's pid; the load is timed up to that line, and the backend's CPU seconds are read
 * from /proc while the session is still open (0 when the server is not on this machine).
 */
export function psqlCopy(env: BenchEnvironment, copyPath: string): Promise<{ seconds: number; backendCpuSeconds: number }> {
  if (/['\\]/.test(copyPath)) throw new Error(`the temp path ${copyPath} holds a quote or backslash: set TMPDIR to a plain directory`);
  const columns = copyColumns(TABLE).join(', ');
  const command = `\\copy ${BASELINE_TABLE} (${columns}) FROM '${copyPath}'\nSELECT pg_backend_pid();\n`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const psql = spawn('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', env.databaseUrl], { stdio: ['pipe', 'pipe', 'pipe'] });
    let errors = '';
    let output = '';
    let result: { seconds: number; backendCpuSeconds: number } | null = null;
    psql.stderr.on('data', (d) => (errors += d));
    psql.stdout.on('data', (d) => {
      output += d;
      const pid = /^(\d+)\s*$/m.exec(output);
      if (result !== null || pid === null) return;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      result = { seconds, backendCpuSeconds: readProcCpuSeconds(Number(pid[1])) ?? 0 };
      psql.stdin.end();
    });
    psql.on('error', (e) => reject(new Error(`could not run psql (${e.message}): install the PostgreSQL client (apt-get install postgresql-client)`)));
    psql.on('exit', (code) =>
      code === 0 && result !== null ? resolve(result) : reject(new Error(`psql \\copy exited ${code}: ${errors.trim()}`)),
    );
    // Left open until the pid is printed, so that the backend is still there to be read.
    psql.stdin.write(command);
  });
}
