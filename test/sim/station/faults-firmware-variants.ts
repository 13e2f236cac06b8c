// Fault scenarios of the firmware behaviour of the station variants that cannot cancel an update or cannot update
// while charging (TC_L_11 to TC_L_15): each switches its fault on, on the variant it is about, and sees the
// effect; faults.test.ts spreads them into its list.
import { expect } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import { IMAGE, fileServer, statusesUntil, updateFirmware } from './file-transfer-kit.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';

type Booted = (faults: string[], opts?: Partial<StationSimOptions>) => Promise<{ c: ScriptedCsms; s: StationSim }>;

/** A transaction on EVSE 1 (the firmware update then meets a running transaction). */
async function charging(c: ScriptedCsms, s: StationSim): Promise<void> {
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken({ idToken: 'TAG1', type: 'ISO14443' }, 1);
  await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
}

/**
 * On the variant that waits for transactions before updating, with two EVSEs: a transaction on EVSE 1, an update
 * accepted and DownloadScheduled; then the status the idle EVSE 2 reports when asked.
 */
async function idleEvseStatusWhileUpdateWaits(booted: Booted, fault: string, variables?: Record<string, string>): Promise<string> {
  const { c, s } = await booted([fault], { evses: 2, omit: ['firmwareDownloadDuringTransaction', 'firmwareInstallDuringTransaction'], ...(variables ? { variables } : {}) });
  await charging(c, s);
  const fs = await fileServer();
  const mark = c.mark();
  expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
  await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadScheduled', 5000, mark);
  const asked = c.mark();
  expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2, connectorId: 1 } })).status).toBe('Accepted');
  const report = await c.waitFor('StatusNotification', (p: Json) => p.evseId === 2, 5000, asked);
  return String(report.payload.connectorStatus);
}

export function firmwareVariantScenarios(booted: Booted): Record<string, () => Promise<void>> {
  return {
    'firmware.cancelDespiteNoCancel': async () => {
      const { c } = await booted(['firmware.cancelDespiteNoCancel'], { omit: ['firmwareCancel'] });
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { retrieveInMs: 60_000 })).toBe('Accepted');
      await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadScheduled', 5000, mark);
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 2 })).toBe('AcceptedCanceled');
    },
    'firmware.noUnavailableWhilePending': async () => {
      // The idle EVSE 2 stays Available while the update waits (without the fault: Unavailable).
      expect(await idleEvseStatusWhileUpdateWaits(booted, 'firmware.noUnavailableWhilePending')).toBe('Available');
    },
    'firmware.installDuringTransaction': async () => {
      const { c, s } = await booted(['firmware.installDuringTransaction'], { omit: ['firmwareInstallDuringTransaction'] });
      await charging(c, s);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
      // Installed while the transaction still runs (without the fault: InstallScheduled, and nothing until it ends).
      expect(await statusesUntil(c, 'FirmwareStatusNotification', ['Installed'], mark)).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']);
      expect(c.of('TransactionEvent', mark).some((r) => (r.payload as Json).eventType === 'Ended')).toBe(false);
    },
    'firmware.refuseNewSessionsWhilePending': async () => {
      // The idle EVSE 2 is made Unavailable although new sessions are allowed (without the fault: Available).
      expect(await idleEvseStatusWhileUpdateWaits(booted, 'firmware.refuseNewSessionsWhilePending', ALLOW_NEW)).toBe('Unavailable');
    },
    'firmware.waitsOnlyForEarlierTransactions': async () => {
      const { c, s } = await booted(['firmware.waitsOnlyForEarlierTransactions'], { evses: 2, omit: ['firmwareDownloadDuringTransaction', 'firmwareInstallDuringTransaction'], variables: ALLOW_NEW });
      await charging(c, s);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
      await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadScheduled', 5000, mark);
      // A second session starts while the update waits; the first one ends.
      const second = c.mark();
      s.plugIn(2, 1);
      s.presentToken({ idToken: 'TAG2', type: 'ISO14443' }, 2);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, second);
      const first = c.mark();
      s.presentToken({ idToken: 'TAG1', type: 'ISO14443' }, 1);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, first);
      // The download starts although the second transaction still runs (without the fault: only after it ends).
      await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'Downloading', 5000, first);
      expect(c.of('TransactionEvent', first).filter((r) => (r.payload as Json).eventType === 'Ended')).toHaveLength(1);
    },
  };
}

/** AllowNewSessionsPendingFirmwareUpdate true (TC_L_12, TC_L_14): new sessions may start while an update waits. */
const ALLOW_NEW = { 'ChargingStation.AllowNewSessionsPendingFirmwareUpdate': 'true' };
