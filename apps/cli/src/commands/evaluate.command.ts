import { Command, CommandRunner, Option } from 'nest-commander';
import { readFile } from 'node:fs/promises';
import type { FindingsDocument } from '@fairmarket/contract';
import { evaluateFindings, type Label } from '@fairmarket/generator';
import { rulePack } from '@fairmarket/rules';

interface EvaluateOptions {
  findings: string;
  labels: string;
}

/**
 * `fairmarket evaluate --findings FILE --labels FILE`: scores a findings document against
 * the generator's labels (precision and recall of alerts per detector). Exit 1 when a detector
 * falls below 0.95 on either, so it can gate a release.
 */
@Command({ name: 'evaluate', description: "Score findings against a generated dataset's labels.json (precision/recall per detector)" })
export class EvaluateCommand extends CommandRunner {
  async run(_params: string[], o: EvaluateOptions): Promise<void> {
    const doc = JSON.parse(await readFile(o.findings, 'utf8')) as FindingsDocument;
    const labels = JSON.parse(await readFile(o.labels, 'utf8')) as Label[];
    const pack = rulePack(doc.rule_pack).name;
    const scores = evaluateFindings(doc.findings, labels, pack);
    const lines = [`Precision / recall of alerts against labels (rule pack ${pack}) / 告警的精确率与召回率`, `${'detector'.padEnd(26)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(8)}`];
    let failing = false;
    for (const [detector, s] of Object.entries(scores)) {
      if (s.tp + s.fp + s.fn === 0) continue;
      failing ||= s.precision < 0.95 || s.recall < 0.95;
      lines.push(`${detector.padEnd(26)}${String(s.tp).padStart(5)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}${s.precision.toFixed(3).padStart(11)}${s.recall.toFixed(3).padStart(8)}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    process.exitCode = failing ? 1 : 0;
  }

  @Option({ flags: '--findings <file>', description: 'findings document (from detect or the API)', required: true })
  parseFindings(v: string): string {
    return v;
  }

  @Option({ flags: '--labels <file>', description: "the generator's labels.json", required: true })
  parseLabels(v: string): string {
    return v;
  }
}
