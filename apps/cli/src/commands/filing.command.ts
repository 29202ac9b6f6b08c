import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AlgorithmDeclaration } from '@fairmarket/contract';
import { DETECTORS, runDetectors } from '@fairmarket/detectors';
import { rulePack } from '@fairmarket/rules';
import { ProgressReporter } from '../progress';
import { openDatasetOrExit } from '../open-dataset';

interface FilingOptions {
  input: string;
  algorithm: string;
  out: string;
  rules: string;
  platform?: string;
}

/** The detectors whose findings a filing reads (filing_inconsistency brings price_discrimination and personalization_opt_out). */
const FILING_DETECTORS = ['filing_inconsistency', 'self_preferencing'] as const;

/**
 * `fairmarket filing --input DIR --algorithm ID --out DIR`: runs the detectors a filing needs
 * offline and writes the filing draft of one declared algorithm as filing.json,
 * filing.zh.md, filing.en.md and filing.pdf.
 */
@Command({ name: 'filing', description: 'Write the algorithm filing draft (CAC + DSA art. 27) of one declared algorithm: JSON, Markdown zh/en, PDF' })
export class FilingCommand extends CommandRunner {
  async run(_params: string[], options: FilingOptions): Promise<void> {
    const rules = rulePack(options.rules);
    const source = await openDatasetOrExit(options.input);
    if (!source) return;
    const declarations: AlgorithmDeclaration[] = [];
    for await (const a of source.rows('algorithms')) {
      if (a.algorithm_id === options.algorithm && (!options.platform || a.platform_id === options.platform)) declarations.push(a);
    }
    const platforms = [...new Set(declarations.map((d) => d.platform_id))];
    if (platforms.length !== 1) {
      process.stderr.write(
        platforms.length === 0
          ? `error: algorithms.ndjson in ${options.input} declares no algorithm "${options.algorithm}"${options.platform ? ` on platform ${options.platform}` : ''}: check the id (and that the file is there)\n`
          : `error: algorithm "${options.algorithm}" is declared on several platforms (${platforms.join(', ')}): choose one with --platform\n`,
      );
      process.exitCode = 2;
      return;
    }
    const progress = new ProgressReporter('filing');
    progress.start(FILING_DETECTORS.length + 3, 'steps');
    let step = 0;
    const findings = await runDetectors(DETECTORS, source, rules, { only: [...FILING_DETECTORS], onDetectorStart: (name) => progress.update(step++, name) });
    progress.update(step, 'writing');
    // Loaded when the command runs: `fairmarket detect` should not pay for the database and PDF libraries.
    const { buildFiling, renderFilingMarkdown, renderFilingPdf }: typeof import('@fairmarket/filing') = require('@fairmarket/filing');
    const filing = buildFiling(declarations[declarations.length - 1], findings, rules);
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'filing.json'), `${JSON.stringify(filing, null, 2)}\n`);
    await writeFile(join(options.out, 'filing.zh.md'), renderFilingMarkdown(filing, 'zh'));
    await writeFile(join(options.out, 'filing.en.md'), renderFilingMarkdown(filing, 'en'));
    await pipeline(renderFilingPdf(filing), createWriteStream(join(options.out, 'filing.pdf')));
    progress.stop();
    const n = filing.inconsistencies.length;
    process.stderr.write(
      `${n > 0 ? `⚠ ${n} inconsistency(ies) between the declaration and the logs / 备案与日志不一致 ${n} 处\n` : 'declaration consistent with the logs / 备案与日志一致\n'}` +
        `wrote filing.json, filing.zh.md, filing.en.md, filing.pdf to ${options.out}\n`,
    );
  }

  @Option({ flags: '-i, --input <dir>', description: 'dataset directory (with algorithms.ndjson)', required: true })
  parseInput(value: string): string {
    return value;
  }

  @Option({ flags: '-a, --algorithm <id>', description: 'algorithm_id as declared in algorithms.ndjson', required: true })
  parseAlgorithm(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <dir>', description: 'directory to write filing.json, filing.zh.md, filing.en.md, filing.pdf', required: true })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--platform <id>', description: 'the platform, when several declare the same algorithm id' })
  parsePlatform(value: string): string {
    return value;
  }

  @Option({ flags: '--rules <pack>', description: 'rule pack: cn (default) or eu', defaultValue: 'cn' })
  parseRules(value: string): string {
    rulePack(value);
    return value;
  }
}
