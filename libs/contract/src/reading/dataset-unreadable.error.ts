/**
 * The dataset as a whole cannot be read: no such directory, not a directory, or no file with
 * a known name in it. The CLI exits 2 on this; the API answers 400 with the message.
 */
export class DatasetUnreadableError extends Error {
  constructor(
    message: string,
    readonly dir: string,
  ) {
    super(message);
    this.name = 'DatasetUnreadableError';
  }
}
