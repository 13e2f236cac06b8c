// Migration to a new CSMS with a new CSMS root on the reference station (TC_B_47_CS): a new CSMS whose certificate the
// new root does not verify is refused, the station falls back to its previous connection profile, verifies the CSMS
// there with the old (fallback) root, and keeps that root.
import { describe, expect, it } from 'vitest';
import { stationAndCsmsPerTest } from './station-fixture.ts';
import { installedCsmsRoots, serial, tlsStation } from './csms-root-kit.ts';
import { migrateWithOldRootCertificate } from './faults-migration.ts';

const start = stationAndCsmsPerTest();

describe('station simulator: migration to a new CSMS with a new CSMS root', () => {
  it('refuses the new CSMS, comes back on the previous profile through the fallback root and keeps it', async () => {
    const { c, roots } = await tlsStation(start);
    expect(await migrateWithOldRootCertificate(c, roots.fresh.certPem)).toBe('/CS001');
    expect((await installedCsmsRoots(c)).sort()).toEqual([serial(roots.old), serial(roots.fresh)].sort());
  });
});
