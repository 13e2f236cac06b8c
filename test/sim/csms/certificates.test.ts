// Certificate area of the reference CSMS: the delete-certificate operator helper deletes by the hash data the station
// reported, and the outgoing faults corrupt exactly what they name.
import { describe, expect, it } from 'vitest';
import { AREA } from '../../../src/sim/csms/areas/certificates.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import { post, simWithStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

type Json = Record<string, unknown>;

const HASH = { hashAlgorithm: 'SHA384', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber: '1f' };

/** What the station reports as installed in the current test. */
let installed: Json = {};
const booted = simWithStation('CERT1', { timers: { callTimeoutMs: 1_000 } }, {
  handlers: { GetInstalledCertificateIds: () => installed, DeleteCertificate: () => ({ status: 'Accepted' }) },
});

async function setup(reported: Json): Promise<{ api: string; st: ScriptedStation }> {
  installed = reported;
  const { sim, st } = await booted([]);
  return { api: `${sim.operatorApiUrl!}/api/octt/2.0.1/CERT1`, st };
}

describe('delete-certificate helper', () => {
  it('asks for the installed certificates of the type and deletes the one reported, by its hash data', async () => {
    const { api, st } = await setup({ status: 'Accepted', certificateHashDataChain: [{ certificateType: 'CSMSRootCertificate', certificateHashData: HASH }] });
    const res = await post(`${api}/delete-certificate`, { certificateType: 'CSMSRootCertificate' });
    expect(res.status).toBe(200);
    expect(await st.nextRequest('GetInstalledCertificateIds')).toEqual({ certificateType: ['CSMSRootCertificate'] });
    expect(await st.nextRequest('DeleteCertificate')).toEqual({ certificateHashData: HASH });
    expect((res.json.response as Json).deleteCertificate).toEqual({ status: 'Accepted' });
  });

  it('deletes nothing when the station has no such certificate, and refuses a request without a type', async () => {
    const { api, st } = await setup({ status: 'NotFound' });
    const res = await post(`${api}/delete-certificate`, { certificateType: 'CSMSRootCertificate' });
    expect(res.json).toMatchObject({ ok: true, response: { deleted: false } });
    expect(st.received.map((r) => r.action)).not.toContain('DeleteCertificate');
    expect((await post(`${api}/delete-certificate`, {})).status).toBe(400);
  });
});

describe('certificate faults', () => {
  it('swap the issuer hashes of an outgoing DeleteCertificate under certificates.swapIssuerHashes', () => {
    const p: Json = { certificateHashData: { ...HASH } };
    AREA.outgoing!(new CsmsFaultSet(['certificates.swapIssuerHashes']), 'DeleteCertificate', p, '2.0.1');
    expect(p.certificateHashData).toEqual({ ...HASH, issuerNameHash: 'bb', issuerKeyHash: 'aa' });
  });

  it('fill in a type only when none was asked for under certificates.askDefaultType', () => {
    const faults = new CsmsFaultSet(['certificates.askDefaultType']);
    const none: Json = {};
    const some: Json = { certificateType: ['V2GRootCertificate'] };
    AREA.outgoing!(faults, 'GetInstalledCertificateIds', none, '2.0.1');
    AREA.outgoing!(faults, 'GetInstalledCertificateIds', some, '2.0.1');
    expect(none.certificateType).toEqual(['CSMSRootCertificate']);
    expect(some.certificateType).toEqual(['V2GRootCertificate']);
  });
});

describe('certificate faults on InstallCertificate and GetInstalledCertificateIds', () => {
  const run = (fault: string, action: string, p: Json): Json => {
    AREA.outgoing!(new CsmsFaultSet([fault]), action, p, '2.0.1');
    return p;
  };

  it('certificates.swapRootTypes swaps the CSMS and manufacturer roots and leaves other types alone', () => {
    expect(run('certificates.swapRootTypes', 'InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: 'P' }).certificateType).toBe('ManufacturerRootCertificate');
    expect(run('certificates.swapRootTypes', 'InstallCertificate', { certificateType: 'V2GRootCertificate', certificate: 'P' }).certificateType).toBe('V2GRootCertificate');
  });

  it('certificates.flattenPem removes the line breaks of the certificate', () => {
    expect(run('certificates.flattenPem', 'InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: 'A\r\nB\n' }).certificate).toBe('AB');
  });

  it('certificates.alwaysAskAllTypes drops the certificateType', () => {
    expect(run('certificates.alwaysAskAllTypes', 'GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] })).toEqual({});
  });

  it('certificates.deleteSha256Only says SHA256 whatever the hashes were made with', () => {
    expect(run('certificates.deleteSha256Only', 'DeleteCertificate', { certificateHashData: { ...HASH } }).certificateHashData).toEqual({ ...HASH, hashAlgorithm: 'SHA256' });
  });
});
