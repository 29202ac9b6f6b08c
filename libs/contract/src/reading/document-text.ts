import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';

export type DocumentTextResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads the body of a document given by `path`, a file inside the dataset directory. The path
 * comes from the submitted data, so it is confined: absolute paths, `..` escapes and symbolic
 * links leading outside the directory are refused rather than read.
 */
export class DocumentTextReader {
  private realRoot: Promise<string> | undefined;

  constructor(private readonly datasetDir: string) {}

  async read(path: string): Promise<DocumentTextResult> {
    if (isAbsolute(path) || win32.isAbsolute(path)) {
      return { ok: false, reason: 'path: must be relative to the dataset directory, not absolute' };
    }
    const root = resolve(this.datasetDir);
    const target = resolve(root, path);
    if (!isInside(root, target)) return { ok: false, reason: 'path: must stay inside the dataset directory' };
    let real: string;
    try {
      this.realRoot ??= realpath(root);
      real = await realpath(target);
      if (!isInside(await this.realRoot, real)) return { ok: false, reason: 'path: must stay inside the dataset directory' };
      if (!(await stat(real)).isFile()) return { ok: false, reason: 'path: is not a file' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { ok: false, reason: 'path: file not found in the dataset directory' };
      }
      return { ok: false, reason: `path: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const text = await readFile(real, 'utf8');
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
