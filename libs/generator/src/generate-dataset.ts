import type { FileKind } from '@fairmarket/contract';
import { BACKGROUND_PLATFORMS, STEPS_PER_PLATFORM, generateBackgroundPlatform } from './background-market';
import { GenerationRun } from './generation-run';
import type { Label, Scenario } from './scenario';
import { ScenarioRunContext } from './scenario-context';
import { SCENARIOS } from './scenarios';
import type { DatasetSink } from './sinks/dataset-sink';

export interface GenerateOptions {
  seed: number;
  /** Volume multiplier: 1 ≈ 250k price quotes and 120k requests; ≥ 0.1 keeps every case detectable. */
  scale: number;
  sink: DatasetSink;
  scenarios?: readonly Scenario[];
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedDataset {
  labels: Label[];
  counts: Record<FileKind, number>;
}

/**
 * Generates a dataset into `sink`: the honest background market, then each scenario's
 * planted cases in order, then the labels. The same seed and scale give byte-identical
 * files. The caller awaits `sink.close()` afterwards.
 */
export function generateDataset(options: GenerateOptions): GeneratedDataset {
  const { seed, scale, sink } = options;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  const scenarios = options.scenarios ?? SCENARIOS;
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new Error(`two scenarios are named "${s.name}": scenario names must be unique (they seed the scenario's random stream)`);
    names.add(s.name);
  }

  const run = new GenerationRun(seed, scale, sink, BACKGROUND_PLATFORMS.length * STEPS_PER_PLATFORM + scenarios.length, options.onProgress);
  for (const platformId of BACKGROUND_PLATFORMS) generateBackgroundPlatform(run, platformId);
  for (const scenario of scenarios) {
    scenario.plant(new ScenarioRunContext(run, scenario, BACKGROUND_PLATFORMS));
    run.step();
  }
  run.finish();
  return { labels: [...run.labels], counts: { ...run.counts } };
}
