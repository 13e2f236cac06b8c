// CSR flow: requests made by us and by the openssl CLI, signed by the test CA; every kind of bad request is refused clearly.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PkiError,
  createCsr,
  createRootCa,
  describeCertificate,
  issueCertificate,
  signCsr,
  splitPemCertificates,
} from '../../src/pki/index.ts';
import type { IssuedCert, KeyAlgorithm } from '../../src/pki/index.ts';

const spki = (pem: string): Buffer => createPublicKey(pem).export({ format: 'der', type: 'spki' });

let root: IssuedCert;
let subCa: IssuedCert;
let tmp: string;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'CSR Test Root', organization: 'Test CPO' });
  subCa = await issueCertificate({ issuer: root, commonName: 'CSR Test Sub-CA', usage: 'ca', pathLength: 0 });
  tmp = mkdtempSync(path.join(tmpdir(), 'pki-csr-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(['RSA', 'ECDSA-P256', 'ECDSA-P384'] as const)('createCsr + signCsr with %s', (algorithm: KeyAlgorithm) => {
  it('issues a certificate for exactly the requested key and subject', async () => {
    const { csrPem, keyPem } = await createCsr({ commonName: 'CS001', organization: 'Test CPO', algorithm });
    expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const signed = await signCsr({ issuer: root, csrPem, usage: 'client', expectedCommonName: 'CS001', expectedOrganization: 'Test CPO' });
    const cert = new X509Certificate(signed.certPem);
    expect(cert.publicKey.export({ format: 'der', type: 'spki' }).equals(spki(keyPem))).toBe(true);
    expect(cert.checkIssued(new X509Certificate(root.certPem))).toBe(true);
    expect(cert.verify(new X509Certificate(root.certPem).publicKey)).toBe(true);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(cert.ca).toBe(false);
    expect(signed.subject).toBe('O=Test CPO, CN=CS001');
    expect(signed.chainPem).toBe(signed.certPem);
    expect(describeCertificate(signed.certPem).algorithm).toBe(algorithm);
  });
});

