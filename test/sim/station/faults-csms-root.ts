// Fault scenarios of the CSMS root replacement (certificates area, spread into faults.test.ts); the correct
// behaviour is in csms-root.test.ts.
import { expect } from 'vitest';
import type { StartStation } from './station-fixture.ts';
import { installedCsmsRoots, reconnectAfterNewRoot, serial, tlsStation } from './csms-root-kit.ts';

export function csmsRootScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'certificates.rootCheckSkipped': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.rootCheckSkipped']);
      expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.unrelated.certPem })).status).toBe('Accepted');
    },
    'certificates.crossSignedRootRejected': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.crossSignedRootRejected']);
      expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.fresh.certPem })).status).toBe('Rejected');
    },
    'certificates.fallbackKeptAfterNewRoot': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.fallbackKeptAfterNewRoot']);
      expect(await reconnectAfterNewRoot(c, roots, roots.freshServer)).toBe(true);
      expect(await installedCsmsRoots(c)).toContain(serial(roots.old));
    },
    'certificates.noFallbackToOldRoot': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.noFallbackToOldRoot']);
      expect(await reconnectAfterNewRoot(c, roots, roots.oldServer, 1500)).toBe(false);
    },
  };
}
