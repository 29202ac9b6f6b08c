/** Small helpers for the generator's own tests: typed views of raw generated records. */
import type { MemorySink } from '../sinks/memory-sink';

export type Row = Record<string, any>;

export function rows(raw: MemorySink, kind: Parameters<MemorySink['get']>[0]): Row[] {
  return raw.get(kind) as Row[];
}

export function ms(ts: string): number {
  const t = Date.parse(ts);
  if (Number.isNaN(t)) throw new Error(`unparseable timestamp ${ts}`);
  return t;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Effective price as detectors.md defines it: published, disclosed offers are added back. */
export function effectivePrice(quote: Row): number {
  const published = (quote.coupons ?? []).filter((c: Row) => c.disclosed && ['public', 'new_user', 'member'].includes(c.scope));
  return quote.final_price + published.reduce((sum: number, c: Row) => sum + c.amount, 0);
}
