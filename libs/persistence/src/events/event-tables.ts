import type { EventsByKind, FileKind } from '@fairmarket/contract';

/**
 * How each file kind is stored: one table per kind, same shape for all (key columns plus the
 * validated record as jsonb). Time-stamped kinds are partitioned by month on `ts`, with a BRIN
 * index, so a platform's months can be scanned, detached or archived on their own.
 * The natural key makes ingestion idempotent: a line already stored is never stored again.
 */
export interface EventTable<K extends FileKind = FileKind> {
  kind: K;
  table: string;
  timed: boolean;
  naturalId(record: EventsByKind[K]): string;
}

function table<K extends FileKind>(kind: K, timed: boolean, naturalId: (r: EventsByKind[K]) => string): EventTable<K> {
  return { kind, table: `ev_${kind}`, timed, naturalId };
}

export const EVENT_TABLES: { [K in FileKind]: EventTable<K> } = {
  merchants: table('merchants', false, (r) => r.merchant_id),
  skus: table('skus', false, (r) => r.sku_id),
  price_quotes: table('price_quotes', true, (r) => r.quote_id),
  orders: table('orders', true, (r) => r.order_id),
  listings: table('listings', true, (r) => r.snapshot_id),
  costs: table('costs', false, (r) => `${r.sku_id}@${r.valid_from}`),
  impressions: table('impressions', true, (r) => r.request_id),
  merchant_events: table('merchant_events', true, (r) => r.event_id),
  documents: table('documents', false, (r) => r.document_id),
  algorithms: table('algorithms', false, (r) => r.algorithm_id),
};

/** Columns in COPY order. `ts` only on timed tables. */
export function copyColumns(t: EventTable): string[] {
  return ['dataset_id', 'platform_id', 'natural_id', ...(t.timed ? ['ts'] : []), 'sku_id', 'merchant_id', 'file_id', 'line_no', 'line_hash', 'doc'];
}
