/**
 * The few environment variables the CLI reads itself. The offline commands need no
 * configuration at all, so the CLI does not load the server's validated Environment.
 */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fairmarket';

/** The owner's connection (migrations, account bootstrap, audit verification). */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
