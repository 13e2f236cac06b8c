// Scenarios of the transactions area's faults (Part 6 block E, station side): each switches its fault on and sees
// the effect. Spread into the scenarios of faults.test.ts, which also checks every fault has one.
import { expect } from 'vitest';
import { OcppError } from '../../../src/rpc/errors.ts';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';

export type Start = (faults: string[], opts?: Partial<StationSimOptions>, configure?: (c: ScriptedCsms) => void) => Promise<{ c: ScriptedCsms; s: StationSim }>;

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };

async function setVariable(c: ScriptedCsms, component: string, variable: string, value: string): Promise<void> {
  const r = await c.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  expect(((r.setVariableResult as Json[])[0] as Json).attributeStatus).toBe('Accepted');
}

/** The transactions area's scenarios, started through faults.test.ts's `booted`. */
export function transactionScenarios(booted: Start): Record<string, () => Promise<void>> {
  /** Sets TxStartPoint, does `act`, then proves (with a triggered Heartbeat as a barrier) no transaction started. */
  const noStart = async (fault: string, point: string, act: (s: StationSim) => Promise<void> | void): Promise<void> => {
    const { c, s } = await booted([fault]);
    await setVariable(c, 'TxCtrlr', 'TxStartPoint', point);
    await act(s);
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
    await c.waitFor('Heartbeat', () => true, 5000, mark);
    expect(c.of('TransactionEvent')).toEqual([]);
  };
  return {
    'transactions.ignoreEVConnected': () => noStart('transactions.ignoreEVConnected', 'EVConnected', (s) => s.plugIn(1, 1)),
    'transactions.ignoreAuthorizedStart': () =>
      noStart('transactions.ignoreAuthorizedStart', 'Authorized', async (s) => {
        s.presentToken(TAG, 1);
        await s.waitForState((x) => x.evses[0]?.authorized !== undefined);
      }),
    'transactions.ignoreParkingBayOccupancy': () => noStart('transactions.ignoreParkingBayOccupancy', 'ParkingBayOccupancy', (s) => s.setParkingBay(1, true)),
    'transactions.wrongStoppedReason': async () => {
      const { c, s } = await booted(['transactions.wrongStoppedReason']);
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
      s.plugOut(1, 1);
      const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
      expect((ended.payload.transactionInfo as Json).stoppedReason).toBe('Other');
    },
    'transactions.statusAlwaysOngoing': async () => {
      const { c } = await booted(['transactions.statusAlwaysOngoing']);
      expect((await c.call('GetTransactionStatus', { transactionId: 'nobody-knows-this' })).ongoingIndicator).toBe(true);
    },
    'transactions.statusOngoingWithoutId': async () => {
      const { c } = await booted(['transactions.statusOngoingWithoutId']);
      expect(await c.call('GetTransactionStatus', {})).toEqual({ messagesInQueue: false, ongoingIndicator: false });
    },
    'transactions.statusNeverOngoing': async () => {
      const { c, s } = await booted(['transactions.statusNeverOngoing']);
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      const transactionId = (started.payload.transactionInfo as Json).transactionId;
      expect((await c.call('GetTransactionStatus', { transactionId })).ongoingIndicator).toBe(false);
    },
    'transactions.noOfflineFlag': async () => {
      const { c, s } = await booted(['transactions.noOfflineFlag']);
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
      s.goOffline();
      s.plugOut(1, 1);
      s.goOnline();
      const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
      expect(ended.payload.offline).toBeUndefined();
    },
    'transactions.statusQueueAlwaysEmpty': async () => {
      const { c, s } = await booted(['transactions.statusQueueAlwaysEmpty']);
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
      // The CSMS keeps the next event unanswered: it stays queued while the connection is up.
      c.respond('TransactionEvent', () => new Promise<Json>(() => undefined));
      s.plugOut(1, 1);
      await s.waitForState((x) => x.queuedTransactionEvents > 0);
      expect((await c.call('GetTransactionStatus', {})).messagesInQueue).toBe(false);
    },
    'transactions.keepTxOnInvalidId': async () => {
      const { c, s } = await booted(['transactions.keepTxOnInvalidId']);
      c.respond('TransactionEvent', (p) => (p.idToken ? { idTokenInfo: { status: 'Invalid' } } : {}));
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      const st = await s.waitForState((x) => x.queuedTransactionEvents === 0);
      expect(st.evses[0]?.transaction).toBeDefined();
    },
    'transactions.noEVConnectionTimeout': async () => {
      const { c, s } = await booted(['transactions.noEVConnectionTimeout'], { timers: { evConnectionTimeoutMs: 50 } });
      s.presentToken(TAG, 1);
      await s.waitForState((x) => x.evses[0]?.authorized !== undefined);
      // Well past the 50 ms timeout (a wait for a message that never comes), the authorization is still there.
      await expect(c.waitFor('NoSuchAction', () => true, 300)).rejects.toThrow();
      expect(s.state().evses[0]?.authorized).toBeDefined();
    },
    'transactions.noRetry': async () => {
      const { c, s } = await booted(['transactions.noRetry'], { timers: { txRetryMs: 20 } });
      c.respond('TransactionEvent', () => {
        throw new OcppError('InternalError', 'refused');
      });
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', () => true, 5000, mark);
      await s.waitForState((x) => x.queuedTransactionEvents === 0);
      expect(c.of('TransactionEvent').filter((r) => r.payload.seqNo === 0)).toHaveLength(1);
    },
    'transactions.ignoreEvNotReady': async () => {
      const { c, s } = await booted(['transactions.ignoreEvNotReady']);
      const mark = c.mark();
      s.presentToken(TAG, 1);
      await s.waitForState((x) => x.evses[0]?.authorized !== undefined);
      s.setState('suspendedEV', 1, 1);
      s.plugIn(1, 1);
      const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      expect((started.payload.transactionInfo as Json).chargingState).toBe('Charging');
    },
    'transactions.unplugAsChargingState': async () => {
      const { c, s } = await booted(['transactions.unplugAsChargingState']);
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
      s.plugOut(1, 1);
      const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
      expect(ended.payload.triggerReason).toBe('ChargingStateChanged');
    },
    'transactions.noRemoteStartId': async () => {
      const { c, s } = await booted(['transactions.noRemoteStartId']);
      const mark = c.mark();
      expect((await c.call('RequestStartTransaction', { idToken: TAG, remoteStartId: 7, evseId: 1 })).status).toBe('Accepted');
      s.plugIn(1, 1);
      const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      expect((started.payload.transactionInfo as Json).remoteStartId).toBeUndefined();
    },
    'transactions.energyTransferStartTrigger': async () => {
      const { c, s } = await booted(['transactions.energyTransferStartTrigger']);
      await setVariable(c, 'TxCtrlr', 'TxStartPoint', 'EnergyTransfer');
      const mark = c.mark();
      s.presentToken(TAG, 1);
      await s.waitForState((x) => x.evses[0]?.authorized !== undefined);
      s.plugIn(1, 1);
      const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      expect(started.payload.triggerReason).toBe('CablePluggedIn');
    },
  };
}
