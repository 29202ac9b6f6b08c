/**
 * npm run bench:detect -- --scale S [--input DIR] [--skip-server]
 *
 * Generates a dataset at scale S (1 ≈ 250k price quotes and 120k recommendation requests of
 * ten items), times a bare streaming read + JSON.parse of its files in this process, then the
 * compiled CLI `detect` in a child process: wall time, ratio to the bare read (goal ≤ 3) and
 * peak RSS (goal < 1 GB at ten million quotes, growing sublinearly). Then the server path: a
 * scratch database, an api and two workers, `fairmarket submit` of the same files, timed until
 * the detection run is done, against the CLI.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scanDataset, type DatasetFile, type FileKind } from '@fairmarket/contract';
import { FileSink, generateDataset } from '@fairmarket/generator';
import { createBenchCredentials } from './support/bench-account';
import { BenchEnvironment } from './support/bench-environment';
import { parseFlags, positiveNumber } from './support/bench-flags';
import { printSummary, renderTable, round, say, secondsSince } from './support/bench-report';
import { bareRead } from './support/bare-read';
import { runCli } from './support/cli-child';
import { PeakMemorySampler } from './support/peak-memory-sampler';
import { megabytes } from './support/proc-memory';
import { startApi, startWorker, type ServiceChild } from './support/service-child';

const USAGE = 'usage: npm run bench:detect -- --scale S [--input DIR] [--skip-server] [--seed N] [--profile-cli DIR] [--keep] [--verbose]';
const CLI_RATIO_GOAL = 3;
const CLI_MEMORY_GOAL_MB = 1000;
const SERVER_WORKERS = 2;

interface ServerResult {
  totalSeconds: number;
  ingestSeconds: number;
  detectSeconds: number;
  findings: number;
  workerPeaks: number[];
  apiPeak: number;
}

async function main(): Promise<void> {
  const flags = parseFlags(
    process.argv.slice(2),
    {
      values: {
        scale: 'generator volume multiplier (default 1: ~250k quotes, ~120k requests)',
        input: 'benchmark this dataset directory instead of generating one',
        seed: 'generator seed (default 1)',
        'profile-cli': 'write a V8 CPU profile of the CLI detect into this directory',
      },
      switches: {
        'skip-server': 'measure the CLI only',
        keep: 'keep the generated dataset, scratch database and Redis keys',
        verbose: "copy the api's and workers' logs to stderr",
      },
    },
    USAGE,
  );
  const env = BenchEnvironment.create('detect');
  const keep = flags.switches.has('keep');
  try {
    const input = flags.values.get('input');
    const scale = positiveNumber(flags, 'scale', 1, false);
    let dir: string;
    let generateSeconds: number | null = null;
    if (input) {
      dir = input;
    } else {
      dir = join(env.dir, 'dataset');
      const seed = positiveNumber(flags, 'seed', 1);
      say(`generating scale ${scale} (seed ${seed}) into ${dir}`);
      const mark = process.hrtime.bigint();
      const sink = new FileSink(dir);
      generateDataset({ seed, scale, sink });
      await sink.close();
      generateSeconds = secondsSince(mark);
      say(`generated in ${round(generateSeconds, 1)} s`);
    }
    const files = await scanDataset(dir);
    const csv = files.find((f) => f.format !== 'ndjson');
    if (csv) throw new Error(`${csv.name} is CSV: the bare-read baseline parses NDJSON only; give a dataset of .ndjson files`);

    const bare = await bareReadAll(files);
    say(`bare read + JSON.parse: ${bare.lines.toLocaleString('en')} lines, ${megabytes(bare.bytes)} MB in ${round(bare.seconds)} s`);

    const out = join(env.dir, 'cli-findings.json');
    const profileDir = flags.values.get('profile-cli');
    say('fairmarket detect (CLI, one process)');
    const cli = await runCli(['detect', '--input', dir, '--out', out], { gnuTime: true, cpuProfileDir: profileDir, env: { PSEUDONYM_KEY: env.pseudonymKey } });
    if (cli.code !== 0) throw new Error(`fairmarket detect exited ${cli.code}:\n${cli.stderr.slice(-4000)}`);
    const cliFindings = (JSON.parse(await readFile(out, 'utf8')) as { findings: unknown[] }).findings.length;
    const cliRatio = cli.seconds / bare.seconds;
    say(`CLI detect: ${round(cli.seconds)} s, ${cliFindings} findings, peak RSS ${megabytes(cli.peakRss)} MB`);

    const server = flags.switches.has('skip-server') ? null : await serverPath(env, dir, flags.switches.has('verbose'));
    const count = (kind: FileKind) => bare.byKind.get(kind)?.lines ?? 0;
    const rows: (string | number)[][] = [
      ['bare read + JSON.parse', round(bare.seconds), 1, megabytes(bare.bytes) + ' MB read', ''],
      ['CLI detect', round(cli.seconds), round(cliRatio), `${megabytes(cli.peakRss)}`, `${cliFindings} findings`],
    ];
    if (server) {
      rows.push(
        [`server: upload → run done (${SERVER_WORKERS} workers)`, round(server.totalSeconds), round(server.totalSeconds / cli.seconds), `workers ${server.workerPeaks.map(megabytes).join(' / ')}, api ${megabytes(server.apiPeak)}`, `${server.findings} findings`],
        ['  of which ingestion (upload → ready)', round(server.ingestSeconds), '', '', ''],
        ['  of which detection (ready → done)', round(server.detectSeconds), round(server.detectSeconds / cli.seconds), '', ''],
      );
    }
    const table =
      `scale ${input ? '(given)' : scale}: ${count('price_quotes').toLocaleString('en')} price quotes, ${count('impressions').toLocaleString('en')} impression requests ` +
      `(${bare.items.toLocaleString('en')} items), ${bare.lines.toLocaleString('en')} lines in ${files.length} files, ${megabytes(bare.bytes)} MB\n` +
      renderTable(['path', 'seconds', 'ratio', 'peak RSS MB', 'output'], rows) +
      `goals: CLI/bare <= ${CLI_RATIO_GOAL}, CLI peak RSS < ${CLI_MEMORY_GOAL_MB} MB at 10M quotes (sublinear in the data); ratio of server rows is against the CLI\n`;
    printSummary(table, {
      bench: 'detect',
      scale: input ? null : scale,
      input: input ?? null,
      generate_s: generateSeconds === null ? null : round(generateSeconds, 1),
      price_quotes: count('price_quotes'),
      impression_requests: count('impressions'),
      impression_items: bare.items,
      lines: bare.lines,
      dataset_mb: megabytes(bare.bytes),
      bare_read_s: round(bare.seconds),
      cli_s: round(cli.seconds),
      cli_ratio: round(cliRatio),
      cli_ratio_goal_met: cliRatio <= CLI_RATIO_GOAL,
      cli_peak_rss_mb: megabytes(cli.peakRss),
      cli_findings: cliFindings,
      ...(server
        ? {
            server_total_s: round(server.totalSeconds),
            server_ingest_s: round(server.ingestSeconds),
            server_detect_s: round(server.detectSeconds),
            server_vs_cli: round(server.totalSeconds / cli.seconds),
            server_detect_vs_cli: round(server.detectSeconds / cli.seconds),
            server_worker_peak_rss_mb: server.workerPeaks.map(megabytes),
            server_api_peak_rss_mb: megabytes(server.apiPeak),
            server_findings: server.findings,
          }
        : {}),
      ...(profileDir ? { cli_profile_dir: profileDir } : {}),
    });
  } finally {
    await env.cleanUp(keep);
  }
}

async function bareReadAll(files: readonly DatasetFile[]) {
  const byKind = new Map<FileKind, { lines: number }>();
  let lines = 0;
  let bytes = 0;
  let items = 0;
  let seconds = 0;
  for (const file of files) {
    const result = await bareRead(file);
    lines += result.lines;
    bytes += result.bytes;
    items += result.items;
    seconds += result.seconds;
    byKind.set(file.kind, { lines: (byKind.get(file.kind)?.lines ?? 0) + result.lines });
  }
  return { lines, bytes, items, seconds, byKind };
}

/**
 * The platform's path: `fairmarket submit` uploads every file to an api, two workers ingest
 * them, and the detection run starts when the dataset is ready; submit returns when it is
 * done. The split between ingestion and detection comes from the dataset's and run's own
 * timestamps in the database.
 */
