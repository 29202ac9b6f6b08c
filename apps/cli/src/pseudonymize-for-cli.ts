import { randomBytes } from 'node:crypto';
import { Pseudonymizer } from '@fairmarket/contract';

/**
 * The offline audit pseudonymises user ids like the server does. With PSEUDONYM_KEY set the
 * pseudonyms match the server's; without it a random key is used for this run only (the ids
 * only need to be consistent within the run, and none appears in the findings).
 */
export function cliPseudonymizer(): Pseudonymizer {
  const key = process.env.PSEUDONYM_KEY;
  return new Pseudonymizer(key && key.length >= 32 ? key : randomBytes(32).toString('hex'));
}
