// Fault scenarios of the station behaviour the netprof stream added (station variants without per-EVSE reset or the
// SummaryInventory report, a remote start carrying a charging profile, the RetryBackOff reconnection): each switches
// its fault on and sees the effect; faults.test.ts spreads them into its list.
import { expect } from 'vitest';
import type { StationCore } from '../../../src/sim/station/core.ts';
import { DeviceModel } from '../../../src/sim/station/device-model.ts';
import { StationFaultSet } from '../../../src/sim/station/faults.ts';
import { defineRetryBackOff, retryBackOffMs } from '../../../src/sim/station/areas/reconnect.ts';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { ScriptedCsms } from './scripted-csms.ts';

type Booted = (faults: string[], opts?: Partial<StationSimOptions>) => Promise<{ c: ScriptedCsms; s: StationSim }>;

/** The waits (ms) before four reconnection attempts in a row, of a station with RetryBackOff (minimum 1 s, 2 doublings). */
function waits(faults: string[]): number[] {
  const dm = new DeviceModel();
  defineRetryBackOff(dm);
  dm.setInternal('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', '2');
  const st = { opts: { retryBackOff: true }, dm, faults: new StationFaultSet(faults) } as unknown as StationCore;
  return [0, 1, 2, 3].map(() => retryBackOffMs(st) ?? -1);
}

export function netprofScenarios(booted: Booted): Record<string, () => Promise<void>> {
  return {
    'reset.evseResetWhenOmitted': async () => {
      const { c } = await booted(['reset.evseResetWhenOmitted'], { omit: ['evseReset'] });
      expect((await c.call('Reset', { type: 'OnIdle', evseId: 1 })).status).toBe('Accepted');
    },
    'report.summaryWhenOmitted': async () => {
      const { c } = await booted(['report.summaryWhenOmitted'], { omit: ['summaryInventory'] });
      const mark = c.mark();
      expect((await c.call('GetBaseReport', { requestId: 5, reportBase: 'SummaryInventory' })).status).toBe('NotSupported');
      await c.waitFor('NotifyReport', (p) => p.requestId === 5, 5000, mark);
    },
    'remoteControl.rejectChargingProfile': async () => {
      const { c } = await booted(['remoteControl.rejectChargingProfile']);
      const chargingProfile = {
        id: 1, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
        chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] }],
      };
      const r = await c.call('RequestStartTransaction', { idToken: { idToken: 'TAG1', type: 'ISO14443' }, evseId: 1, remoteStartId: 1, chargingProfile });
      expect(r.status).toBe('Rejected');
    },
    'reconnect.noDoubling': () => {
      expect(waits([])).toEqual([1000, 2000, 4000, 4000]);
      expect(waits(['reconnect.noDoubling'])).toEqual([1000, 1000, 1000, 1000]);
      return Promise.resolve();
    },
    'network.noFallback': async () => {
      // After a reboot with priority "1,0", slot 1 points nowhere: the station should fall back to its start URL (slot 0).
      const { c, s } = await booted(['network.noFallback'], { timers: { reconnectMs: 20, reconnectMaxMs: 40 } });
      const connectionData = { messageTimeout: 30, ocppCsmsUrl: 'ws://127.0.0.1:1/nowhere', ocppInterface: 'Wired0', ocppVersion: 'OCPP20', ocppTransport: 'JSON', securityProfile: 0 };
      expect((await c.call('SetNetworkProfile', { configurationSlot: 1, connectionData })).status).toBe('Accepted');
      await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkProfileConnectionAttempts' }, attributeValue: '1' }] });
      await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1,0' }] });
      expect((await c.call('Reset', { type: 'Immediate' })).status).toBe('Accepted');
      await s.waitForState((st) => st.connected === false);
      await expect(c.waitForConnection(2, 1000)).rejects.toThrow(/no connection/);
    },
    'reconnect.ignoreWaitMinimum': () => {
      expect(waits(['reconnect.ignoreWaitMinimum'])).toEqual([0, 2000, 4000, 4000]);
      return Promise.resolve();
    },
  };
}
