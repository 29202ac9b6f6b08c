import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PeakMemorySampler } from './peak-memory-sampler';

const ENTRY = join(__dirname, '..', '..', 'apps', 'cli', 'src', 'main.js');
const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak RSS in bytes: from GNU time when it wraps the run, else from polling /proc. */
  peakRss: number;
}

export interface CliRunOptions {
  env?: Record<string, string>;
  /** Measure the peak RSS exactly with /usr/bin/time -v (falls back to /proc polling when absent). */
  gnuTime?: boolean;
  /** Write a V8 CPU profile of the CLI into this directory. */
  cpuProfileDir?: string;
}

/**
 * Runs the compiled `fairmarket` CLI built with this benchmark, as a user would, timing it
 * from spawn to exit. GNU time reports the kernel's maximum RSS at exit, which polling could
 * miss for a spike in the last instants.
 */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const command = [process.execPath, ...nodeArgs, ENTRY, ...args];
  const timed = options.gnuTime && existsSync(GNU_TIME) ? [GNU_TIME, '-v', ...command] : command;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(timed[0], timed.slice(1), { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = new PeakMemorySampler(() => (child.pid ? [child.pid] : [])).start(100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-200_000)));
    child.on('error', (e) => reject(new Error(`could not run ${timed[0]}: ${e.message}`)));
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      sampler.stop();
      const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakRss = gnu ? Number(gnu[1]) * 1024 : sampler.peakOf(child.pid ?? -1);
      resolve({ code, stdout, stderr, seconds, peakRss });
    });
  });
}
