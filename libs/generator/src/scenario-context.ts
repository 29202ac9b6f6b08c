import type { FileKind } from '@fairmarket/contract';
import { PERIOD_DAYS, PERIOD_START_MS, formatDate, formatTs } from './clock';
import type { GenerationRun } from './generation-run';
import type { GeneratedUser, Label, Rng, Scenario, ScenarioContext } from './scenario';

/**
 * What one scenario sees of the run. Each scenario gets its own random stream, derived from
 * the seed and its name, so adding or changing one scenario does not move the numbers of
 * another; ids come from the run's shared registry, so they stay unique across scenarios.
 */
export class ScenarioRunContext implements ScenarioContext {
  readonly seed: number;
  readonly scale: number;
  readonly rng: Rng;
  readonly startMs = PERIOD_START_MS;
  readonly days = PERIOD_DAYS;

  constructor(
    private readonly run: GenerationRun,
    private readonly scenario: Scenario,
    readonly platformIds: readonly string[],
  ) {
    this.seed = run.seed;
    this.scale = run.scale;
    this.rng = run.rng(`scenario:${scenario.name}`);
  }

  ts(ms: number): string {
    return formatTs(ms);
  }

  date(ms: number): string {
    return formatDate(ms);
  }

  id(prefix: string): string {
    return this.run.ids.next(prefix);
  }

  newPlatform(prefix: string): string {
    const platformId = this.run.ids.next(prefix);
    this.run.registerPlatform(platformId, null);
    return platformId;
  }

  users(platformId: string): readonly GeneratedUser[] {
    return this.run.users(platformId);
  }

  emit(kind: FileKind, record: Record<string, unknown>): void {
    this.run.emit(kind, record);
  }

  label(label: Label): void {
    if (!this.scenario.detectors.includes(label.detector)) {
      throw new Error(
        `scenario "${this.scenario.name}" labels a ${label.detector} case (${label.case_id}) but declares detectors [${this.scenario.detectors.join(', ')}]: add it to the scenario's detectors`,
      );
    }
    this.run.label(label);
  }
}
