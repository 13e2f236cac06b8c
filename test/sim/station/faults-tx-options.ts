// Scenarios of the faults behind TC_E_11/E_27/E_52 (station side): TxStartPoint DataSigned, the EV connection timeout
// after an EV-side disconnect, AuthCtrlr.DisableRemoteAuthorization. Each runs the same session with and without its
// fault and sees the difference. Spread into the scenarios of faults.test.ts, which also checks every fault has one.
import { expect } from 'vitest';
import type { StationSim } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import type { Start } from './faults-s14e.ts';

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };

async function setVariable(c: ScriptedCsms, component: string, variable: string, value: string): Promise<void> {
  const r = await c.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  expect(((r.setVariableResult as Json[])[0] as Json).attributeStatus).toBe('Accepted');
}

/** A triggered Heartbeat answered: everything the station did before it has been sent. */
async function barrier(c: ScriptedCsms): Promise<void> {
  const mark = c.mark();
  expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
  await c.waitFor('Heartbeat', () => true, 5000, mark);
}

export function txOptionScenarios(booted: Start): Record<string, () => Promise<void>> {
  /** DataSigned start with signing on: the trigger of the Started event. */
  const dataSignedStart = async (faults: string[]): Promise<unknown> => {
    const { c, s } = await booted(faults);
    await setVariable(c, 'TxCtrlr', 'TxStartPoint', 'DataSigned');
    await setVariable(c, 'SampledDataCtrlr', 'SignReadings', 'true');
    s.presentToken(TAG, 1);
    await s.waitForState((x) => x.evses[0]?.authorized !== undefined);
    const mark = c.mark();
    s.plugIn(1, 1);
    return (await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark)).payload.triggerReason;
  };
  /** EV-side disconnect with the transaction kept (TxStopPoint Authorized), the EV stays away: the event at the timeout. */
  const evStaysAway = async (faults: string[]): Promise<Json> => {
    const { c, s } = await booted(faults, { timers: { evConnectionTimeoutMs: 100 } });
    await setVariable(c, 'TxCtrlr', 'TxStopPoint', 'Authorized');
    await setVariable(c, 'TxCtrlr', 'StopTxOnEVSideDisconnect', 'false');
    const mark = c.mark();
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
    s.plugOut(1, 1);
    return (await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'EVConnectTimeout', 5000, mark)).payload;
  };
  /** DisableRemoteAuthorization true, an unknown token presented, then the EV plugged in. */
  const unknownTokenLocally = async (faults: string[]): Promise<{ c: ScriptedCsms; s: StationSim }> => {
    const r = await booted(faults);
    await setVariable(r.c, 'AuthCtrlr', 'DisableRemoteAuthorization', 'true');
    r.s.presentToken(TAG, 1);
    r.s.plugIn(1, 1);
    await barrier(r.c);
    return r;
  };
  return {
    'transactions.dataSignedTrigger': async () => {
      expect(await dataSignedStart([])).toBe('SignedDataReceived');
      expect(await dataSignedStart(['transactions.dataSignedTrigger'])).toBe('CablePluggedIn');
    },
    'transactions.evSideTimeoutKeepsTx': async () => {
      const correct = await evStaysAway([]);
      expect([correct.eventType, (correct.transactionInfo as Json).stoppedReason]).toEqual(['Ended', 'Timeout']);
      const faulty = await evStaysAway(['transactions.evSideTimeoutKeepsTx']);
      expect(faulty.eventType).toBe('Updated');
    },
    'remoteAuthorization.askedWhileDisabled': async () => {
      expect((await unknownTokenLocally([])).c.of('Authorize')).toEqual([]);
      expect((await unknownTokenLocally(['remoteAuthorization.askedWhileDisabled'])).c.of('Authorize')).toHaveLength(1);
    },
    'remoteAuthorization.unknownAccepted': async () => {
      const correct = await unknownTokenLocally([]);
      expect(correct.c.of('TransactionEvent')).toEqual([]);
      const faulty = await unknownTokenLocally(['remoteAuthorization.unknownAccepted']);
      await faulty.c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging');
      expect(faulty.c.of('Authorize')).toEqual([]);
    },
  };
}
