// The one place that loads @peculiar/x509. It needs a Reflect metadata polyfill loaded before it (its dependency
// injection container checks for one at import time), and it must sign with Node's WebCrypto.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// The project compiles without the DOM library, so the WebCrypto types come from node:crypto.
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
export type SigningAlgorithm = webcrypto.Algorithm | webcrypto.EcdsaParams;
export type KeyImportParams = webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;

x509.cryptoProvider.set(webcrypto);

export { x509 };
export const subtle: webcrypto.SubtleCrypto = webcrypto.subtle;
