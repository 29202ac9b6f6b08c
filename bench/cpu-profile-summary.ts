/**
 * node dist/bench/cpu-profile-summary.js FILE.cpuprofile [--top N]
 *
 * Where a profiled process spent its time (from `--profile-worker` / `--profile-cli`): self
 * time by function and by source file, and inclusive time of the functions that matter, so
 * a benchmark report can say exactly where time goes without opening DevTools.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderTable } from './support/bench-report';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? relative(process.cwd(), url.replace(/^file:\/\//, '')).replace(/^node_modules\//, 'nm/') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function fileOf(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  if (!url) return node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)';
  return relative(process.cwd(), url).replace(/^node_modules\//, 'nm/');
}

function main(): void {
  const [path, ...rest] = process.argv.slice(2);
  if (!path) throw new Error('usage: node dist/bench/cpu-profile-summary.js FILE.cpuprofile [--top N]');
  const top = rest[0] === '--top' ? Number(rest[1]) : 25;
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const selfByLabel = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    selfByLabel.set(label(node), (selfByLabel.get(label(node)) ?? 0) + us);
    selfByFile.set(fileOf(node), (selfByFile.get(fileOf(node)) ?? 0) + us);
    // Inclusive: credit every distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k.slice(0, 110), Math.round(us / 1000), `${((100 * us) / total).toFixed(1)}%`]);
  process.stdout.write(`profile ${path}: ${(total / 1e6).toFixed(1)} s sampled\n\n`);
  process.stdout.write(`self time by function\n${renderTable(['function', 'ms', 'share'], rows(selfByLabel))}\n`);
  process.stdout.write(`self time by file\n${renderTable(['file', 'ms', 'share'], rows(selfByFile))}\n`);
  process.stdout.write(`inclusive time by function\n${renderTable(['function', 'ms', 'share'], rows(inclusive))}\n`);
}

main();
