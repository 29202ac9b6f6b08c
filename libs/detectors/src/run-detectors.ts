import { SEVERITY_ORDER, type DetectorName, type Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import type { DatasetSource, Detector } from './detector';

/** Orders findings as findings.md requires: by severity, then detector, then id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.detector.localeCompare(b.detector) ||
      a.id.localeCompare(b.id),
  );
}

export interface RunOptions {
  /** Run only these detectors (and those they need first). */
  only?: readonly DetectorName[];
  onDetectorStart?: (name: DetectorName) => void;
}

/**
 * Runs detectors over one source holding every platform: the CLI's path. The worker runs the
 * same `analyze` per platform in child jobs and the same `decide` over all partials, which
 * is why detectors must give the same answer either way.
 */
export async function runDetectors(
  detectors: readonly Detector[],
  source: DatasetSource,
  rules: RulePack,
  options: RunOptions = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const present = source.kinds();
  for (const detector of selectDetectors(detectors, options.only)) {
    if (!detector.inputs.some((kind) => present.has(kind))) continue;
    options.onDetectorStart?.(detector.name);
    const partial = await detector.analyze(source, rules);
    findings.push(...detector.decide([partial], { rules, priorFindings: findings }));
  }
  return sortFindings(findings);
}

/** The named detectors plus those they depend on, in registry order. */
export function selectDetectors(detectors: readonly Detector[], only?: readonly DetectorName[]): Detector[] {
  if (!only || only.length === 0) return [...detectors];
  const wanted = new Set<DetectorName>(only);
  for (const d of [...detectors].reverse()) if (wanted.has(d.name)) d.after?.forEach((n) => wanted.add(n));
  return detectors.filter((d) => wanted.has(d.name));
}
