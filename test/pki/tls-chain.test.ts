// The certificates this PKI makes are judged by Node's own TLS stack (OpenSSL): chains, validity, mutual TLS.
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, createSelfSigned, issueCertificate } from '../../src/pki/index.ts';
import type { IssuedCert, KeyAlgorithm } from '../../src/pki/index.ts';
import { handshake } from './tls-helpers.ts';

const DAY = 86_400_000;

/** Server options for a certificate: send the chain (leaf plus intermediates) and use the leaf key. */
const serve = (c: IssuedCert) => ({ cert: c.chainPem, key: c.keyPem });

interface Kit {
  root: IssuedCert;
  otherRoot: IssuedCert;
  server: IssuedCert;
  expired: IssuedCert;
  notYetValid: IssuedCert;
  selfSigned: IssuedCert;
  client: IssuedCert;
  foreignClient: IssuedCert;
}

async function makeKit(algorithm: KeyAlgorithm): Promise<Kit> {
  const now = Date.now();
  const [root, otherRoot] = await Promise.all([
    createRootCa({ commonName: 'Test CSMS Root CA', organization: 'Test CPO', algorithm }),
    createRootCa({ commonName: 'Unrelated Root CA', organization: 'Elsewhere', algorithm }),
  ]);
  const serverOpts = { commonName: 'localhost', usage: 'server' as const, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], algorithm };
  const [server, expired, notYetValid, selfSigned, client, foreignClient] = await Promise.all([
    issueCertificate({ issuer: root, ...serverOpts }),
    issueCertificate({ issuer: root, ...serverOpts, notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) }),
    issueCertificate({ issuer: root, ...serverOpts, notBefore: new Date(now + 365 * DAY), notAfter: new Date(now + 730 * DAY) }),
    createSelfSigned(serverOpts),
    issueCertificate({ issuer: root, commonName: 'CS001', organization: 'Test CPO', usage: 'client', algorithm }),
    issueCertificate({ issuer: otherRoot, commonName: 'CS001', organization: 'Test CPO', usage: 'client', algorithm }),
  ]);
  return { root, otherRoot, server, expired, notYetValid, selfSigned, client, foreignClient };
}

