import { readProcMemory } from './proc-memory';

/**
 * Keeps the peak RSS of a set of processes while they run, by polling /proc. The kernel's
 * VmHWM is read at each poll, so the peak survives until the process exits; polling only
 * keeps the last value seen for processes that exit before the benchmark asks.
 */
export class PeakMemorySampler {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pids: () => readonly number[]) {}

  start(everyMs = 200): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    return this;
  }

  /** Reads every process now; call it right before reporting so the last moments count. */
  sample(): void {
    for (const pid of this.pids()) {
      const memory = readProcMemory(pid);
      if (memory) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, memory.peakRss));
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }

  peakOf(pid: number): number {
    return this.peaks.get(pid) ?? 0;
  }
}
