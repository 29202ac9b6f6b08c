import { SEVERITY_ORDER, type DetectorName, type FileKind, type Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import type { DatasetSource, Detector } from './detector';
import { SharedPasses } from './shared-passes';

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
  /** Told each file kind as its one shared read begins. */
  onRead?: (kind: FileKind) => void;
}

/**
 * `analyze` of every selected detector whose inputs the source holds, all at once over one
 * shared read per file kind (shared-passes.ts). Partials come back in registry order, keyed
 * by detector: the CLI decides them at once, the worker stores them per platform.
 */
export async function analyzeAll(
  detectors: readonly Detector[],
  source: DatasetSource,
  rules: RulePack,
  options: RunOptions = {},
): Promise<Map<DetectorName, unknown>> {
  const present = source.kinds();
  const running = selectDetectors(detectors, options.only).filter((d) => d.inputs.some((kind) => present.has(kind)));
  const partials = await new SharedPasses(source, options.onRead).run(
    running.map((detector) => (view: DatasetSource) => {
      options.onDetectorStart?.(detector.name);
      return detector.analyze(view, rules);
    }),
  );
  return new Map(running.map((d, i) => [d.name, partials[i]]));
}

/**
 * Runs detectors over one source holding every platform: the CLI's path. The worker runs the
 * same `analyzeAll` per platform in child jobs and the same `decide` over all partials, which
 * is why detectors must give the same answer either way.
 */
export async function runDetectors(
  detectors: readonly Detector[],
  source: DatasetSource,
  rules: RulePack,
  options: RunOptions = {},
): Promise<Finding[]> {
  const partials = await analyzeAll(detectors, source, rules, options);
  return decideAll(detectors, new Map([...partials].map(([name, partial]) => [name, [partial]])), rules);
}

/**
 * `decide` of every detector that has partials, in registry order (filing checks read the
 * findings before them), then the findings in the order findings.md requires. Each
 * detector's partials are dropped from the map once decided, so the next one gets their memory.
 */
export function decideAll(detectors: readonly Detector[], partials: Map<DetectorName, unknown[]>, rules: RulePack): Finding[] {
  const findings: Finding[] = [];
  for (const detector of detectors) {
    const mine = partials.get(detector.name);
    if (mine === undefined) continue;
    partials.delete(detector.name);
    findings.push(...detector.decide(mine, { rules, priorFindings: findings }));
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
