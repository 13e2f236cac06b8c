// The test system's OCSP service answered through the reference CSMS's client: good, revoked, unknown issuer,
// malformed requests, the GET form, and waiting for a request that has not arrived yet.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, issueCertificate, type IssuedCert } from '../../src/pki/index.ts';
import { certificateIdData } from '../../src/pki/certificate-hash.ts';
import { buildOcspRequest, ocspSignatureProblem, parseOcspResponse } from '../../src/pki/ocsp.ts';
import { fetchOcsp, OcspFetchError } from '../../src/ocsp/client.ts';
import { startOcspResponder, type OcspResponder } from '../../src/ocsp/responder.ts';

let ca: IssuedCert;
let good: IssuedCert;
let revoked: IssuedCert;
let stranger: IssuedCert;
let strangerCa: IssuedCert;
let responder: OcspResponder | undefined;

beforeAll(async () => {
  ca = await createRootCa({ commonName: 'Responder Test MO Sub-CA' });
  strangerCa = await createRootCa({ commonName: 'Responder Test Other Root' });
  good = await issueCertificate({ issuer: ca, commonName: 'DEABCC123456789', usage: 'client' });
  revoked = await issueCertificate({ issuer: ca, commonName: 'DEABCC987654321', usage: 'client' });
  stranger = await issueCertificate({ issuer: strangerCa, commonName: 'DEXYZC000000001', usage: 'client' });
});
afterEach(async () => {
  await responder?.close();
  responder = undefined;
});

async function start(): Promise<OcspResponder> {
  responder = await startOcspResponder({
    certificates: [
      { certPem: good.certPem, issuer: ca, status: 'good' },
      { certPem: revoked.certPem, issuer: ca, status: 'revoked' },
    ],
  });
  return responder;
}

describe('the OCSP service', () => {
  it('answers good and revoked, signed by the issuing CA, whatever CertID hash algorithm is asked', async () => {
    const r = await start();
    for (const alg of ['SHA1', 'SHA256', 'SHA512'] as const) {
      const ids = [certificateIdData(good.certPem, alg, ca.certPem), certificateIdData(revoked.certPem, alg, ca.certPem)];
      const parsed = parseOcspResponse(await fetchOcsp(r.url, buildOcspRequest(ids), 5000));
      expect(parsed.responses.map((x) => x.status)).toEqual(['good', 'revoked']);
      expect(ocspSignatureProblem(parsed, [ca.certPem])).toBeUndefined();
    }
    expect(r.requests).toHaveLength(3);
    expect(r.requests[0]?.answered).toEqual([
      { certId: certificateIdData(good.certPem, 'SHA1', ca.certPem), status: 'good' },
      { certId: certificateIdData(revoked.certPem, 'SHA1', ca.certPem), status: 'revoked' },
    ]);
  });

  it('is not authoritative for another CA, records what it cannot read, and serves the GET form', async () => {
    const r = await start();
    const other = parseOcspResponse(await fetchOcsp(r.url, buildOcspRequest([certificateIdData(stranger.certPem, 'SHA256', strangerCa.certPem)]), 5000));
    expect(other.responseStatus).toBe('unauthorized');
    const bad = parseOcspResponse(await fetchOcsp(r.url, Buffer.from('not ocsp'), 5000));
    expect(bad.responseStatus).toBe('malformedRequest');
    expect(r.requests[1]?.problem).toMatch(/not a DER OCSPRequest/);
    const get = await fetch(`${r.url}/${encodeURIComponent(buildOcspRequest([certificateIdData(good.certPem, 'SHA256', ca.certPem)]).toString('base64'))}`);
    expect(parseOcspResponse(Buffer.from(await get.arrayBuffer())).responses[0]?.status).toBe('good');
  });

  it('waitForRequest resolves when the request arrives, and names the other requests when it times out', async () => {
    const r = await start();
    const id = certificateIdData(good.certPem, 'SHA256', ca.certPem);
    const waiting = r.waitForRequest((x) => x.certIds.some((c) => c.serialNumber === id.serialNumber), 5000);
    await fetchOcsp(r.url, buildOcspRequest([id]), 5000);
    expect((await waiting).certIds[0]?.serialNumber).toBe(id.serialNumber);
    await expect(r.waitForRequest((x) => x.method === 'GET', 50)).rejects.toThrow(/no matching OCSP request within 0\.1 s \(1 other request\(s\)\)/);
  });

  it('the client reports an unreachable responder clearly', async () => {
    const r = await start();
    const url = r.url;
    await r.close();
    responder = undefined;
    await expect(fetchOcsp(url, Buffer.from('x'), 2000)).rejects.toThrow(OcspFetchError);
  });
});
