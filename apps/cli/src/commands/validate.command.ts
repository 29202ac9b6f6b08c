import { Command, CommandRunner, Option } from 'nest-commander';
import { ProgressReporter, formatBytes } from '../progress';
import { openDatasetOrExit } from '../open-dataset';

interface ValidateOptions {
  input: string;
  json?: boolean;
}

/** `fairmarket validate --input DIR`: checks every line of a dataset offline. */
@Command({ name: 'validate', description: 'Check a dataset directory line by line (exit 0 valid, 1 lines rejected, 2 unreadable)' })
export class ValidateCommand extends CommandRunner {
  async run(_params: string[], options: ValidateOptions): Promise<void> {
    const progress = new ProgressReporter('validate');
    const source = await openDatasetOrExit(options.input, { onProgress: (read) => progress.update(read, formatBytes(read)) });
    if (!source) return;
    progress.start(source.files.reduce((s, f) => s + f.size, 0), 'bytes');
    const report = await source.report();
    progress.stop();
    if (options.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      process.stdout.write(renderReport(report));
    }
    const rejected = Object.values(report.files).reduce((s, f) => s + (f?.rejected ?? 0), 0);
    process.exitCode = rejected > 0 ? 1 : 0;
  }

  @Option({ flags: '-i, --input <dir>', description: 'dataset directory', required: true })
  parseInput(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}

export function renderReport(report: { files: Record<string, { lines: number; accepted: number; rejected: number } | undefined>; rejections: { file: string; line: number; reason: string }[]; rejection_counts: Record<string, number> }): string {
  const rows = Object.entries(report.files).map(([kind, r]) => `  ${kind.padEnd(16)} ${String(r?.lines).padStart(10)} ${String(r?.accepted).padStart(10)} ${String(r?.rejected).padStart(9)}`);
  const lines = [`  ${'file'.padEnd(16)} ${'lines'.padStart(10)} ${'accepted'.padStart(10)} ${'rejected'.padStart(9)}`, ...rows];
  if (report.rejections.length > 0) {
    lines.push('', 'First rejected lines / 首批被拒行:');
    for (const r of report.rejections.slice(0, 20)) lines.push(`  ${r.file}:${r.line}  ${r.reason}`);
    lines.push('', 'Rejections by reason / 按原因统计:');
    for (const [reason, n] of Object.entries(report.rejection_counts).slice(0, 20)) lines.push(`  ${String(n).padStart(8)}  ${reason}`);
  }
  return lines.join('\n') + '\n';
}
