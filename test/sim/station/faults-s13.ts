// Fault scenarios of the station areas session s13 extended (provisioning, reset, boot, data transfer, security):
// each switches its fault on and sees the effect; faults.test.ts spreads them into its list.
import { expect } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

type Booted = (faults: string[], opts?: Partial<StationSimOptions>) => Promise<{ c: ScriptedCsms; s: StationSim }>;

const OFFLINE = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
async function charging(c: ScriptedCsms, s: StationSim): Promise<void> {
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken(TAG, 1);
  await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
}
const firstResult = (r: Json, key: string): Json | undefined => (r[key] as Json[] | undefined)?.[0];

export function s13Scenarios(booted: Booted, start: StartStation): Record<string, () => Promise<void>> {
  return {
    'setvariables.acceptIllFormed': async () => {
      const { c } = await booted(['setvariables.acceptIllFormed']);
      const set = await c.call('SetVariables', { setVariableData: [{ ...OFFLINE, attributeValue: 'abc' }] });
      expect(firstResult(set, 'setVariableResult')?.attributeStatus).toBe('Accepted');
      const got = await c.call('GetVariables', { getVariableData: [OFFLINE] });
      expect(firstResult(got, 'getVariableResult')?.attributeValue).not.toBe('abc');
    },
    'report.showWriteOnly': async () => {
      const { c } = await booted(['report.showWriteOnly']);
      const mark = c.mark();
      expect((await c.call('GetBaseReport', { requestId: 7, reportBase: 'FullInventory' })).status).toBe('Accepted');
      const shown: Json[] = [];
      for (let seqNo = 0; ; seqNo++) {
        const part = await c.waitFor('NotifyReport', (p) => p.seqNo === seqNo, 5000, mark);
        shown.push(...(part.payload.reportData as Json[]));
        if (part.payload.tbc !== true) break;
      }
      const password = shown.find((d) => (d.variable as Json).name === 'BasicAuthPassword');
      expect((password?.variableAttribute as Json[] | undefined)?.[0]?.value).toBe('secret');
    },
    'reset.evseOnIdleAtOnce': async () => {
      const { c, s } = await booted(['reset.evseOnIdleAtOnce']);
      await charging(c, s);
      const mark = c.mark();
      expect((await c.call('Reset', { type: 'OnIdle', evseId: 1 })).status).toBe('Accepted');
      const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
      expect(ended.payload.triggerReason).toBe('ResetCommand');
    },
    'network.acceptAnySlot': async () => {
      const { c } = await booted(['network.acceptAnySlot']);
      const connectionData = { messageTimeout: 30, ocppCsmsUrl: 'ws://127.0.0.1:1/ocpp', ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 1 };
      expect((await c.call('SetNetworkProfile', { configurationSlot: 999, connectionData })).status).toBe('Accepted');
    },
    'offline.changedOnlyAfterLongOutage': async () => {
      // Every outage is longer than a threshold of 1 ms: all connectors should be reported, the fault reports one.
      const { c, s } = await booted(['offline.changedOnlyAfterLongOutage'], { evses: 2, timers: { offlineThresholdMs: 1 } });
      s.goOffline();
      s.plugIn(1, 1);
      const mark = c.mark();
      s.goOnline();
      await c.waitFor('StatusNotification', (p) => p.evseId === 1 && p.connectorStatus === 'Occupied', 5000, mark);
      await heartbeatBarrier(c);
      expect(c.of('StatusNotification', mark).filter((r) => r.payload.evseId === 2)).toHaveLength(0);
    },
    'offline.noReportAfterOutage': async () => {
      const { c, s } = await booted(['offline.noReportAfterOutage']);
      s.goOffline();
      s.plugIn(1, 1);
      const mark = c.mark();
      s.goOnline();
      await s.waitForState((st) => st.connected === true);
      await heartbeatBarrier(c);
      expect(c.of('StatusNotification', mark)).toHaveLength(0);
    },
    'network.ignorePriority': async () => {
      const { c } = await booted(['network.ignorePriority']);
      const connectionData = { messageTimeout: 30, ocppCsmsUrl: 'ws://127.0.0.1:1/other', ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 0 };
      expect((await c.call('SetNetworkProfile', { configurationSlot: 1, connectionData })).status).toBe('Accepted');
      const set = await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1,0' }] });
      expect(firstResult(set, 'setVariableResult')?.attributeStatus).toBe('RebootRequired');
      const mark = c.mark();
      expect((await c.call('Reset', { type: 'Immediate' })).status).toBe('Accepted');
      // Slot 1 points nowhere: a station that honours the priority would not come back here.
      expect((await c.waitFor('BootNotification', () => true, 5000, mark)).payload.reason).toBe('RemoteReset');
    },
    'security.acceptShortPassword': async () => {
      const { c } = await booted(['security.acceptShortPassword']);
      const password = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } };
      const set = await c.call('SetVariables', { setVariableData: [{ ...password, attributeValue: 'Short-Pass-12' }] });
      expect(firstResult(set, 'setVariableResult')?.attributeStatus).toBe('Accepted');
    },
    'security.passwordTruncated': async () => {
      const password = 'correct-password-1234';
      const { csms, sim } = await start(
        { actionApi: false, securityProfile: 1, password, faults: ['security.passwordTruncated'], timers: { reconnectMs: 10_000 } },
        { server: { securityProfile: 1, checkPassword: (_id, pw) => pw === password } },
      );
      await csms.waitForConnection(1, 5000);
      await sim.waitForState((st) => st.bootState === 'Accepted');
      sim.reboot('PowerUp');
      // The first connection used the right password; after the reboot the cut one is refused.
      await expect(csms.waitForConnection(2, 1000)).rejects.toThrow(/no connection/);
    },
    'security.allowDowngrade': async () => {
      const { c } = await booted(['security.allowDowngrade'], { securityProfile: 1, password: 'correct-password-1234' });
      const connectionData = { messageTimeout: 30, ocppCsmsUrl: 'ws://127.0.0.1:1/lower', ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 0 };
      expect((await c.call('SetNetworkProfile', { configurationSlot: 1, connectionData })).status).toBe('Accepted');
    },
  };
}

/** The station sends its CALLs one at a time: once a triggered Heartbeat arrived, what it sent before it is in. */
async function heartbeatBarrier(c: ScriptedCsms): Promise<void> {
  const mark = c.mark();
  expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
  await c.waitFor('Heartbeat', () => true, 5000, mark);
}
