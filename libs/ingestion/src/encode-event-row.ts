import { hash } from 'node:crypto';
import type { EventsByKind, FileKind } from '@fairmarket/contract';
// The files themselves, not the package index (which loads Nest): unit tests run this code.
import { copyBytea, copyValue } from '../../persistence/src/events/copy-text';
import type { EventTable } from '../../persistence/src/events/event-tables';
import { storedDocument } from './stored-document';

/**
 * One accepted line as a COPY row of its event table (columns in copyColumns order). The
 * line's SHA-256 is stored with it so that a dossier can later prove which exact input line a
 * finding rests on. Built by concatenation rather than an array joined by copyRow: this runs
 * once per line, and the array was garbage a million times over.
 */
export function encodeEventRow<K extends FileKind>(
  table: EventTable<K>,
  record: EventsByKind[K],
  ids: { datasetId: string; fileId: string; line: number; raw: string },
): string {
  const r = record as unknown as { platform_id: string; tsMs?: number; sku_id?: string; merchant_id?: string };
  let row = `${copyValue(ids.datasetId)}\t${copyValue(r.platform_id)}\t${copyValue(table.naturalId(record))}\t`;
  if (table.timed) row += `${new Date(r.tsMs as number).toISOString()}\t`;
  return (
    `${row}${copyValue(r.sku_id ?? null)}\t${copyValue(r.merchant_id ?? null)}\t${ids.fileId}\t${ids.line}\t` +
    // One-shot hash: about 3× cheaper than createHash().update().digest() per line.
    `${copyBytea(hash('sha256', ids.raw, 'hex'))}\t${copyValue(storedDocument(ids.raw, record as unknown as Record<string, unknown>))}\n`
  );
}
