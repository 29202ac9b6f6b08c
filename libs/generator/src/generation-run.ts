/**
 * The state one generation run shares between the background market and the scenarios:
 * the id registry, the sink and its counts, the labels, the platforms and their users.
 */
import { FILE_KINDS, type FileKind } from '@fairmarket/contract';
import { IdRegistry } from './id-registry';
import { SeededRng } from './rng';
import type { Label } from './scenario';
import type { DatasetSink } from './sinks/dataset-sink';
import { generateUsers, userCount, type MarketUser } from './users';

export class GenerationRun {
  readonly ids = new IdRegistry();
  readonly counts = Object.fromEntries(FILE_KINDS.map((k) => [k, 0])) as Record<FileKind, number>;
  readonly labels: Label[] = [];
  private readonly caseIds = new Set<string>();
  private readonly platforms = new Map<string, MarketUser[] | null>();
  private done = 0;

  constructor(
    readonly seed: number,
    readonly scale: number,
    private readonly sink: DatasetSink,
    private readonly totalSteps: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** An independent random stream for one concern of the run. */
  rng(label: string): SeededRng {
    return SeededRng.derive(this.seed, label);
  }

  registerPlatform(platformId: string, users: MarketUser[] | null): void {
    if (this.platforms.has(platformId)) throw new Error(`platform "${platformId}" is registered twice`);
    this.platforms.set(platformId, users);
  }

  hasPlatform(platformId: string): boolean {
    return this.platforms.has(platformId);
  }

  /** Background users, or for a scenario platform a population drawn on first use. */
  users(platformId: string): MarketUser[] {
    if (!this.platforms.has(platformId)) {
      throw new Error(`unknown platform "${platformId}": use one of ctx.platformIds or create one with ctx.newPlatform()`);
    }
    let users = this.platforms.get(platformId) ?? null;
    if (users === null) {
      users = generateUsers(this.rng(`users:${platformId}`), userCount(this.scale), () => this.ids.next(`${platformId}-u`));
      this.platforms.set(platformId, users);
    }
    return users;
  }

  emit(kind: FileKind, record: Record<string, unknown>): void {
    if (!(kind in this.counts)) throw new Error(`unknown file kind "${kind}": use one of ${FILE_KINDS.join(', ')}`);
    const platformId = record.platform_id;
    if (typeof platformId !== 'string' || !this.platforms.has(platformId)) {
      throw new Error(`a ${kind} record has platform_id ${JSON.stringify(platformId)}, which is not a platform of this run: use ctx.platformIds or ctx.newPlatform()`);
    }
    this.counts[kind]++;
    this.sink.write(kind, record);
  }

  label(label: Label): void {
    if (this.caseIds.has(label.case_id)) throw new Error(`label case_id "${label.case_id}" is used twice: case ids must be unique in the dataset`);
    if (!this.platforms.has(label.platform_id)) throw new Error(`label "${label.case_id}" names unknown platform "${label.platform_id}"`);
    this.caseIds.add(label.case_id);
    this.labels.push(label);
  }

  step(): void {
    this.done++;
    this.onProgress?.(this.done, this.totalSteps);
  }

  finish(): void {
    this.sink.writeLabels(this.labels);
  }
}
