import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor, workerEnv } from './test-config';

const DIST = join(process.cwd(), 'dist', 'apps');

/**
 * A FairMarket process as deployed (the compiled api or worker), so tests exercise real HTTP,
 * real queues and real process signals. `npm test` builds before the suites run.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly app: 'api' | 'worker',
    private readonly env: Record<string, string> = {},
  ) {}

  static entry(app: 'api' | 'worker'): string {
    return join(DIST, app, 'src', 'main.js');
  }

  start(extraEnv: Record<string, string> = {}): this {
    this.child = spawn(process.execPath, [ServiceProcess.entry(this.app)], {
      env: workerEnv({ ...this.env, ...extraEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    return this;
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
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

/** Starts an api process on a free port and waits until it answers. Returns its base URL. */
export async function startApi(env: Record<string, string> = {}): Promise<{ url: string; process: ServiceProcess }> {
  const port = await freePort();
  const api = new ServiceProcess('api', { ...env, PORT: String(port) }).start();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the api to answer',
    async () => {
      try {
        return (await fetch(`${url}/health/live`)).ok;
      } catch {
        return null;
      }
    },
    30000,
  ).catch((e) => {
    throw new Error(`${(e as Error).message}\n${api.output}`);
  });
  return { url, process: api };
}

/** Starts a worker process and waits until it takes jobs. */
export async function startWorker(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const worker = new ServiceProcess('worker', env).start();
  await waitFor('the worker to start', async () => (worker.output.includes('processing queues') ? true : null), 30000).catch((e) => {
    throw new Error(`${(e as Error).message}\n${worker.output}`);
  });
  return worker;
}
