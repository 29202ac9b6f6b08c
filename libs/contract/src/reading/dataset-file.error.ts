/**
 * One file of a dataset cannot be read on (as opposed to one bad line, which is a rejection):
 * a CSV of a kind that needs arrays, a corrupt gzip stream, an I/O error. `line` is the
 * 1-based line at which reading stopped; lines before it were read normally.
 */
export class DatasetFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'DatasetFileError';
  }
}
