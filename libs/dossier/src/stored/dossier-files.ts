import { join, resolve } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a dataset's dossier bundle lives under DOSSIER_DIR: ids are UUIDs, so no path can escape it. */
export function dossierPath(dossierDir: string, datasetId: string, dossierId: string): string {
  if (!UUID.test(datasetId) || !UUID.test(dossierId)) throw new Error(`dataset and dossier ids must be UUIDs (got ${datasetId}, ${dossierId})`);
  return join(resolve(dossierDir), datasetId, `${dossierId}.zip`);
}
