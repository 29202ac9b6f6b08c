import { join, resolve } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a dossier is of: a dataset's selected findings, or a case. */
export interface DossierOwner {
  kind: 'dataset' | 'case';
  id: string;
}

/**
 * Where a dossier bundle lives under DOSSIER_DIR: a dataset's under its id (as before cases
 * existed), a case's under cases/<id>. Ids are UUIDs, so no path can escape the directory.
 */
export function dossierPath(dossierDir: string, owner: DossierOwner, dossierId: string): string {
  if (!UUID.test(owner.id) || !UUID.test(dossierId)) throw new Error(`${owner.kind} and dossier ids must be UUIDs (got ${owner.id}, ${dossierId})`);
  return owner.kind === 'case' ? join(resolve(dossierDir), 'cases', owner.id, `${dossierId}.zip`) : join(resolve(dossierDir), owner.id, `${dossierId}.zip`);
}
