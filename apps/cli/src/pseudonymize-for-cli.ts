import { randomBytes } from 'node:crypto';
import { Pseudonymizer } from '@fairmarket/contract';

/**
 * The offline audit pseudonymises user ids like the server does. With PSEUDONYM_KEY set the
 * pseudonyms match the server's; without it a random key is used for this run only (the ids
 * only need to be consistent within the run, and none appears in the findings). A run that
 * reads on several threads hands every thread the one key.
 */
export function cliPseudonymKey(): string {
  const key = process.env.PSEUDONYM_KEY;
  return key && key.length >= 32 ? key : randomBytes(32).toString('hex');
}

export function cliPseudonymizer(key = cliPseudonymKey()): Pseudonymizer {
  return new Pseudonymizer(key);
}
