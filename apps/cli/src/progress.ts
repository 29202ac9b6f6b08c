import { SingleBar, Presets } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays clean for piping). Drawn only on a terminal;
 * elsewhere (CI logs, pipes) a line is printed at each 10% instead of redrawing.
 */
export class ProgressReporter {
  private bar: SingleBar | null = null;
  private lastDecile = -1;

  constructor(private readonly label: string) {}

  start(total: number, unit = ''): void {
    if (process.stderr.isTTY) {
      this.bar = new SingleBar(
        { format: `${this.label} [{bar}] {percentage}% | {value}/{total}${unit ? ' ' + unit : ''} | {step}`, stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(total, 1), 0, { step: '' });
    }
    this.total = Math.max(total, 1);
  }

  private total = 1;

  update(value: number, step = ''): void {
    if (this.bar) {
      this.bar.update(Math.min(value, this.total), { step });
      return;
    }
    const decile = Math.floor((Math.min(value, this.total) / this.total) * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      process.stderr.write(`${this.label}: ${decile * 10}%${step ? ` (${step})` : ''}\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
