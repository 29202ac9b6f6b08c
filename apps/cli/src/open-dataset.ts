import { DatasetUnreadableError, FileDatasetSource, type FileDatasetSourceOptions } from '@fairmarket/contract';
import { cliPseudonymizer } from './pseudonymize-for-cli';

/**
 * Opens a dataset directory for an offline command, with user ids pseudonymised. When the
 * input cannot be read at all it says why on stderr, sets exit code 2 (findings.md) and
 * returns null.
 */
export async function openDatasetOrExit(
  input: string,
  options: Omit<FileDatasetSourceOptions, 'pseudonymize'> = {},
): Promise<FileDatasetSource | null> {
  const pseudonymizer = cliPseudonymizer();
  try {
    return await FileDatasetSource.open(input, { ...options, pseudonymize: (id) => pseudonymizer.pseudonymize(id) });
  } catch (error) {
    if (!(error instanceof DatasetUnreadableError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 2;
    return null;
  }
}
