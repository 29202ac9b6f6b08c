import { Pseudonymizer } from '@fairmarket/contract';

/**
 * Used when PSEUDONYM_KEY is not set. Pseudonyms never leave an offline run (none is in the
 * findings), but which requests are sampled as evidence depends on them: a fixed key makes
 * two runs over the same files give the same document. (A random key made the evidence of
 * personalization_opt_out differ from run to run.)
 */
const OFFLINE_KEY = 'fairmarket-offline-self-audit-key-v1-0000';

/** The offline audit pseudonymises user ids like the server does: with PSEUDONYM_KEY set the pseudonyms match the server's. */
export function cliPseudonymizer(): Pseudonymizer {
  const key = process.env.PSEUDONYM_KEY;
  return new Pseudonymizer(key && key.length >= 32 ? key : OFFLINE_KEY);
}
