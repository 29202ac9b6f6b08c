/**
 * The shape every detector has. A detector is pure: it reads typed rows from a
 * DatasetSource (files in the CLI, PostgreSQL in the worker: the detector cannot tell) and
 * returns plain data. No Nest, TypeORM, BullMQ or file system in here.
 *
 * It runs in two steps so that the server can split a run across workers and still get the
 * CLI's answer exactly:
 *  - `analyze` reads the rows of a source and returns a JSON-serialisable partial result
 *    (for example one candidate test per group, with its p-value). A source may hold one
 *    platform (the worker runs one child job per platform) or all of them (the CLI makes one
 *    pass over each file). Since no legal test crosses platforms, a detector groups by
 *    platform_id itself, and partials of disjoint platform sets simply add up.
 *  - `decide` gets the partials of every platform at once and turns them into findings:
 *    this is where run-wide steps live (Benjamini-Hochberg across every test of the run,
 *    ordering, stable ids).
 * Results must not depend on the order rows arrive in, nor on how platforms were split.
 */
import type { DetectorName, EventsByKind, FileKind, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';

export interface DatasetSource {
  /** The file kinds this dataset holds at least one accepted row of. */
  kinds(): ReadonlySet<FileKind>;
  /** Streams the accepted rows of one file kind, in no guaranteed order. */
  rows<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K]>;
  /**
   * The same rows in arrays, when the source reads them that way anyway: a shared read
   * (shared-passes.ts) then pays one await per array instead of one per row.
   */
  batches?<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K][]>;
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
  analyze(source: DatasetSource, rules: RulePack): Promise<Partial>;
  decide(partials: Partial[], context: DetectorContext): Finding[];
}
