// The reference station's variant that updates firmware only without transactions (TC_L_12 to TC_L_15): with
// AllowNewSessionsPendingFirmwareUpdate true a driver may start a session while the update waits, and the update waits
// for that session too; with it false the idle EVSEs are Unavailable and take no card.
import { describe, expect, it } from 'vitest';
import type { StationSim } from '../../../src/sim/station/index.ts';
import { IMAGE, fileServer, updateFirmware } from './file-transfer-kit.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();
const WAITS = { evses: 2, actionApi: false as const, omit: ['firmwareDownloadDuringTransaction' as const, 'firmwareInstallDuringTransaction' as const] };
const token = (n: number): { idToken: string; type: 'ISO14443' } => ({ idToken: `TAG${n}`, type: 'ISO14443' });

async function booted(allowNew: boolean): Promise<{ c: ScriptedCsms; s: StationSim }> {
  const { csms, sim } = await start({ ...WAITS, variables: { 'ChargingStation.AllowNewSessionsPendingFirmwareUpdate': String(allowNew) } });
  await sim.waitForState((st) => st.bootState === 'Accepted');
  await csms.waitFor('StatusNotification');
  return { c: csms, s: sim };
}

async function charge(c: ScriptedCsms, s: StationSim, evseId: number): Promise<void> {
  const mark = c.mark();
  s.plugIn(evseId, 1);
  s.presentToken(token(evseId), evseId);
  await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started' && (p.evse as Json | undefined)?.id === evseId, 5000, mark);
}

async function pendingUpdate(c: ScriptedCsms): Promise<void> {
  const fs = await fileServer();
  const mark = c.mark();
  expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
  await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadScheduled', 5000, mark);
}

describe('firmware update waiting for transactions', () => {
  it('AllowNewSessionsPendingFirmwareUpdate true: a second session starts, and the download waits for it to end', async () => {
    const { c, s } = await booted(true);
    await charge(c, s, 1);
    await pendingUpdate(c);
    await charge(c, s, 2);
    const firstEnds = c.mark();
    s.presentToken(token(1), 1);
    await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, firstEnds);
    // While the second session runs nothing of the update comes (a triggered report is sent after anything before it).
    const asked = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2, connectorId: 1 } })).status).toBe('Accepted');
    await c.waitFor('StatusNotification', (p) => p.evseId === 2, 5000, asked);
    expect(c.of('FirmwareStatusNotification', firstEnds)).toEqual([]);
    const secondEnds = c.mark();
    s.presentToken(token(2), 2);
    await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, secondEnds);
    await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'Installed', 5000, secondEnds);
  });

  it('AllowNewSessionsPendingFirmwareUpdate false: the idle EVSE is Unavailable and a card there starts nothing', async () => {
    const { c, s } = await booted(false);
    await charge(c, s, 1);
    const before = c.mark();
    await pendingUpdate(c);
    await c.waitFor('StatusNotification', (p) => p.evseId === 2 && p.connectorStatus === 'Unavailable', 5000, before);
    const mark = c.mark();
    s.presentToken(token(2), 2);
    // The triggered report is sent after anything the card would have caused.
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2, connectorId: 1 } })).status).toBe('Accepted');
    expect((await c.waitFor('StatusNotification', (p) => p.evseId === 2, 5000, mark)).payload.connectorStatus).toBe('Unavailable');
    expect(c.of('Authorize', mark).map((r) => r.payload)).toEqual([]);
    expect(s.state().evses[1]?.authorized).toBeUndefined();
  });
});
