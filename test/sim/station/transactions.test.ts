import { describe, expect, it } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, Received, ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();

async function booted(opts: Partial<StationSimOptions> = {}): Promise<{ c: ScriptedCsms; s: StationSim }> {
  const { csms, sim } = await start(opts);
  await csms.waitFor('SecurityEventNotification');
  return { c: csms, s: sim };
}

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
const txInfo = (r: Received): Json => r.payload.transactionInfo as Json;

/** Plug in + present a token: the EnergyTransferStarted state. */
async function energyTransferStarted(c: ScriptedCsms, s: StationSim): Promise<string> {
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken(TAG, 1);
  const charging = await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
  await s.waitForState((st) => st.queuedTransactionEvents === 0);
  return String(txInfo(charging).transactionId);
}

describe('station simulator: transactions', () => {
  it('PowerPathClosed start: Occupied, Authorize, Started with idToken/evse/meter, then Ended on unplug', async () => {
    const { c, s } = await booted();
    const mark = c.mark();
    s.plugIn(1, 1);
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied', 5000, mark);
    s.presentToken(TAG, 1);
    await c.waitFor('Authorize', (p) => (p.idToken as Json).idToken === 'TAG1', 5000, mark);
    const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect(started.payload).toMatchObject({ triggerReason: 'Authorized', seqNo: 0, idToken: TAG, evse: { id: 1, connectorId: 1 } });
    expect(txInfo(started).chargingState).toBe('Charging');
    const sv = ((started.payload.meterValue as Json[])[0]?.sampledValue as Json[])[0];
    expect(sv).toMatchObject({ measurand: 'Energy.Active.Import.Register', context: 'Transaction.Begin' });
    s.presentToken(TAG, 1);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload).toMatchObject({ triggerReason: 'StopAuthorized', seqNo: 1 });
    expect(txInfo(ended)).toMatchObject({ stoppedReason: 'Local', chargingState: 'EVConnected', transactionId: txInfo(started).transactionId });
    s.plugOut(1);
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Available', 5000, c.received.indexOf(ended));
    expect(c.trace.problems()).toEqual([]);
  });

  it('EVConnected start: consecutive seqNo, triggers CablePluggedIn/Authorized/ChargingStateChanged/MeterValuePeriodic/EVCommunicationLost', async () => {
    const { c, s } = await booted({ txStartPoint: ['EVConnected', 'Authorized'], txStopPoint: ['EVConnected'], measurands: ['Energy.Active.Import.Register', 'Power.Active.Import'] });
    const mark = c.mark();
    s.plugIn(1, 1);
    await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'CablePluggedIn', 5000, mark);
    s.presentToken(TAG, 1);
    await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'Authorized', 5000, mark);
    s.setState('suspendedEV', 1, 1);
    await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'SuspendedEV', 5000, mark);
    s.setState('charging', 1, 1);
    await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'ChargingStateChanged' && (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    s.plugOut(1, 1);
    await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    const events = c.of('TransactionEvent', mark).map((r) => r.payload);
    expect(events.map((e) => e.seqNo)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.triggerReason)).toEqual(['CablePluggedIn', 'Authorized', 'ChargingStateChanged', 'ChargingStateChanged', 'EVCommunicationLost']);
    expect(events[0]).toMatchObject({ eventType: 'Started', evse: { id: 1, connectorId: 1 } });
    expect(events[1]?.idToken).toEqual(TAG);
    expect(events[4]?.transactionInfo).toMatchObject({ stoppedReason: 'EVDisconnected', chargingState: 'Idle' });
  });

  it('periodic meter values at meterSampleMs', async () => {
    const { c, s } = await booted({ timers: { meterSampleMs: 50 } });
    await energyTransferStarted(c, s);
    const periodic = await c.waitForCount('TransactionEvent', 2, (p) => p.triggerReason === 'MeterValuePeriodic');
    const sv = ((periodic[1]?.payload.meterValue as Json[])[0]?.sampledValue as Json[])[0];
    expect(sv?.context).toBe('Sample.Periodic');
  });

  it('RequestStartTransaction / RequestStopTransaction', async () => {
    const { c, s } = await booted({ txStartPoint: ['Authorized'] });
    const mark = c.mark();
    const res = await c.call('RequestStartTransaction', { idToken: TAG, remoteStartId: 77, evseId: 1 });
    expect(res.status).toBe('Accepted');
    const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect(started.payload.triggerReason).toBe('RemoteStart');
    expect(txInfo(started).remoteStartId).toBe(77);
    s.plugIn(1, 1);
    await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'CablePluggedIn', 5000, mark);
    const stop = await c.call('RequestStopTransaction', { transactionId: txInfo(started).transactionId });
    expect(stop.status).toBe('Accepted');
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload.triggerReason).toBe('RemoteStop');
    expect(txInfo(ended).stoppedReason).toBe('Remote');
    expect((await c.call('RequestStopTransaction', { transactionId: 'nope' })).status).toBe('Rejected');
  });

  it('Reset OnIdle during a transaction: Scheduled, waits for the end, boots with ScheduledReset; connector still Occupied', async () => {
    const { c, s } = await booted();
    await energyTransferStarted(c, s);
    const mark = c.mark();
    expect((await c.call('Reset', { type: 'OnIdle' })).status).toBe('Scheduled');
    expect(s.state().pendingReset).toBe('station');
    expect(c.of('BootNotification', mark)).toEqual([]);
    s.presentToken(TAG, 1);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    const boot = await c.waitFor('BootNotification', () => true, 5000, mark);
    expect(c.received.indexOf(boot)).toBeGreaterThan(c.received.indexOf(ended));
    expect(boot.payload.reason).toBe('ScheduledReset');
    const after = c.received.indexOf(boot);
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied', 5000, after);
    const sec = await c.waitFor('SecurityEventNotification', () => true, 5000, after);
    expect(sec.payload.type).toBe('ResetOrReboot');
  });

  it('Reset Immediate during a transaction: Ended ResetCommand/ImmediateReset without idToken, then RemoteReset boot', async () => {
    const { c, s } = await booted();
    await energyTransferStarted(c, s);
    const mark = c.mark();
    expect((await c.call('Reset', { type: 'Immediate' })).status).toBe('Accepted');
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload.triggerReason).toBe('ResetCommand');
    expect(ended.payload.idToken).toBeUndefined();
    expect(txInfo(ended)).toMatchObject({ stoppedReason: 'ImmediateReset', chargingState: 'EVConnected' });
    const boot = await c.waitFor('BootNotification', () => true, 5000, mark);
    expect(boot.payload.reason).toBe('RemoteReset');
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied', 5000, c.received.indexOf(boot));
    expect(c.connections.length).toBe(2);
  });

  it('Reset OnIdle without a transaction: Accepted and reboot', async () => {
    const { c } = await booted();
    const mark = c.mark();
    expect((await c.call('Reset', { type: 'OnIdle' })).status).toBe('Accepted');
    const boot = await c.waitFor('BootNotification', () => true, 5000, mark);
    expect(boot.payload.reason).toBe('RemoteReset');
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Available', 5000, mark);
  });

  it('queues TransactionEvents while offline and replays them in order with offline=true', async () => {
    const { c, s } = await booted({ timers: { reconnectMs: 20 } });
    await energyTransferStarted(c, s);
    s.goOffline();
    await s.waitForState((st) => !st.connected);
    const mark = c.mark();
    s.presentToken(TAG, 1);
    s.plugOut(1, 1);
    await s.waitForState((st) => st.queuedTransactionEvents === 1);
    s.goOnline();
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload.offline).toBe(true);
    expect(c.of('BootNotification', mark)).toEqual([]);
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Available', 5000, mark);
    await s.waitForState((st) => st.queuedTransactionEvents === 0);
  });

  it('ChangeAvailability Inoperative persists across a reset', async () => {
    const { c } = await booted();
    let mark = c.mark();
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } })).status).toBe('Accepted');
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Unavailable', 5000, mark);
    mark = c.mark();
    await c.call('Reset', { type: 'Immediate' });
    await c.waitFor('BootNotification', () => true, 5000, mark);
    const st = await c.waitFor('StatusNotification', () => true, 5000, mark);
    expect(st.payload.connectorStatus).toBe('Unavailable');
  });

  it('TriggerMessage StatusNotification, MeterValues, Heartbeat; unsupported -> NotImplemented', async () => {
    const { c } = await booted();
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    await c.waitFor('StatusNotification', () => true, 5000, mark);
    expect((await c.call('TriggerMessage', { requestedMessage: 'MeterValues' })).status).toBe('Accepted');
    await c.waitFor('MeterValues', () => true, 5000, mark);
    expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
    await c.waitFor('Heartbeat', () => true, 5000, mark);
    expect((await c.call('TriggerMessage', { requestedMessage: 'SignCombinedCertificate' })).status).toBe('NotImplemented');
    expect(c.trace.problems()).toEqual([]);
  });

  it('SetNetworkProfile: accepts a valid profile, rejects a security downgrade', async () => {
    const { c } = await booted({});
    const ok = await c.call('SetNetworkProfile', {
      configurationSlot: 1,
      connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9/ocpp', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' },
    });
    expect(ok.status).toBe('Accepted');
    const bad = await c.call('SetNetworkProfile', {
      configurationSlot: 1,
      connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ftp://x', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' },
    });
    expect(bad.status).toBe('Rejected');
  });
});
