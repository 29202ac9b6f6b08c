import type { Response } from 'express';
import { createReadStream } from 'node:fs';

/** Streams a dossier ZIP as an attachment; the name keeps to characters every browser accepts. */
export function sendBundle(res: Response, path: string, name: string): void {
  res.setHeader('content-type', 'application/zip');
  res.setHeader('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.zip"`);
  createReadStream(path).pipe(res);
}
