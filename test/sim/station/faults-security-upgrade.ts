// Fault scenarios of raising the security profile (A05, areas/network-profile.ts): a station at security profile 1
// with a CSMS root installed is pointed at a second CSMS at profile 2 (TLS, a server certificate of that root) and
// reset. Each scenario switches its fault on and sees the effect; faults.test.ts spreads them into its list.
import { expect } from 'vitest';
import type { StationSim } from '../../../src/sim/station/index.ts';
import { csmsRoots } from './csms-root-kit.ts';
import { ScriptedCsms, type Json } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

const PASSWORD = 'station-password-0123456789';
const getVar = (component: string, variable: string): Json => ({ getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
const valueOf = (answer: Json): unknown => (answer.getVariableResult as Json[])[0]?.attributeValue;

/**
 * The station at profile 1, the upgrade prepared (CSMS root installed unless `noRoot`, slot 1 = the profile 2 CSMS,
 * priority "1,0"): the SetVariables status, and with a root, after a reset, whether the station came to the profile 2
 * CSMS within `withinMs`, and that CSMS. The caller closes `high`.
 */
async function upgrade(start: StartStation, faults: string[], noRoot = false, withinMs = 3000): Promise<{ status: unknown; high: ScriptedCsms; s: StationSim; raised: boolean }> {
  const roots = await csmsRoots();
  const { csms: c, sim: s } = await start({ securityProfile: 1, password: PASSWORD, actionApi: false, faults, timers: { reconnectMs: 50, reconnectMaxMs: 100 } }, { server: { securityProfile: 1, checkPassword: (_id, pw) => pw === PASSWORD } });
  await s.waitForState((st) => st.bootState === 'Accepted');
  const high = new ScriptedCsms();
  const url = await high.start({ securityProfile: 2, checkPassword: (_id, pw) => pw === PASSWORD, tls: { certPem: roots.oldServer.certPem, keyPem: roots.oldServer.keyPem } });
  if (!noRoot) expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.old.certPem })).status).toBe('Accepted');
  const connectionData = { messageTimeout: 30, ocppCsmsUrl: url.replace(/\/$/, ''), ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 2 };
  expect((await c.call('SetNetworkProfile', { configurationSlot: 1, connectionData })).status).toBe('Accepted');
  const answer = await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1,0' }] });
  const status = (answer.setVariableResult as Json[])[0]?.attributeStatus;
  if (status === 'Rejected' || noRoot) return { status, high, s, raised: false };
  await c.call('Reset', { type: 'Immediate' });
  const raised = await high.waitFor('BootNotification', () => true, withinMs).then(() => true, () => false);
  return { status, high, s, raised };
}

export function securityUpgradeScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'network.upgradeWithoutRoot': async () => {
      const { status, high } = await upgrade(start, ['network.upgradeWithoutRoot'], true);
      await high.close();
      expect(status).toBe('RebootRequired');
    },
    'network.noUpgrade': async () => {
      const { raised, high } = await upgrade(start, ['network.noUpgrade'], false, 1000);
      await high.close();
      expect(raised).toBe(false);
    },
    'network.staleSecurityProfile': async () => {
      const { raised, high } = await upgrade(start, ['network.staleSecurityProfile']);
      try {
        expect(raised).toBe(true);
        expect(valueOf(await high.call('GetVariables', getVar('SecurityCtrlr', 'SecurityProfile')))).toBe('1');
      } finally {
        await high.close();
      }
    },
    'network.keepLowerSlots': async () => {
      const { raised, high } = await upgrade(start, ['network.keepLowerSlots']);
      try {
        expect(raised).toBe(true);
        expect(valueOf(await high.call('GetVariables', getVar('OCPPCommCtrlr', 'NetworkConfigurationPriority')))).toBe('1,0');
      } finally {
        await high.close();
      }
    },
  };
}

/** The correct station: no upgrade without a root (a fresh station per test, so this is the fault-free twin of each). */
export async function correctNoUpgradeWithoutRoot(start: StartStation): Promise<void> {
  const refused = await upgrade(start, [], true);
  await refused.high.close();
  expect(refused.status).toBe('Rejected');
}

/** The correct station with a root: it comes to profile 2, says so, and slot 0 (profile 1) leaves the priority. */
export async function correctSecurityUpgrade(start: StartStation): Promise<void> {
  const { raised, high } = await upgrade(start, []);
  try {
    expect(raised).toBe(true);
    expect(valueOf(await high.call('GetVariables', getVar('SecurityCtrlr', 'SecurityProfile')))).toBe('2');
    expect(valueOf(await high.call('GetVariables', getVar('OCPPCommCtrlr', 'NetworkConfigurationPriority')))).toBe('1');
  } finally {
    await high.close();
  }
}
