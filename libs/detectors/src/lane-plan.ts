import type { FileKind } from '@fairmarket/contract';
import type { Detector } from './detector';

/** A file is "large" when it holds at least this share of the dataset's bytes. */
const LARGE_SHARE = 0.05;

/**
 * Splits the detectors of one run into at most `lanes` groups that can analyse in parallel,
 * each over its own read of the files (the CLI runs one lane per thread). Detectors that read
 * the same large file share a lane, so every large file is still parsed once; small files
 * may be read by several lanes, which costs little. Groups go to the lane with the fewest
 * bytes to read so far, heaviest group first. Detectors keep registry order within a lane.
 *
 * The split cannot change a finding: `analyze` of a detector depends only on the rows it
 * reads, and `decide` runs afterwards over every lane's partials.
 */
export function planLanes(detectors: readonly Detector[], bytesByKind: ReadonlyMap<FileKind, number>, lanes: number): Detector[][] {
  const total = [...bytesByKind.values()].reduce((a, b) => a + b, 0);
  const reads = (d: Detector): FileKind[] => [...d.inputs, ...(d.alsoReads ?? [])].filter((kind) => bytesByKind.has(kind));
  const isLarge = (kind: FileKind): boolean => (bytesByKind.get(kind) ?? 0) >= total * LARGE_SHARE;

  // Groups: detectors joined through the large files they read (union by shared kind).
  const groups: { detectors: Detector[]; kinds: Set<FileKind> }[] = [];
  for (const detector of detectors) {
    const kinds = new Set(reads(detector));
    const joined = groups.filter((g) => [...kinds].some((kind) => isLarge(kind) && g.kinds.has(kind)));
    const group = { detectors: [detector], kinds };
    for (const g of joined) {
      group.detectors.push(...g.detectors);
      for (const kind of g.kinds) group.kinds.add(kind);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  const bytes = (kinds: Iterable<FileKind>): number => [...kinds].reduce((sum, kind) => sum + (bytesByKind.get(kind) ?? 0), 0);
  groups.sort((a, b) => bytes(b.kinds) - bytes(a.kinds));

  const plan = Array.from({ length: Math.max(1, Math.floor(lanes)) }, () => ({ detectors: [] as Detector[], kinds: new Set<FileKind>() }));
  for (const group of groups) {
    // The lane that would read the fewest bytes with this group (a kind it reads already costs nothing more).
    const cost = (lane: (typeof plan)[number]) => bytes(new Set([...lane.kinds, ...group.kinds]));
    const lane = plan.reduce((best, l) => (cost(l) < cost(best) ? l : best));
    lane.detectors.push(...group.detectors);
    for (const kind of group.kinds) lane.kinds.add(kind);
  }
  const order = (d: Detector) => detectors.indexOf(d);
  return plan
    .filter((lane) => lane.detectors.length > 0)
    .sort((a, b) => bytes(b.kinds) - bytes(a.kinds))
    .map((lane) => lane.detectors.sort((a, b) => order(a) - order(b)));
}
