// Key generation, PKCS#8 export/import and key-algorithm detection on Node's WebCrypto.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { subtle, x509 } from './x509.ts';
import type { CryptoKey, CryptoKeyPair, KeyImportParams, SigningAlgorithm } from './x509.ts';
import { PkiError, describeError } from './errors.ts';

/** RSA means RSA-2048 unless a key size is given; every signature uses SHA-256 except on P-384 keys, which sign with SHA-384. */
export type KeyAlgorithm = 'RSA' | 'ECDSA-P256' | 'ECDSA-P384';
export type RsaKeySize = 2048 | 3072 | 4096;

export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['RSA', 'ECDSA-P256', 'ECDSA-P384'];

export function isKeyAlgorithm(value: string): value is KeyAlgorithm {
  return (KEY_ALGORITHMS as readonly string[]).includes(value);
}

interface AlgorithmParams {
  /** WebCrypto parameters to generate or import the key. */
  key: KeyImportParams;
  /** Parameters for signatures made with this key. */
  signing: SigningAlgorithm;
}

export function algorithmParams(algorithm: KeyAlgorithm): AlgorithmParams {
  switch (algorithm) {
    case 'RSA':
      return { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, signing: { name: 'RSASSA-PKCS1-v1_5' } };
    case 'ECDSA-P256':
      return { key: { name: 'ECDSA', namedCurve: 'P-256' }, signing: { name: 'ECDSA', hash: 'SHA-256' } };
    case 'ECDSA-P384':
      return { key: { name: 'ECDSA', namedCurve: 'P-384' }, signing: { name: 'ECDSA', hash: 'SHA-384' } };
  }
}

export async function generateKeyPair(algorithm: KeyAlgorithm, rsaKeySize: RsaKeySize = 2048): Promise<CryptoKeyPair> {
  const params = algorithmParams(algorithm);
  const genParams =
    algorithm === 'RSA'
      ? { ...params.key, modulusLength: rsaKeySize, publicExponent: new Uint8Array([1, 0, 1]) }
      : params.key;
  return (await subtle.generateKey(genParams, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const der = await subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY') + '\n';
}

/** Which of our algorithms a Node key object uses; throws PkiError for anything else (DSA, Ed25519, other curves, small RSA). */
export function keyObjectAlgorithm(key: KeyObject, what: string): KeyAlgorithm {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < 2048) throw new PkiError(`${what} is an RSA key of ${bits} bits; at least 2048 bits are required`);
    return 'RSA';
  }
  if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve === 'prime256v1' || details.namedCurve === 'P-256') return 'ECDSA-P256';
    if (details.namedCurve === 'secp384r1' || details.namedCurve === 'P-384') return 'ECDSA-P384';
    throw new PkiError(`${what} uses the elliptic curve ${details.namedCurve ?? '(unknown)'}; only P-256 and P-384 are supported`);
  }
  throw new PkiError(`${what} is a ${key.asymmetricKeyType ?? 'unknown'} key; only RSA and ECDSA (P-256, P-384) are supported`);
}

export function publicKeyAlgorithm(spkiDer: ArrayBuffer | Uint8Array, what: string): KeyAlgorithm {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spkiDer as ArrayBuffer), format: 'der', type: 'spki' });
  } catch (err) {
    throw new PkiError(`${what}: the public key cannot be read (${describeError(err)})`, { cause: err });
  }
  return keyObjectAlgorithm(key, what);
}

export interface ImportedPrivateKey {
  algorithm: KeyAlgorithm;
  signingKey: CryptoKey;
  /** DER SubjectPublicKeyInfo of the matching public key, to compare with a certificate. */
  publicSpki: Buffer;
}

/** Reads a PEM private key (PKCS#8, or the traditional RSA/EC forms openssl writes) for signing. */
export async function importPrivateKeyPem(pem: string, what = 'private key'): Promise<ImportedPrivateKey> {
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new PkiError(`${what} is not a readable PEM private key (${describeError(err)})`, { cause: err });
  }
  const algorithm = keyObjectAlgorithm(keyObject, what);
  const pkcs8 = keyObject.export({ format: 'der', type: 'pkcs8' });
  const signingKey = await subtle.importKey('pkcs8', pkcs8, algorithmParams(algorithm).key, false, ['sign']);
  const publicSpki = createPublicKey(keyObject).export({ format: 'der', type: 'spki' });
  return { algorithm, signingKey, publicSpki };
}
