// Fault scenarios of the migration to a new CSMS with a new CSMS root (TC_B_47_CS; certificates area, spread into
// faults.test.ts), and the correct behaviour they break: the fallback CSMS root belongs to the CSMS URL the new root
// was installed over, so a new CSMS whose certificate only the old root verifies is refused, the station falls back
// to its previous connection profile and verifies the CSMS there with the old root, which stays installed.
import { expect } from 'vitest';
import type { StartStation } from './station-fixture.ts';
import type { ScriptedCsms } from './scripted-csms.ts';
import { installedCsmsRoots, reconnectAfterNewRoot, serial, tlsStation } from './csms-root-kit.ts';

/** Installs the new root, adds a profile at `<origin>/new` put first, resets; returns the path the station came back on. */
export async function migrateWithOldRootCertificate(c: ScriptedCsms, fresh: string): Promise<string> {
  const origin = new URL(c.sockets[0]!.facts.url).origin;
  expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: fresh })).status).toBe('Accepted');
  const connectionData = { messageTimeout: 30, ocppCsmsUrl: `${origin}/new`, ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 2 };
  expect((await c.call('SetNetworkProfile', { configurationSlot: 1, connectionData })).status).toBe('Accepted');
  await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkProfileConnectionAttempts' }, attributeValue: '1' }] });
  await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1,0' }] });
  const mark = c.mark();
  await c.call('Reset', { type: 'Immediate' });
  await c.waitFor('BootNotification', () => true, 8000, mark);
  return new URL(c.sockets[c.sockets.length - 1]!.facts.url).pathname;
}

export function migrationScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'certificates.fallbackRootOnNewCsms': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.fallbackRootOnNewCsms']);
      expect(await migrateWithOldRootCertificate(c, roots.fresh.certPem)).toBe('/new/CS001');
    },
    'certificates.fallbackRemovedAfterFallback': async () => {
      const { c, roots } = await tlsStation(start, ['certificates.fallbackRemovedAfterFallback']);
      expect(await reconnectAfterNewRoot(c, roots, roots.oldServer)).toBe(true);
      expect(await installedCsmsRoots(c)).not.toContain(serial(roots.old));
    },
  };
}
