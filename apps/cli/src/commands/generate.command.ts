import { Command, CommandRunner, Option } from 'nest-commander';
import { mkdir } from 'node:fs/promises';
import { FileSink, generateDataset } from '@fairmarket/generator';
import { ProgressReporter } from '../progress';

interface GenerateOptions {
  out: string;
  seed: number;
  scale: number;
}

/** `fairmarket generate --out DIR --seed N --scale S`: a labelled synthetic marketplace. */
@Command({ name: 'generate', description: 'Generate a realistic marketplace dataset with planted violations and labels.json' })
export class GenerateCommand extends CommandRunner {
  async run(_params: string[], options: GenerateOptions): Promise<void> {
    await mkdir(options.out, { recursive: true });
    const sink = new FileSink(options.out);
    const progress = new ProgressReporter('generate');
    let started = false;
    const result = generateDataset({
      seed: options.seed,
      scale: options.scale,
      sink,
      onProgress: (done, total) => {
        if (!started) {
          progress.start(total, 'steps');
          started = true;
        }
        progress.update(done);
      },
    });
    await sink.close();
    progress.stop();
    const counts = Object.entries(result.counts).map(([k, n]) => `${k}=${n}`).join(' ');
    process.stderr.write(`generated ${options.out}: ${counts}; ${result.labels.length} labelled cases in labels.json\n`);
  }

  @Option({ flags: '-o, --out <dir>', description: 'output directory', required: true })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--seed <n>', description: 'random seed (same seed, same dataset)', defaultValue: 1 })
  parseSeed(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new Error(`--seed must be an integer, got "${value}"`);
    return n;
  }

  @Option({ flags: '--scale <s>', description: 'volume multiplier (1 = demo size)', defaultValue: 1 })
  parseScale(value: string): number {
    const n = Number(value);
    if (!(n > 0 && n <= 100)) throw new Error(`--scale must be a number in (0, 100], got "${value}"`);
    return n;
  }
}
