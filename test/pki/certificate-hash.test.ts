// certificateHashData against the openssl CLI's OCSP CertID (issuer name hash, issuer key hash, serial number) for a
// root and for a certificate below it, with every OCPP hash algorithm; bad input is refused clearly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PkiError, createRootCa, issueCertificate } from '../../src/pki/index.ts';
import type { IssuedCert } from '../../src/pki/index.ts';
import { HASH_ALGORITHMS, certificateHashData } from '../../src/pki/certificate-hash.ts';
import type { HashAlgorithm } from '../../src/pki/certificate-hash.ts';

let tmp: string;
let root: IssuedCert;
let leaf: IssuedCert;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cert-hash-'));
  root = await createRootCa({ commonName: 'Hash Test Root', organization: 'Test', algorithm: 'RSA' });
  leaf = await issueCertificate({ issuer: root, commonName: 'Hash Test Leaf', usage: 'codeSigning', algorithm: 'ECDSA-P256' });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** openssl's CertID of `cert` issued by `issuer`, hashed with `alg`. */
function opensslCertId(cert: IssuedCert, issuer: IssuedCert, alg: HashAlgorithm): { name: string; key: string; serial: string } {
  const certFile = path.join(tmp, 'cert.pem');
  const issuerFile = path.join(tmp, 'issuer.pem');
  const reqFile = path.join(tmp, 'req.der');
  writeFileSync(certFile, cert.certPem);
  writeFileSync(issuerFile, issuer.certPem);
  execFileSync('openssl', ['ocsp', '-issuer', issuerFile, `-${alg.toLowerCase()}`, '-cert', certFile, '-no_nonce', '-reqout', reqFile], { stdio: 'pipe' });
  // Long hashes are wrapped with a trailing backslash; join them first.
  const text = execFileSync('openssl', ['ocsp', '-reqin', reqFile, '-req_text'], { encoding: 'utf8' }).replace(/\\\n/g, '');
  const field = (label: string): string => (new RegExp(`${label}: ([0-9A-Fa-f]+)`).exec(text)?.[1] ?? '').toLowerCase();
  return { name: field('Issuer Name Hash'), key: field('Issuer Key Hash'), serial: field('Serial Number').replace(/^0+(?=.)/, '') };
}

describe('certificateHashData', () => {
  for (const alg of HASH_ALGORITHMS) {
    it(`matches openssl's CertID for a root (${alg})`, () => {
      const ours = certificateHashData(root.certPem, alg);
      const ref = opensslCertId(root, root, alg);
      expect(ours).toEqual({ hashAlgorithm: alg, issuerNameHash: ref.name, issuerKeyHash: ref.key, serialNumber: ref.serial });
    });

    it(`matches openssl's CertID for a certificate below the root (${alg})`, () => {
      const ours = certificateHashData(leaf.certPem, alg, root.certPem);
      const ref = opensslCertId(leaf, root, alg);
      expect(ours).toEqual({ hashAlgorithm: alg, issuerNameHash: ref.name, issuerKeyHash: ref.key, serialNumber: ref.serial });
    });
  }

  it('needs the issuer of a certificate that is not self-signed', () => {
    expect(() => certificateHashData(leaf.certPem, 'SHA256')).toThrow(PkiError);
  });

  it('refuses what is not a certificate', () => {
    expect(() => certificateHashData('not a certificate', 'SHA256')).toThrow(PkiError);
    expect(() => certificateHashData('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'SHA256')).toThrow(PkiError);
  });
});
