import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { DetectorName, FileDatasetSource, FileKind } from '@fairmarket/contract';
import { analyzeAll, planLanes, type Detector } from '@fairmarket/detectors';
import type { RulePack } from '@fairmarket/rules';
import type { AnalysisThreadData, AnalysisThreadMessage } from './analysis-thread-protocol';

export interface LaneOptions {
  /** Lanes to run at once: the first on this thread, each other on a thread of its own. */
  lanes: number;
  pseudonymKey: string;
  /** Told each file kind as a lane's shared read of it begins. */
  onRead?: (kind: FileKind) => void;
}

/**
 * `analyze` of the selected detectors, split into lanes that run in parallel (lane-plan.ts):
 * on two cores the quote file and the impression file are parsed and analysed at the same
 * time. Returns every detector's partials for `decideAll`; the counts of files the threads
 * read are handed to `source`, so its report does not read them again.
 */
export async function analyzeInLanes(
  source: FileDatasetSource,
  detectors: readonly Detector[],
  rules: RulePack,
  options: LaneOptions,
): Promise<Map<DetectorName, unknown[]>> {
  const bytes = new Map<FileKind, number>();
  for (const file of source.files) bytes.set(file.kind, (bytes.get(file.kind) ?? 0) + file.size);
  const present = source.kinds();
  const running = detectors.filter((d) => d.inputs.some((kind) => present.has(kind)));
  const [mine, ...others] = planLanes(running, bytes, options.lanes);
  const partials = new Map<DetectorName, unknown[]>();
  if (mine === undefined) return partials;

  const threads = others.map((lane) =>
    startThread({ input: source.dir, pseudonymKey: options.pseudonymKey, rules: rules.name, detectors: lane.map((d) => d.name) }, options.onRead),
  );
  try {
    const local = await analyzeAll(mine, source, rules, { onRead: options.onRead });
    for (const [name, partial] of local) partials.set(name, [partial]);
    for (const done of await Promise.all(threads.map((t) => t.result))) {
      for (const [name, partial] of JSON.parse(done.partials) as [DetectorName, unknown][]) partials.set(name, [partial]);
      source.adoptTallies(done.tallies);
    }
  } finally {
    // A failed lane stops the others: nothing of a failed run is used.
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
  return partials;
}

type Done = Extract<AnalysisThreadMessage, { type: 'done' }>;

function startThread(data: AnalysisThreadData, onRead?: (kind: FileKind) => void): { worker: Worker; result: Promise<Done> } {
  const worker = new Worker(join(__dirname, 'analysis-thread.js'), { workerData: data });
  const result = new Promise<Done>((resolve, reject) => {
    worker.on('message', (message: AnalysisThreadMessage) => {
      if (message.type === 'read') onRead?.(message.kind);
      else if (message.type === 'done') resolve(message);
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`detection thread stopped (exit code ${code}) before it finished`)));
  });
  // Settled later by Promise.all; until then a failure must not count as unhandled.
  result.catch(() => undefined);
  return { worker, result };
}
