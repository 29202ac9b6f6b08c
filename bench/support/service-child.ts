import { spawn, type ChildProcess } from 'node:child_process';

/** The worker's old-space cap: unreclaimed heap would otherwise grow RSS past 512 MB on large files. */
export const WORKER_HEAP_FLAG = '--max-old-space-size=384';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The compiled tree this file is part of (dist/bench/support → dist), so a bench runs the services built with it. */
const DIST = join(__dirname, '..', '..');

export interface ServiceChildOptions {
  env: Record<string, string>;
  /** Write a V8 CPU profile of the process into this directory (stopped with `stop()`). */
  cpuProfileDir?: string;
  /** Copy the process's output to our stderr as it comes (`--verbose`). */
  echo?: boolean;
}

/**
 * The compiled api or worker run as a child process, as deployed: benchmarks measure real
 * HTTP, queues and COPY, and read each process's own memory. Output is kept (capped) for the
 * error message when a process dies.
 */
export class ServiceChild {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly app: 'api' | 'worker',
    private readonly options: ServiceChildOptions,
  ) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.app} has not been started`);
    return this.child.pid;
  }

  get log(): string {
    return this.output;
  }

  start(): this {
    // Workers run with the heap cap they are deployed with (package.json, docker/compose.yml, demo).
    const nodeArgs: string[] = this.app === 'worker' ? [WORKER_HEAP_FLAG] : [];
    if (this.options.cpuProfileDir) {
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${this.options.cpuProfileDir}`, '-r', join(__dirname, 'exit-on-profile-signal.js'));
    }
    this.child = spawn(process.execPath, [...nodeArgs, join(DIST, 'apps', this.app, 'src', 'main.js')], {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
      if (this.options.echo) process.stderr.write(`[${this.app} ${this.child?.pid}] ${chunk.toString().trimEnd().replace(/\n/g, `\n[${this.app}] `)}\n`);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    return this;
  }

  /** Waits until `ready()` says yes; fails with the process's output if it exits or takes too long. */
  async waitUntil(what: string, ready: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`${this.app} exited before ${what}; its output:\n${this.output}`);
      if (await ready()) return;
      if (Date.now() > deadline) throw new Error(`${this.app} did not reach "${what}" within ${timeoutMs} ms; its output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get exited(): boolean {
    return !this.child || this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /**
   * Stops the process. A profiled process gets SIGUSR2 so its profile is written; otherwise
   * SIGKILL, because a graceful stop would wait for jobs the benchmark no longer measures
   * (e.g. the detection run that starts when a dataset is ready).
   */
  stop(): Promise<void> {
    const child = this.child;
    if (!child || this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(this.options.cpuProfileDir ? 'SIGUSR2' : 'SIGKILL');
    });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts an api on a free port and waits until it answers /health/live. */
export async function startApi(env: Record<string, string>, echo = false): Promise<{ api: ServiceChild; url: string }> {
  const port = await freePort();
  const api = new ServiceChild('api', { env: { ...env, PORT: String(port) }, echo }).start();
  const url = `http://127.0.0.1:${port}`;
  await api.waitUntil('answering /health/live', async () => {
    try {
      return (await fetch(`${url}/health/live`)).ok;
    } catch {
      return false;
    }
  });
  return { api, url };
}

/** Starts a worker and waits until it has subscribed to its queues. */
export async function startWorker(env: Record<string, string>, options: { cpuProfileDir?: string; echo?: boolean } = {}): Promise<ServiceChild> {
  const worker = new ServiceChild('worker', { env, ...options }).start();
  await worker.waitUntil('processing queues', () => worker.log.includes('processing queues'));
  return worker;
}
