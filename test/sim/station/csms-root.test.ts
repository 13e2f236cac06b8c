// AdditionalRootCertificateCheck on the reference station (Part 2 M05.FR.09-14), over real TLS: a new CSMS root is
// installed only when the root in use signed it; the next connection must verify through it, after which the old
// root goes; a CSMS certificate it does not verify is tried with the old (fallback) root.
import { describe, expect, it } from 'vitest';
import { stationAndCsmsPerTest } from './station-fixture.ts';
import { installedCsmsRoots, reconnectAfterNewRoot, serial, tlsStation } from './csms-root-kit.ts';

const start = stationAndCsmsPerTest();

describe('station simulator: CSMS root replacement', () => {
  it('refuses a new CSMS root the old one did not sign, and keeps only the old one', async () => {
    const { c, roots } = await tlsStation(start);
    expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.unrelated.certPem })).status).toBe('Rejected');
    expect(await installedCsmsRoots(c)).toEqual([serial(roots.old)]);
  });

  it('reconnects through the new root and then drops the old one', async () => {
    const { c, roots } = await tlsStation(start);
    expect(await reconnectAfterNewRoot(c, roots, roots.freshServer)).toBe(true);
    expect(await installedCsmsRoots(c)).toEqual([serial(roots.fresh)]);
  });

  it('falls back to the old root when the new one does not verify the CSMS, and keeps both', async () => {
    const { c, roots } = await tlsStation(start);
    expect(await reconnectAfterNewRoot(c, roots, roots.oldServer)).toBe(true);
    expect((await installedCsmsRoots(c)).sort()).toEqual([serial(roots.old), serial(roots.fresh)].sort());
  });
});
