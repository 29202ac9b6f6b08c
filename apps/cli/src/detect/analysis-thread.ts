/**
 * A detection thread of `fairmarket detect`: `analyze` of one lane of detectors over its own
 * read of the dataset directory (lane-plan.ts), with the main thread's pseudonym key. It posts
 * the partials and the counts of the files it read in full; `decide` stays on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileDatasetSource, Pseudonymizer } from '@fairmarket/contract';
import { analyzeAll, DETECTORS } from '@fairmarket/detectors';
import { rulePack } from '@fairmarket/rules';
import type { AnalysisThreadData, AnalysisThreadMessage } from './analysis-thread-protocol';

async function analyzeLane(data: AnalysisThreadData): Promise<AnalysisThreadMessage> {
  const pseudonymizer = new Pseudonymizer(data.pseudonymKey);
  const source = await FileDatasetSource.open(data.input, { pseudonymize: (id) => pseudonymizer.pseudonymize(id) });
  const detectors = DETECTORS.filter((d) => data.detectors.includes(d.name));
  const partials = await analyzeAll(detectors, source, rulePack(data.rules), {
    onRead: (kind) => post({ type: 'read', kind }),
  });
  return { type: 'done', partials: JSON.stringify([...partials]), tallies: source.completedTallies() };
}

function post(message: AnalysisThreadMessage): void {
  parentPort!.postMessage(message);
}

analyzeLane(workerData as AnalysisThreadData).then(post, (error: Error) =>
  post({ type: 'error', message: error?.message ?? String(error), stack: error?.stack }),
);
