/** The statistics a finding's metrics carry (shared/spec/findings.md), read defensively: detectors differ. */
export interface FindingStatistics {
  effect: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  qValue: number | null;
  /** Every other numeric metric, for the table and the bar chart. */
  others: { name: string; value: number }[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function findingStatistics(metrics: Record<string, unknown> | null | undefined): FindingStatistics {
  const m = metrics ?? {};
  const ci = Array.isArray(m.ci95) && m.ci95.length === 2 && m.ci95.every((x) => num(x) !== null) ? ([m.ci95[0], m.ci95[1]] as [number, number]) : null;
  const known = new Set(['effect', 'ci95', 'p_value', 'q_value']);
  const others = Object.entries(m)
    .filter(([k, v]) => !known.has(k) && num(v) !== null)
    .map(([name, value]) => ({ name, value: value as number }));
  return { effect: num(m.effect), ci95: ci, pValue: num(m.p_value), qValue: num(m.q_value), others };
}

/** A linear scale that always shows zero, so an effect's sign and size read at a glance. */
export function scaleWithZero(values: number[], width: number): { x: (v: number) => number; min: number; max: number } {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  return { x: (v) => ((v - min) / span) * width, min, max };
}
