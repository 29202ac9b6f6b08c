/**
 * Precision and recall of detectors on generated datasets (the background market plus every
 * registered scenario), shared by every detector's `*.recall.spec.ts`. Not used by detector code.
 */
import type { DetectorName, Finding } from '@fairmarket/contract';
import { evaluateFindings, findingMatchesLabel, generateInMemory, toValidatedSource, type Label } from '@fairmarket/generator';
import { RULE_PACKS, type RulePackName } from '@fairmarket/rules';
import type { Detector } from '../detector';
import { runDetectors } from '../run-detectors';

export interface RecallRow {
  seed: number;
  pack: RulePackName;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  false_positives: string[];
  missed: string[];
  info_labels: number;
  info_matched: number;
  info_missed: string[];
  /** Findings of `scored` (info included) that match no label expecting them at their severity class. */
  unexpected: string[];
}

export const RECALL_SEEDS = [1, 2, 3];
export const RECALL_SCALE = 0.2;

/** Runs `detectors` on seeds 1-3 at scale 0.2 under both packs and scores `scored`. */
export async function scoreOnGeneratedData(detectors: readonly Detector[], scored: DetectorName): Promise<RecallRow[]> {
  const rows: RecallRow[] = [];
  for (const seed of RECALL_SEEDS) {
    const { raw, labels } = generateInMemory(seed, RECALL_SCALE);
    const source = toValidatedSource(raw, 'recall-test-pseudonym-key');
    for (const pack of ['cn', 'eu'] as const) {
      const findings = await runDetectors(detectors, source, RULE_PACKS[pack]);
      const s = evaluateFindings(findings, labels, pack)[scored];
      rows.push({
        seed,
        pack,
        tp: s.tp,
        fp: s.fp,
        fn: s.fn,
        precision: s.precision,
        recall: s.recall,
        false_positives: s.false_positives,
        missed: s.missed,
        info_labels: s.info_labels,
        info_matched: s.info_matched,
        info_missed: s.info_missed,
        unexpected: unexpectedFindings(findings.filter((f) => f.detector === scored), labels, pack),
      });
    }
  }
  return rows;
}

function unexpectedFindings(findings: readonly Finding[], labels: readonly Label[], pack: RulePackName): string[] {
  return findings
    .filter((f) => !labels.some((l) => l.expected[pack] === (f.severity === 'info' ? 'info' : 'alert') && findingMatchesLabel(f, l)))
    .map((f) => `${f.severity} ${f.summary}`);
}

export function formatRecallRows(name: string, rows: readonly RecallRow[]): string {
  return [
    `${name} on generated data (scale ${RECALL_SCALE}):`,
    ...rows.map(
      (r) =>
        `  seed ${r.seed} ${r.pack}: tp ${r.tp} fp ${r.fp} fn ${r.fn} precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)}` +
        ` info ${r.info_matched}/${r.info_labels}` +
        (r.false_positives.length ? `\n    false positives: ${r.false_positives.join(' | ')}` : '') +
        (r.missed.length ? `\n    missed: ${r.missed.join(', ')}` : ''),
    ),
  ].join('\n');
}
