import type { CharacteristicFamily, PersonalizationOptOutRules } from '@fairmarket/rules';
import { benjaminiHochberg, chiSquareIndependence } from '@fairmarket/stats';
import type { SampledCell } from './cell-sample';
import { groupingFor, stratumCodes, type Grouping } from './characteristic-groups';
import { overlapGapTestOn, type OverlapTestResult } from './overlap-test';
import { RequestTable } from './request-table';
import { stableHash } from './stable-hash';

/** Numeric characteristics conditioned on are cut at quartiles. */
const CONDITIONING_BINS = 4;

/** Evidence pairs kept per characteristic: two requests each, so 25 pairs fill 50 items. */
export const EVIDENCE_PAIRS = 25;

export interface CharacteristicTest {
  family: CharacteristicFamily | 'other';
  characteristic: string;
  /** For numeric characteristics: the median that splits the two groups. */
  cut?: number;
  result: OverlapTestResult;
  /** The characteristics the permutation was stratified by (those associated with this one). */
  conditionedOn: string[];
  /**
   * Benjamini-Hochberg q-value of the permutation p-value among every characteristic tested on
   * the same (platform, algorithm); a test that was not permuted enters with p = 1.
   */
  q_value: number;
  /** Gap, significance (q <= p_max) and request count all meet the rule pack. */
  alert: boolean;
}

export interface ScanOptions {
  rules: PersonalizationOptOutRules;
  /** Seeds the permutations of each test: the same data always gives the same p-values. */
  seedKey: string;
  /** Characteristics to condition on: labels are permuted only among users who agree on them. */
  conditionOn?: readonly string[];
}

/**
 * Runs the top-k overlap test once per characteristic. A characteristic alerts when users of
 * different groups see results less alike than users of the same group by at least
 * `min_jaccard_gap`, over at least `min_requests` requests, with a Benjamini-Hochberg q-value
 * <= `p_max` over the characteristics tested (8 to 10 tests at p < p_max each would otherwise
 * find some characteristic "significant" several times more often than p_max says).
 * With `conditionOn`, labels are permuted within strata of those conditioning characteristics
 * that are associated with the tested one inside cells (chi-square p < p_max), and the gap must also
 * exceed the permutations' mean gap (what the conditioning characteristics already explain).
 */
export function scanCharacteristics(
  cells: readonly SampledCell[],
  characteristics: readonly { family: CharacteristicFamily | 'other'; characteristic: string }[],
  options: ScanOptions,
): CharacteristicTest[] {
  const { rules } = options;
  // One table for every characteristic: groups become codes once, overlaps are computed once.
  const table = new RequestTable(cells, [...characteristics.map((c) => c.characteristic), ...(options.conditionOn ?? [])]);
  const conditioning = (options.conditionOn ?? [])
    .map((name) => groupingFor(name, table, CONDITIONING_BINS))
    .filter((g): g is Grouping => g !== null);
  const tests: Omit<CharacteristicTest, 'q_value' | 'alert'>[] = [];
  const material: boolean[] = [];
  for (const { family, characteristic } of characteristics) {
    const grouping = groupingFor(characteristic, table);
    if (!grouping) continue;
    // Only a conditioning characteristic associated with this one can confound it; the others
    // would only cost power (a 12-valued region leaves few users to permute within a stratum).
    const others = conditioning.filter(
      (g) => g.characteristic !== characteristic && associatedWithinCells(grouping, g, table, rules.p_max),
    );
    const strata = others.length > 0 ? stratumCodes(others, table.requests.length) : null;
    const result = overlapGapTestOn(table, grouping, strata, {
      permutations: rules.permutations,
      seed: stableHash(`${options.seedKey}\u0001${characteristic}`),
      shouldPermute: (observed) => observed.n_requests >= rules.min_requests && observed.gap >= rules.min_jaccard_gap,
      evidencePairs: EVIDENCE_PAIRS,
    });
    const excess = result.null_gap === null ? result.gap : result.gap - result.null_gap;
    material.push(
      result.n_requests >= rules.min_requests &&
        result.gap >= rules.min_jaccard_gap &&
        (others.length === 0 || excess >= rules.min_jaccard_gap),
    );
    tests.push({ family, characteristic, cut: grouping.cut, result, conditionedOn: others.map((g) => g.characteristic) });
  }
  // Not permuted means the gap or the request count already fell short: p = 1 is conservative.
  const q = benjaminiHochberg(tests.map((t) => t.result.p_value ?? 1));
  return tests.map((t, i) => ({
    ...t,
    q_value: q[i],
    alert: t.result.p_value !== null && q[i] <= rules.p_max && material[i],
  }));
}

/** The characteristics of the rule pack's families, family by family, in a fixed order. */
export function familyCharacteristics(
  families: Record<CharacteristicFamily, string[]>,
): { family: CharacteristicFamily; characteristic: string }[] {
  return (Object.keys(families) as CharacteristicFamily[])
    .sort()
    .flatMap((family) => families[family].map((characteristic) => ({ family, characteristic })));
}

/** The strongest test: alerts first, then the largest gap, then by name. */
export function strongest(tests: readonly CharacteristicTest[]): CharacteristicTest | undefined {
  return [...tests].sort(
    (a, b) =>
      Number(b.alert) - Number(a.alert) ||
      (Number.isFinite(b.result.gap) ? b.result.gap : -Infinity) -
        (Number.isFinite(a.result.gap) ? a.result.gap : -Infinity) ||
      (a.characteristic < b.characteristic ? -1 : 1),
  )[0];
}

/**
 * Are two groupings associated where it matters, inside cells (labels are only permuted
 * there)? Pairs of users of a cell are classed by agreeing or not on each grouping, and a
 * chi-square test asks whether agreeing on one makes agreeing on the other likelier. Pairs
 * share users, so the p-value is optimistic: the check errs towards conditioning, which
 * costs power, never validity.
 */
function associatedWithinCells(a: Grouping, b: Grouping, requests: RequestTable, pMax: number): boolean {
  const table = [
    [0, 0],
    [0, 0],
  ];
  const x = a.codes;
  const y = b.codes;
  for (let c = 0; c < requests.cellCount; c++) {
    const end = requests.start[c + 1];
    for (let i = requests.start[c]; i < end; i++) {
      if (x[i] < 0 || y[i] < 0) continue;
      for (let j = i + 1; j < end; j++) {
        if (x[j] < 0 || y[j] < 0) continue;
        table[x[i] === x[j] ? 0 : 1][y[i] === y[j] ? 0 : 1]++;
      }
    }
  }
  if (table.some((row) => row[0] + row[1] === 0) || table[0][0] + table[1][0] === 0 || table[0][1] + table[1][1] === 0) {
    return false;
  }
  return chiSquareIndependence(table).p < pMax;
}