describe.each(['RSA', 'ECDSA-P256'] as const)('TLS with %s certificates', (algorithm) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await makeKit(algorithm);
  });

  it('has the expected structure (checked with node:crypto)', () => {
    const root = new X509Certificate(kit.root.certPem);
    const server = new X509Certificate(kit.server.certPem);
    const client = new X509Certificate(kit.client.certPem);
    expect(root.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(root.checkIssued(root)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(server.checkIssued(root)).toBe(true);
    expect(server.verify(root.publicKey)).toBe(true);
    expect(server.verify(new X509Certificate(kit.otherRoot.certPem).publicKey)).toBe(false);
    expect(server.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(client.subject.split('\n').sort()).toEqual(['CN=CS001', 'O=Test CPO']);
    expect(server.publicKey.asymmetricKeyType).toBe(algorithm === 'RSA' ? 'rsa' : 'ec');
    if (algorithm === 'RSA') expect(server.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    else expect(server.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(kit.server.chainPem).toBe(kit.server.certPem);
    expect(kit.server.issuer).toBe(kit.root.subject);
  });

  it('a client trusting the root completes the handshake', async () => {
    const r = await handshake({ server: serve(kit.server), client: { ca: kit.root.certPem } });
    expect(r).toMatchObject({ clientOk: true, serverOk: true });
    expect(r.clientError).toBeUndefined();
  });

  it('a client trusting only an unrelated root refuses the server', async () => {
    const r = await handshake({ server: serve(kit.server), client: { ca: kit.otherRoot.certPem } });
    expect(r.clientOk).toBe(false);
    expect(r.clientError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('an expired server certificate fails with CERT_HAS_EXPIRED', async () => {
    const r = await handshake({ server: serve(kit.expired), client: { ca: kit.root.certPem } });
    expect(r.clientOk).toBe(false);
    expect(r.clientError).toBe('CERT_HAS_EXPIRED');
  });

  it('a not yet valid server certificate fails with CERT_NOT_YET_VALID', async () => {
    const r = await handshake({ server: serve(kit.notYetValid), client: { ca: kit.root.certPem } });
    expect(r.clientOk).toBe(false);
    expect(r.clientError).toBe('CERT_NOT_YET_VALID');
  });

  it('a self-signed server certificate is refused', async () => {
    const r = await handshake({ server: serve(kit.selfSigned), client: { ca: kit.root.certPem } });
    expect(r.clientOk).toBe(false);
    expect(r.clientError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('mutual TLS: the server accepts a station certificate issued by the root', async () => {
    const r = await handshake({
      server: { ...serve(kit.server), ca: kit.root.certPem, requestCert: true },
      client: { ca: kit.root.certPem, cert: kit.client.chainPem, key: kit.client.keyPem },
    });
    expect(r).toMatchObject({ clientOk: true, serverOk: true, peerCommonName: 'CS001', peerAuthorized: true });
  });

  it('mutual TLS: the server rejects a station certificate from another root', async () => {
    const r = await handshake({
      server: { ...serve(kit.server), ca: kit.root.certPem, requestCert: true },
      client: { ca: kit.root.certPem, cert: kit.foreignClient.chainPem, key: kit.foreignClient.keyPem },
    });
    expect(r.serverOk).toBe(false);
    expect(r.serverError).toBeDefined();
    // The same connection on a server that lets it through shows OpenSSL's reason.
    const looked = await handshake({
      server: { ...serve(kit.server), ca: kit.root.certPem, requestCert: true, rejectUnauthorized: false },
      client: { ca: kit.root.certPem, cert: kit.foreignClient.chainPem, key: kit.foreignClient.keyPem },
    });
    expect(looked).toMatchObject({ serverOk: true, peerAuthorized: false, peerAuthorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('mutual TLS: the server rejects a client that sends no certificate', async () => {
    const r = await handshake({
      server: { ...serve(kit.server), ca: kit.root.certPem, requestCert: true },
      client: { ca: kit.root.certPem },
    });
    expect(r.serverOk).toBe(false);
    expect(r.serverError).toBeDefined();
  });
});

describe('intermediate CAs', () => {
  it('a leaf under two sub-CAs verifies when the server sends its chain', async () => {
    const root = await createRootCa({ commonName: 'Chain Root', algorithm: 'ECDSA-P384' });
    const sub1 = await issueCertificate({ issuer: root, commonName: 'Sub-CA1', usage: 'ca', pathLength: 1 });
    const sub2 = await issueCertificate({ issuer: sub1, commonName: 'Sub-CA2', usage: 'ca', pathLength: 0, algorithm: 'ECDSA-P256' });
    const leaf = await issueCertificate({ issuer: sub2, commonName: 'localhost', usage: 'server', ipAddresses: ['127.0.0.1'] });
    expect(leaf.algorithm).toBe('ECDSA-P256');
    expect(sub1.algorithm).toBe('ECDSA-P384');
    const chain = leaf.chainPem.match(/-----BEGIN CERTIFICATE-----/g) ?? [];
    expect(chain).toHaveLength(3);
    expect(leaf.chainPem.startsWith(leaf.certPem)).toBe(true);
    expect(leaf.chainPem).not.toContain(root.certPem);
    const ok = await handshake({ server: { cert: leaf.chainPem, key: leaf.keyPem }, client: { ca: root.certPem } });
    expect(ok.clientOk).toBe(true);
    // Without the intermediates the client cannot build the path.
    const bare = await handshake({ server: { cert: leaf.certPem, key: leaf.keyPem }, client: { ca: root.certPem } });
    expect(bare.clientOk).toBe(false);
    expect(bare.clientError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});
