// The reference station's transaction behaviour the block E station cases rely on, without faults.
import { describe, expect, it } from 'vitest';
import { OcppError } from '../../../src/rpc/errors.ts';
import type { Json } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();
const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };

async function booted(): Promise<Awaited<ReturnType<typeof start>>> {
  const r = await start({ actionApi: false });
  await r.sim.waitForState((st) => st.bootState === 'Accepted');
  await r.csms.waitFor('StatusNotification');
  return r;
}

async function setVariable(r: Awaited<ReturnType<typeof start>>, component: string, variable: string, value: string): Promise<void> {
  const res = await r.csms.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  expect(((res.setVariableResult as Json[])[0] as Json).attributeStatus).toBe('Accepted');
}

describe('reference station: transaction start and stop points', () => {
  it('TxStartPoint EnergyTransfer starts the transaction when charging begins, trigger ChargingStateChanged', async () => {
    const r = await booted();
    await setVariable(r, 'TxCtrlr', 'TxStartPoint', 'EnergyTransfer');
    const mark = r.csms.mark();
    r.sim.presentToken(TAG, 1);
    await r.sim.waitForState((x) => x.evses[0]?.authorized !== undefined);
    r.sim.plugIn(1, 1);
    const started = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect(started.payload.triggerReason).toBe('ChargingStateChanged');
    expect((started.payload.transactionInfo as Json).chargingState).toBe('Charging');
  });

  it('TxStartPoint EVConnected / Authorized / ParkingBayOccupancy start at their event; the remote start carries remoteStartId', async () => {
    const r = await booted();
    await setVariable(r, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
    let mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    const plugged = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect([plugged.payload.triggerReason, (plugged.payload.transactionInfo as Json).chargingState]).toEqual(['CablePluggedIn', 'EVConnected']);
    mark = r.csms.mark();
    r.sim.plugOut(1, 1);
    await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    await setVariable(r, 'TxCtrlr', 'TxStartPoint', 'ParkingBayOccupancy');
    mark = r.csms.mark();
    r.sim.setParkingBay(1, true);
    expect((await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark)).payload.triggerReason).toBe('EVDetected');
  });

  it('TxStartPoint Authorized: a remote start opens the transaction at once, with its remoteStartId; it stays open without a cable', async () => {
    const r = await booted();
    await setVariable(r, 'TxCtrlr', 'TxStartPoint', 'Authorized');
    const mark = r.csms.mark();
    expect((await r.csms.call('RequestStartTransaction', { idToken: TAG, remoteStartId: 7, evseId: 1 })).status).toBe('Accepted');
    const started = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect([started.payload.triggerReason, (started.payload.transactionInfo as Json).remoteStartId]).toEqual(['RemoteStart', 7]);
    const st = await r.sim.waitForState((x) => x.queuedTransactionEvents === 0);
    expect(st.evses[0]?.transaction).toBeDefined();
  });

  it('GetTransactionStatus: ongoing for the running transaction, not for unknown ones, no indicator without an id', async () => {
    const r = await booted();
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    const started = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    await r.sim.waitForState((x) => x.queuedTransactionEvents === 0);
    const transactionId = (started.payload.transactionInfo as Json).transactionId;
    expect(await r.csms.call('GetTransactionStatus', { transactionId })).toEqual({ messagesInQueue: false, ongoingIndicator: true });
    expect(await r.csms.call('GetTransactionStatus', { transactionId: 'unknown' })).toEqual({ messagesInQueue: false, ongoingIndicator: false });
    expect(await r.csms.call('GetTransactionStatus', {})).toEqual({ messagesInQueue: false });
  });

  it('events of a session ended while offline are queued and sent afterwards with offline true', async () => {
    const r = await booted();
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    await r.csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    r.sim.goOffline();
    r.sim.plugOut(1, 1);
    r.sim.goOnline();
    const ended = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload.offline).toBe(true);
  });

  it('GetTransactionStatus reports an event still waiting for its answer as queued', async () => {
    const r = await booted();
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    const started = await r.csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    r.csms.respond('TransactionEvent', () => new Promise<Json>(() => undefined));
    r.sim.plugOut(1, 1);
    await r.sim.waitForState((x) => x.queuedTransactionEvents > 0);
    const transactionId = (started.payload.transactionInfo as Json).transactionId;
    expect(await r.csms.call('GetTransactionStatus', { transactionId })).toEqual({ messagesInQueue: true, ongoingIndicator: false });
  });

  it('a TransactionEventResponse calling the token Invalid ends the transaction (StopTxOnInvalidId)', async () => {
    const r = await booted();
    r.csms.respond('TransactionEvent', (p) => (p.idToken ? { idTokenInfo: { status: 'Invalid' } } : {}));
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    const ended = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect([ended.payload.triggerReason, (ended.payload.transactionInfo as Json).stoppedReason]).toEqual(['Deauthorized', 'DeAuthorized']);
  });

  it('an authorization without a cable expires after the EV connection timeout', async () => {
    const r = await start({ actionApi: false, timers: { evConnectionTimeoutMs: 50 } });
    await r.sim.waitForState((st) => st.bootState === 'Accepted');
    r.sim.presentToken(TAG, 1);
    await r.sim.waitForState((x) => x.evses[0]?.authorized !== undefined);
    await r.sim.waitForState((x) => x.evses[0]?.authorized === undefined);
  });

  it('a refused TransactionEvent is sent again, unchanged, after the retry interval; newer events wait behind it', async () => {
    const r = await start({ actionApi: false, timers: { txRetryMs: 300, meterSampleMs: 50 } });
    await r.sim.waitForState((st) => st.bootState === 'Accepted');
    let refusals = 0;
    r.csms.respond('TransactionEvent', () => {
      if (refusals++ < 1) throw new OcppError('InternalError', 'refused');
      return {};
    });
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    const [a, b] = await r.csms.waitForCount('TransactionEvent', 2, () => true, 5000, mark);
    expect(b?.payload).toEqual(a?.payload);
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('TxStopPoint EnergyTransfer: the EV suspending ends the transaction, ChargingStateChanged, StoppedByEV', async () => {
    const r = await booted();
    await setVariable(r, 'TxCtrlr', 'TxStopPoint', 'EnergyTransfer');
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    await r.csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    r.sim.setState('suspendedEV', 1, 1);
    const ended = await r.csms.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect([ended.payload.triggerReason, (ended.payload.transactionInfo as Json).stoppedReason]).toEqual(['ChargingStateChanged', 'StoppedByEV']);
  });

  it('an EV that is not ready when plugged in: Started (EVConnected), then ChargingStateChanged to SuspendedEV', async () => {
    const r = await booted();
    const mark = r.csms.mark();
    r.sim.presentToken(TAG, 1);
    await r.sim.waitForState((x) => x.evses[0]?.authorized !== undefined);
    r.sim.setState('suspendedEV', 1, 1);
    r.sim.plugIn(1, 1);
    const [started, update] = await r.csms.waitForCount('TransactionEvent', 2, () => true, 5000, mark);
    expect((started?.payload.transactionInfo as Json).chargingState).toBe('EVConnected');
    expect([update?.payload.triggerReason, (update?.payload.transactionInfo as Json).chargingState]).toEqual(['ChargingStateChanged', 'SuspendedEV']);
  });

  it('EV side pulled and plugged back during an open transaction: Idle, then EVConnected, then Charging', async () => {
    const r = await booted();
    await setVariable(r, 'TxCtrlr', 'TxStopPoint', 'Authorized');
    await setVariable(r, 'TxCtrlr', 'StopTxOnEVSideDisconnect', 'false');
    const mark = r.csms.mark();
    r.sim.plugIn(1, 1);
    r.sim.presentToken(TAG, 1);
    await r.csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    const unplugged = r.csms.mark();
    r.sim.plugOut(1, 1);
    const lost = await r.csms.waitFor('TransactionEvent', () => true, 5000, unplugged);
    expect([lost.payload.eventType, lost.payload.triggerReason, (lost.payload.transactionInfo as Json).chargingState]).toEqual(['Updated', 'EVCommunicationLost', 'Idle']);
    const replugged = r.csms.mark();
    r.sim.plugIn(1, 1);
    const [a, b] = await r.csms.waitForCount('TransactionEvent', 2, () => true, 5000, replugged);
    expect([a?.payload.triggerReason, (a?.payload.transactionInfo as Json).chargingState]).toEqual(['CablePluggedIn', 'EVConnected']);
    expect([b?.payload.triggerReason, (b?.payload.transactionInfo as Json).chargingState]).toEqual(['ChargingStateChanged', 'Charging']);
  });
});
