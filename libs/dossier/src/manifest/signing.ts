import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

// PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The dossier signing key from configuration (DOSSIER_SIGNING_KEY): a PKCS#8 PEM (newlines may
 * be written as \n in an env file), or the 32-byte Ed25519 seed in hex or base64.
 */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed.replace(/\\n/g, '\n'))
      : createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seedBytes(trimmed)]), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType} key`);
    return key;
  } catch (error) {
    throw new Error(
      `DOSSIER_SIGNING_KEY is not an Ed25519 private key (${(error as Error).message}): give a PKCS#8 PEM ` +
        '(`openssl genpkey -algorithm ed25519`) or a 32-byte seed in hex or base64',
    );
  }
}

function seedBytes(text: string): Buffer {
  const seed = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (seed.length !== 32) throw new Error(`the seed has ${seed.length} bytes, not 32`);
  return seed;
}

/** A fresh key as a PEM, for `fairmarket verify-dossier`'s tests and for setting up a deployment. */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export interface PublicKeyInfo {
  /** SubjectPublicKeyInfo DER, base64. */
  spki_base64: string;
  /** SHA-256 of the SPKI DER, hex: what a recipient compares with the key the authority published. */
  key_id: string;
  pem: string;
}

export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const der = pub.export({ format: 'der', type: 'spki' });
  return {
    spki_base64: der.toString('base64'),
    key_id: createHash('sha256').update(der).digest('hex'),
    pem: pub.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function signManifest(manifest: Buffer, key: KeyObject): Buffer {
  return sign(null, manifest, key);
}

export function verifyManifestSignature(manifest: Buffer, signature: Buffer, spkiBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, manifest, key, signature);
  } catch {
    return false;
  }
}