async function serverPath(env: BenchEnvironment, dir: string, verbose: boolean): Promise<ServerResult> {
  await env.migrateDatabase();
  const serviceEnv = env.serviceEnv();
  const children: ServiceChild[] = [];
  try {
    const { api, url } = await startApi(serviceEnv, verbose);
    children.push(api);
    const workers = await Promise.all(Array.from({ length: SERVER_WORKERS }, () => startWorker(serviceEnv, { echo: verbose })));
    children.push(...workers);
    const credentials = await createBenchCredentials(env, url);
    const memory = new PeakMemorySampler(() => children.map((c) => c.pid)).start(200);
    await env.query('CHECKPOINT');
    say(`fairmarket submit to ${url} (${SERVER_WORKERS} workers)`);
    const submit = await runCli(['submit', '--api', url, '--input', dir, '--name', 'bench detect'], {
      env: { ...serviceEnv, FAIRMARKET_API_KEY: credentials.apiKey },
    });
    memory.stop();
    if (submit.code !== 0) {
      const logs = children.map((c) => `--- ${c.app} ${c.pid} ---\n${c.log.slice(-3000)}`).join('\n');
      throw new Error(`fairmarket submit exited ${submit.code}:\n${submit.stderr.slice(-3000)}\n${logs}`);
    }
    const datasetId = submit.stdout.trim().split('\n').pop() as string;
    const [timing] = await env.query<{ ingest: number; detect: number; findings: number | null; status: string }>(
      `SELECT extract(epoch FROM d.ready_at - d.created_at)::float8 AS ingest,
              extract(epoch FROM r.finished_at - d.ready_at)::float8 AS detect,
              r.findings_count AS findings, r.status
       FROM datasets d JOIN detection_runs r ON r.dataset_id = d.id
       WHERE d.id = $1 ORDER BY r.created_at DESC LIMIT 1`,
      [datasetId],
    );
    if (!timing || timing.status !== 'done') throw new Error(`the detection run of dataset ${datasetId} is ${timing?.status ?? 'missing'}, not done`);
    say(`server: ${round(submit.seconds)} s (ingestion ${round(timing.ingest)} s, detection ${round(timing.detect)} s)`);
    return {
      totalSeconds: submit.seconds,
      ingestSeconds: timing.ingest,
      detectSeconds: timing.detect,
      findings: timing.findings ?? 0,
      workerPeaks: workers.map((w) => memory.peakOf(w.pid)),
      apiPeak: memory.peakOf(api.pid),
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

main().catch((error) => {
  process.stderr.write(`bench:detect failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
