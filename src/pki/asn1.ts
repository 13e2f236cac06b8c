// The ASN.1 packages OCSP messages are built and read with, loaded on the first OCSP message: evaluating them (and
// asn1js under them) took ~16 ms of every cucumber child's start and their 0.3 MB as much again to parse, while only
// the OCSP cases use them. A runtime require (not an import the bundler follows) reads them from node_modules.
import { createRequire } from 'node:module';
import type * as Ocsp from '@peculiar/asn1-ocsp';
import type * as Schema from '@peculiar/asn1-schema';
import type * as X509Asn from '@peculiar/asn1-x509';

export type { Ocsp };

export interface Asn1 {
  ocsp: typeof Ocsp;
  schema: typeof Schema;
  x509: typeof X509Asn;
}

let loaded: Asn1 | undefined;

export function asn1(): Asn1 {
  if (!loaded) {
    const requireHere = createRequire(import.meta.url);
    loaded = {
      ocsp: requireHere('@peculiar/asn1-ocsp') as typeof Ocsp,
      schema: requireHere('@peculiar/asn1-schema') as typeof Schema,
      x509: requireHere('@peculiar/asn1-x509') as typeof X509Asn,
    };
  }
  return loaded;
}
