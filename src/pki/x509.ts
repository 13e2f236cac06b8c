// The one place that loads @peculiar/x509, and only when a certificate is first made, parsed or signed: the package
// and what it stands on (asn1js, tsyringe, the Reflect metadata polyfill) were 0.4 MB of every bundle and ~50 ms of
// every start of the CLI and of the cucumber child, and most runs never touch a certificate (the test PKI's files are
// read as text). It needs the polyfill loaded before it (its dependency injection container checks for one at load
// time), and it must sign with Node's WebCrypto.
import { webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as X509 from '@peculiar/x509';

// The project compiles without the DOM library, so the WebCrypto types come from node:crypto.
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
export type SigningAlgorithm = webcrypto.Algorithm | webcrypto.EcdsaParams;
export type KeyImportParams = webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
export type { X509 };

let loaded: typeof X509 | undefined;

function load(): typeof X509 {
  if (!loaded) {
    // A runtime require (not an import the bundler follows): the package is read from node_modules on first use.
    const requireHere = createRequire(import.meta.url);
    requireHere('reflect-metadata');
    const lib = requireHere('@peculiar/x509') as typeof X509;
    lib.cryptoProvider.set(webcrypto);
    loaded = lib;
  }
  return loaded;
}

/** @peculiar/x509, loaded on the first use of any of its members. */
export const x509: typeof X509 = new Proxy({} as typeof X509, { get: (_target, key) => Reflect.get(load(), key) as unknown });
export const subtle: webcrypto.SubtleCrypto = webcrypto.subtle;
