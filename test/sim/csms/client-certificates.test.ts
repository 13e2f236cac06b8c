// Client certificates and their renewal in the security area of the reference CSMS: the faults that accept an
// untrusted client certificate, ask for the wrong renewal, or send a chain without its leaf; the combined certificate.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREA } from '../../../src/sim/csms/areas/security.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import { createCsr, createRootCa, describeCertificate, issueCertificate } from '../../../src/pki/index.ts';
import { HANDLERS } from '../../../src/sim/csms/handlers.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';
import type { IssuedCert } from '../../../src/pki/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { openStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim | undefined;
const stations: ScriptedStation[] = [];
let root: IssuedCert;
let server: IssuedCert;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'Client Cert Test Root', algorithm: 'ECDSA-P256' });
  server = await issueCertificate({ issuer: root, commonName: 'csms.local', usage: 'server', ipAddresses: ['127.0.0.1'], algorithm: 'ECDSA-P256' });
});

afterEach(async () => {
  for (const s of stations.splice(0)) s.close();
  await sim?.stop();
  sim = undefined;
});

const wire = (faults: string[], action: string, payload: Record<string, unknown>): Record<string, unknown> => {
  const p = structuredClone(payload);
  AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
};

describe('security area: certificate faults', () => {
  it("'security.acceptAnyClientCert' admits a client certificate from an unknown issuer at security profile 3", async () => {
    const stranger = await createRootCa({ commonName: 'Unknown Root', algorithm: 'ECDSA-P256' });
    const cert = await issueCertificate({ issuer: stranger, commonName: 'CC3', usage: 'client', algorithm: 'ECDSA-P256' });
    sim = await startCsmsSim({ securityProfile: 3, tls: { certPem: server.certPem, keyPem: server.keyPem, caPem: root.certPem }, faults: ['security.acceptAnyClientCert'], operatorApi: false });
    const st = await openStation(sim.url, 'CC3', { securityProfile: 3, tls: { caPem: root.certPem, certPem: cert.certPem, keyPem: cert.keyPem } });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
  });

  it("'security.triggerWrongCertificate' and 'security.chainWithoutLeaf' change the wire copy only", () => {
    expect(wire(['security.triggerWrongCertificate'], 'TriggerMessage', { requestedMessage: 'SignChargingStationCertificate' }).requestedMessage).toBe('SignV2GCertificate');
    expect(wire(['security.triggerWrongCertificate'], 'TriggerMessage', { requestedMessage: 'SignCombinedCertificate' }).requestedMessage).toBe('SignChargingStationCertificate');
    expect(wire(['security.triggerWrongCertificate'], 'TriggerMessage', { requestedMessage: 'Heartbeat' }).requestedMessage).toBe('Heartbeat');
    const chain = `${server.certPem}${root.certPem}`;
    expect(wire(['security.chainWithoutLeaf'], 'CertificateSigned', { certificateChain: chain }).certificateChain).toBe(root.certPem);
    expect(wire([], 'CertificateSigned', { certificateChain: chain }).certificateChain).toBe(chain);
  });
});

describe('security area: combined certificate', () => {
  it('signs a CSR without certificateType with the V2G issuer only after the CSMS asked for a combined certificate', async () => {
    const v2g = await createRootCa({ commonName: 'Combined Test V2G Root', algorithm: 'ECDSA-P256' });
    const chains: string[] = [];
    const station = new StationRecord('CC4');
    const ctx = {
      station,
      opts: { faults: new CsmsFaultSet([]), pki: { issuer: root, v2gIssuer: v2g } },
      version: '2.0.1',
      later: () => undefined,
      startPendingWork: () => undefined,
      sendCertificate: (chain: string) => void chains.push(chain),
    } as unknown as HandlerContext;
    const { csrPem } = await createCsr({ commonName: 'CC4', algorithm: 'ECDSA-P256' });
    const issuerOf = (pem: string | undefined): string => describeCertificate(pem ?? '').issuer;
    await HANDLERS.SignCertificate!(ctx, { csr: csrPem });
    AREA.learn!(station, 'TriggerMessage', { requestedMessage: 'SignCombinedCertificate' }, { status: 'Accepted' }, ctx.opts.faults);
    await HANDLERS.SignCertificate!(ctx, { csr: csrPem });
    await HANDLERS.SignCertificate!(ctx, { csr: csrPem });
    expect(chains.map((c) => issuerOf(c))).toEqual([root.subject, v2g.subject, root.subject]);
  });
});
