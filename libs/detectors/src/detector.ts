/**
 * The shape every detector has. A detector is pure: it reads typed rows from a
 * DatasetSource (files in the CLI, PostgreSQL in the worker: the detector cannot tell) and
 * returns plain data. No Nest, TypeORM, BullMQ or file system in here.
 *
 * It runs in two steps so that the server can split a run across workers and still get the
 * CLI's answer exactly:
 *  - `analyze` reads one platform's rows and returns JSON-serialisable partial results
 *    (for example one candidate test per group, with its p-value). The worker runs one
 *    `analyze` per platform as a child job; the CLI runs it for every platform in turn.
 *  - `decide` gets every platform's partial results at once and turns them into findings:
 *    this is where run-wide steps live (Benjamini-Hochberg across every test of the run,
 *    ordering, stable ids).
 * Results must not depend on the order rows arrive in.
 */
import type { DetectorName, EventsByKind, FileKind, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';

export interface RowQuery {
  /** Only rows of this platform. */
  platformId: string;
}

export interface DatasetSource {
  /** The file kinds this dataset holds at least one accepted row of. */
  kinds(): ReadonlySet<FileKind>;
  /** Every platform_id seen in the dataset, sorted. */
  platforms(): Promise<string[]>;
  /** Streams one platform's accepted rows of one file kind, in no guaranteed order. */
  rows<K extends FileKind>(kind: K, query: RowQuery): AsyncIterable<EventsByKind[K]>;
}

export interface DetectorContext {
  rules: RulePack;
  /** Findings of detectors that ran before this one in the same run (filing checks use them). */
  priorFindings: readonly Finding[];
}

export interface Detector<Partial = unknown> {
  name: DetectorName;
  /** Files it reads; the run skips the detector when none of them is in the dataset. */
  inputs: readonly FileKind[];
  /** Detectors whose findings `decide` needs first (via priorFindings). */
  after?: readonly DetectorName[];
  analyze(source: DatasetSource, platformId: string, rules: RulePack): Promise<Partial>;
  decide(partials: Partial[], context: DetectorContext): Finding[];
}
