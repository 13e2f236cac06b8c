// OCSP messages: our requests and responses read back by us AND by OpenSSL (an independent implementation), the
// signature check accepts the issuing CA only, and a CertID in every hash algorithm names the same certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, issueCertificate, type IssuedCert } from '../../src/pki/index.ts';
import { certificateIdData } from '../../src/pki/certificate-hash.ts';
import { buildOcspError, buildOcspRequest, buildOcspResponse, ocspSignatureProblem, parseOcspRequest, parseOcspResponse, sameCertId, type CertId } from '../../src/pki/ocsp.ts';

let ca: IssuedCert;
let rsaCa: IssuedCert;
let leaf: IssuedCert;
let other: IssuedCert;
const dir = mkdtempSync(join(tmpdir(), 'ocsp-test-'));

beforeAll(async () => {
  ca = await createRootCa({ commonName: 'OCSP Test MO Root' });
  rsaCa = await createRootCa({ commonName: 'OCSP Test RSA Root', algorithm: 'RSA' });
  leaf = await issueCertificate({ issuer: ca, commonName: 'DEABCC123456789', usage: 'client' });
  other = await issueCertificate({ issuer: rsaCa, commonName: 'DEABCC000000001', usage: 'client' });
});

const idOf = (cert: IssuedCert, issuer: IssuedCert, alg: CertId['hashAlgorithm'] = 'SHA256'): CertId => certificateIdData(cert.certPem, alg, issuer.certPem);

describe('OCSP requests', () => {
  it('round-trip every hash algorithm, and OpenSSL reads the same serial number', () => {
    for (const alg of ['SHA1', 'SHA256', 'SHA384', 'SHA512'] as const) {
      const id = idOf(leaf, ca, alg);
      const [back] = parseOcspRequest(buildOcspRequest([id]));
      expect(back && sameCertId(back, id)).toBe(true);
    }
    const der = buildOcspRequest([idOf(leaf, ca, 'SHA1')]);
    writeFileSync(join(dir, 'req.der'), der);
    const text = execFileSync('openssl', ['ocsp', '-reqin', join(dir, 'req.der'), '-req_text', '-noverify'], { encoding: 'utf8' });
    // OpenSSL prints the INTEGER as encoded, with a leading 00 when the top bit of the serial is set.
    const printed = /Serial Number:\s*([0-9A-Fa-f]+)/.exec(text)?.[1] ?? '';
    expect(printed.replace(/^0+/, '').toLowerCase()).toBe(leaf.serialNumber.replace(/^0+/, '').toLowerCase());
  });

  it('refuses what is not an OCSPRequest', () => {
    expect(() => parseOcspRequest(Buffer.from('hello'))).toThrow(/not a DER OCSPRequest/);
    expect(() => buildOcspRequest([])).toThrow(/at least one/);
  });
});

describe('OCSP responses', () => {
  it('good and revoked answers read back, signed by the issuing CA (ECDSA and RSA), and OpenSSL verifies them', () => {
    for (const [cert, issuer] of [[leaf, ca], [other, rsaCa]] as const) {
      const good = idOf(cert, issuer);
      const der = buildOcspResponse(issuer, [{ certId: good, status: 'good' }, { certId: { ...good, serialNumber: '1234' }, status: 'revoked' }]);
      const parsed = parseOcspResponse(der);
      expect(parsed.responseStatus).toBe('successful');
      expect(parsed.responses.map((r) => r.status)).toEqual(['good', 'revoked']);
      expect(sameCertId(parsed.responses[0]?.certId as CertId, good)).toBe(true);
      expect(ocspSignatureProblem(parsed, [issuer.certPem])).toBeUndefined();
      // Another CA's key does not verify it.
      expect(ocspSignatureProblem(parsed, [(issuer === ca ? rsaCa : ca).certPem])).toMatch(/not by the issuing CA/);
      writeFileSync(join(dir, 'resp.der'), der);
      writeFileSync(join(dir, 'issuer.pem'), issuer.certPem);
      writeFileSync(join(dir, 'cert.pem'), cert.certPem);
      const out = execFileSync('openssl', ['ocsp', '-respin', join(dir, 'resp.der'), '-issuer', join(dir, 'issuer.pem'), '-sha256', '-cert', join(dir, 'cert.pem'), '-VAfile', join(dir, 'issuer.pem')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toMatch(/cert\.pem: good/);
    }
  });

  it('a tampered response fails the signature check; unsuccessful responses carry no data', () => {
    const der = buildOcspResponse(ca, [{ certId: idOf(leaf, ca), status: 'good' }]);
    const parsed = parseOcspResponse(der);
    const tampered = { ...parsed, signed: { ...(parsed.signed as NonNullable<typeof parsed.signed>), tbs: Buffer.concat([(parsed.signed as NonNullable<typeof parsed.signed>).tbs, Buffer.from([0])]) } };
    expect(ocspSignatureProblem(tampered, [ca.certPem])).toMatch(/not by the issuing CA/);
    const err = parseOcspResponse(buildOcspError('unauthorized'));
    expect(err).toEqual({ responseStatus: 'unauthorized', responses: [] });
    expect(ocspSignatureProblem(err, [ca.certPem])).toMatch(/unauthorized/);
    expect(() => parseOcspResponse(Buffer.from([0x30, 0x03, 0x02, 0x01]))).toThrow(/not a DER OCSPResponse/);
  });
});
