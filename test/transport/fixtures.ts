// Certificates for the TLS tests, made with the project PKI (src/pki): an RSA hierarchy for SP2, an
// ECDSA P-256 hierarchy for SP3, and an unrelated root to play "the wrong CA".

import type { IssuedCert, KeyAlgorithm } from '../../src/pki/index.ts';
import { createRootCa, issueCertificate } from '../../src/pki/index.ts';

export interface Hierarchy {
  root: IssuedCert;
  server: IssuedCert;
}

export async function hierarchy(algorithm: KeyAlgorithm, name: string): Promise<Hierarchy> {
  const root = await createRootCa({ commonName: `${name} Root`, organization: 'ocpp-conformance tests', algorithm });
  const server = await issueCertificate({
    issuer: root,
    commonName: 'csms.test',
    organization: 'ocpp-conformance tests',
    algorithm,
    usage: 'server',
    dnsNames: ['csms.test', 'localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  return { root, server };
}

export function stationCert(issuer: IssuedCert, identity: string, algorithm: KeyAlgorithm): Promise<IssuedCert> {
  return issueCertificate({ issuer, commonName: identity, organization: 'ocpp-conformance tests', algorithm, usage: 'client' });
}