describe('signCsr', () => {
  let csr: { csrPem: string; keyPem: string };
  beforeAll(async () => {
    csr = await createCsr({ commonName: 'CS001', organization: 'Test CPO' });
  });

  it('from a sub-CA returns the chain up to, not including, the root', async () => {
    const signed = await signCsr({ issuer: subCa, csrPem: csr.csrPem, usage: 'server' });
    const chain = splitPemCertificates(signed.chainPem);
    expect(chain).toEqual([signed.certPem, subCa.certPem]);
    expect(new X509Certificate(signed.certPem).keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  });

  it('refuses a CN other than the expected one', async () => {
    await expect(signCsr({ issuer: root, csrPem: csr.csrPem, usage: 'client', expectedCommonName: 'CS002' })).rejects.toThrow(
      new PkiError('the CSR has CN "CS001" but "CS002" is required'),
    );
  });

  it('refuses an organisation other than the expected one, and a missing one', async () => {
    await expect(signCsr({ issuer: root, csrPem: csr.csrPem, usage: 'client', expectedOrganization: 'Other CPO' })).rejects.toThrow(
      /the CSR has O "Test CPO" but "Other CPO" is required/,
    );
    const noOrg = await createCsr({ commonName: 'CS001' });
    const err = await signCsr({ issuer: root, csrPem: noOrg.csrPem, usage: 'client', expectedOrganization: 'Test CPO' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as Error).message).toMatch(/has O \(none\)/);
  });

  it.each([
    ['empty text', '', /the CSR is empty/],
    ['text without PEM', 'hello, I am not a CSR', /no PEM block at all/],
    ['a certificate instead of a CSR', 'CERT', /expected "-----BEGIN CERTIFICATE REQUEST-----", found "CERTIFICATE"/],
    ['broken base64', '-----BEGIN CERTIFICATE REQUEST-----\n@@@@\n-----END CERTIFICATE REQUEST-----\n', /valid base64/],
    ['base64 that is not DER', '-----BEGIN CERTIFICATE REQUEST-----\nAAAAAAAA\n-----END CERTIFICATE REQUEST-----\n', /cannot be decoded as PKCS#10/],
  ])('rejects %s with a PkiError', async (_label, input, message) => {
    const csrPem = input === 'CERT' ? root.certPem : input;
    const err = await signCsr({ issuer: root, csrPem, usage: 'client' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as Error).message).toMatch(message);
  });

  it('rejects a CSR whose content was altered after signing', async () => {
    const der = Buffer.from(csr.csrPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    const at = der.indexOf(Buffer.from('CS001'));
    expect(at).toBeGreaterThan(0);
    der.write('CS009', at);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await expect(signCsr({ issuer: root, csrPem: tampered, usage: 'client' })).rejects.toThrow(/CSR signature is not valid/);
  });

  it('refuses an issuer that is not a CA, or whose key does not match', async () => {
    const leaf = await issueCertificate({ issuer: root, commonName: 'leaf', usage: 'client' });
    await expect(signCsr({ issuer: leaf, csrPem: csr.csrPem, usage: 'client' })).rejects.toThrow(/is not a CA certificate/);
    await expect(signCsr({ issuer: { ...root, keyPem: subCa.keyPem }, csrPem: csr.csrPem, usage: 'client' })).rejects.toThrow(
      /does not belong to its certificate/,
    );
    await expect(signCsr({ issuer: { ...root, keyPem: 'nope' }, csrPem: csr.csrPem, usage: 'client' })).rejects.toThrow(PkiError);
  });

  it('signs a P-256 CSR made by the openssl CLI', async () => {
    const keyFile = path.join(tmp, 'openssl.key.pem');
    const csrFile = path.join(tmp, 'openssl.csr.pem');
    execFileSync('openssl', [
      'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', keyFile, '-out', csrFile, '-subj', '/O=Test CPO/CN=CS042',
    ], { stdio: 'pipe' });
    const csrPem = readFileSync(csrFile, 'utf8');
    const signed = await signCsr({ issuer: subCa, csrPem, usage: 'client', expectedCommonName: 'CS042', expectedOrganization: 'Test CPO' });
    const cert = new X509Certificate(signed.certPem);
    expect(cert.publicKey.export({ format: 'der', type: 'spki' }).equals(spki(readFileSync(keyFile, 'utf8')))).toBe(true);
    expect(cert.subject.split('\n').sort()).toEqual(['CN=CS042', 'O=Test CPO']);
    // openssl itself accepts the chain: root as trust anchor, sub-CA as untrusted intermediate.
    const rootFile = path.join(tmp, 'root.pem');
    const chainFile = path.join(tmp, 'chain.pem');
    const leafFile = path.join(tmp, 'leaf.pem');
    writeFileSync(rootFile, root.certPem);
    writeFileSync(chainFile, subCa.certPem);
    writeFileSync(leafFile, signed.certPem);
    const out = execFileSync('openssl', ['verify', '-CAfile', rootFile, '-untrusted', chainFile, '-purpose', 'sslclient', leafFile], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${leafFile}: OK`);
  });
});

describe('describeCertificate', () => {
  it('describes a certificate', async () => {
    const c = await issueCertificate({ issuer: root, commonName: 'localhost', organization: 'Test CPO', usage: 'server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    const d = describeCertificate(c.chainPem);
    expect(d).toMatchObject({
      commonName: 'localhost',
      organization: 'Test CPO',
      isCa: false,
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
      algorithm: 'ECDSA-P256',
      serialNumber: c.serialNumber,
      issuer: root.subject,
    });
    expect(d.fingerprintSha256).toBe(new X509Certificate(c.certPem).fingerprint256);
    expect(describeCertificate(root.certPem).isCa).toBe(true);
  });

  it('throws PkiError for garbage', () => {
    expect(() => describeCertificate('garbage')).toThrow(PkiError);
    expect(() => describeCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toThrow(/cannot be decoded/);
  });
});
