// ISO 15118 certificates in the certificates area of the reference CSMS: the faults on V2G / MO root installs and on
// asking for the installed V2G chain.
import { describe, expect, it } from 'vitest';
import { AREA } from '../../../src/sim/csms/areas/certificates.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';

const wire = (faults: string[], action: string, payload: Record<string, unknown>): Record<string, unknown> => {
  const p = structuredClone(payload);
  AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
};

describe('certificates area: ISO 15118 faults', () => {
  it("'certificates.swapIsoRootTypes' swaps V2G and MO roots only", () => {
    expect(wire(['certificates.swapIsoRootTypes'], 'InstallCertificate', { certificateType: 'V2GRootCertificate', certificate: 'x' }).certificateType).toBe('MORootCertificate');
    expect(wire(['certificates.swapIsoRootTypes'], 'InstallCertificate', { certificateType: 'MORootCertificate', certificate: 'x' }).certificateType).toBe('V2GRootCertificate');
    expect(wire(['certificates.swapIsoRootTypes'], 'InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: 'x' }).certificateType).toBe('CSMSRootCertificate');
  });

  it("'certificates.askRootForV2GChain' asks for the V2G root instead of the chain", () => {
    expect(wire(['certificates.askRootForV2GChain'], 'GetInstalledCertificateIds', { certificateType: ['V2GCertificateChain', 'MORootCertificate'] }).certificateType).toEqual(['V2GRootCertificate', 'MORootCertificate']);
    expect(wire([], 'GetInstalledCertificateIds', { certificateType: ['V2GCertificateChain'] }).certificateType).toEqual(['V2GCertificateChain']);
  });
});
