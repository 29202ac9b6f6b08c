import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** Clock ticks per second of /proc's CPU times (almost always 100). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds (user + system) a live process has used, from /proc/<pid>/stat (Linux); null once
 * it has exited or when /proc is not readable. Fields are counted after the last `)`, since
 * the command name in parentheses may itself hold spaces.
 */
export function readProcCpuSeconds(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, utime field 14 and stime field 15 (1-based, proc(5)).
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : null;
}

/**
 * CPU used by a set of processes between `start()` and `stop()`: the benchmark's api and
 * worker, and the PostgreSQL backends serving the run's database (found by polling
 * pg_stat_activity, since the pool opens connections as it needs them). A backend first seen
 * after the start counts from zero: it was opened during the run. The backends are on the same
 * machine as the benchmark (the local PostgreSQL), or their figure is reported as 0.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly backends = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly processes: Record<string, number>,
    private readonly database?: { client: Client; name: string },
  ) {}

  async start(everyMs = 250): Promise<this> {
    await this.findBackends(true);
    for (const pid of Object.values(this.processes)) this.read(pid, true);
    this.timer = setInterval(() => void this.findBackends(false), everyMs);
    this.timer.unref();
    return this;
  }

  /** Reads every process a last time; call it before the processes are stopped. */
  async stop(): Promise<Record<string, number>> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.polling) await new Promise((r) => setTimeout(r, 10));
    await this.findBackends(false);
    const used: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.processes)) {
      this.read(pid, false);
      used[name] = this.used(pid);
    }
    used.database = [...this.backends].reduce((sum, pid) => sum + this.used(pid), 0);
    return used;
  }

  private used(pid: number): number {
    return Math.max(0, (this.last.get(pid) ?? 0) - (this.first.get(pid) ?? 0));
  }

  private read(pid: number, atStart: boolean): void {
    const seconds = readProcCpuSeconds(pid);
    if (seconds === null) return;
    if (!this.first.has(pid)) this.first.set(pid, atStart ? seconds : 0);
    this.last.set(pid, seconds);
  }

  private async findBackends(atStart: boolean): Promise<void> {
    if (!this.database || this.polling) return;
    this.polling = true;
    try {
      const { rows } = await this.database.client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [this.database.name],
      );
      for (const { pid } of rows) this.backends.add(pid);
      for (const pid of this.backends) this.read(pid, atStart);
    } finally {
      this.polling = false;
    }
  }
}
