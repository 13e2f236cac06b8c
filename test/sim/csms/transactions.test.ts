// Transactions area of the reference CSMS: without faults every start and stop point is answered; each fault refuses
// or bends exactly the TransactionEvent (or connector report, or RequestStopTransaction) traffic it names.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { simWithStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

type Json = Record<string, unknown>;

const VALID = { idToken: 'TX-VALID', type: 'ISO14443' };

const booted = simWithStation('TX1', { tokens: [{ ...VALID, status: 'Accepted' }, { idToken: 'TX-INVALID', type: 'ISO14443', status: 'Invalid' }] });

/** One transaction of the scripted station on EVSE 1: each call sends the next seqNo. */
function transaction(s: ScriptedStation): (eventType: string, triggerReason: string, info?: Json, extra?: Json) => Promise<Json> {
  const transactionId = randomUUID();
  let seqNo = 0;
  return (eventType, triggerReason, info = {}, extra = {}) =>
    s.call('TransactionEvent', {
      eventType,
      timestamp: new Date().toISOString(),
      triggerReason,
      seqNo: seqNo++,
      transactionInfo: { transactionId, ...info },
      ...(eventType === 'Started' ? { evse: { id: 1, connectorId: 1 } } : {}),
      ...extra,
    });
}

async function refusal(p: Promise<unknown>): Promise<CallErrorResponse> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CallErrorResponse);
  return e as CallErrorResponse;
}

const status = (connectorStatus: string): Json => ({ timestamp: new Date().toISOString(), connectorStatus, evseId: 1, connectorId: 1 });

describe('transactions area', () => {
  it('without faults every start point, suspension, stop reason and unplug is answered', async () => {
    const { st: s } = await booted([]);
    await s.call('Authorize', { idToken: VALID });
    const a = transaction(s);
    expect(await a('Started', 'ChargingStateChanged', { chargingState: 'SuspendedEVSE' }, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(await a('Updated', 'EVCommunicationLost', { chargingState: 'Idle' })).toEqual({});
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
    expect(await a('Updated', 'StopAuthorized', {}, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(await a('Ended', 'EVDeparted', { stoppedReason: 'DeAuthorized' })).toEqual({});
    const b = transaction(s);
    expect(await b('Started', 'EVDetected')).toEqual({});
    expect(await b('Updated', 'ChargingStateChanged', { chargingState: 'Charging' })).toEqual({});
    expect(await b('Ended', 'ChargingStateChanged', { chargingState: 'SuspendedEV', stoppedReason: 'StoppedByEV' })).toEqual({});
  });

  it('tx.defaultStartTriggersOnly refuses a start on another trigger, not on Authorized or CablePluggedIn', async () => {
    const { st: s } = await booted(['tx.defaultStartTriggersOnly']);
    expect((await refusal(transaction(s)('Started', 'SignedDataReceived'))).code).toBe('PropertyConstraintViolation');
    expect(await transaction(s)('Started', 'CablePluggedIn')).toEqual({});
    expect(await transaction(s)('Started', 'Authorized', {}, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted' } });
  });

  it('tx.startRequiresIdToken refuses a Started event without idToken only', async () => {
    const { st: s } = await booted(['tx.startRequiresIdToken']);
    expect((await refusal(transaction(s)('Started', 'CablePluggedIn'))).code).toBe('OccurrenceConstraintViolation');
    const t = transaction(s);
    await t('Started', 'Authorized', {}, { idToken: VALID });
    expect(await t('Updated', 'CablePluggedIn')).toEqual({});
  });

  it('tx.authorizeCountsAsSession answers ConcurrentTx for the start with a token accepted in an AuthorizeRequest', async () => {
    const { st: s } = await booted(['tx.authorizeCountsAsSession']);
    expect(await transaction(s)('Started', 'Authorized', {}, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    await s.call('Authorize', { idToken: VALID });
    expect(await transaction(s)('Started', 'Authorized', {}, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'ConcurrentTx' } });
  });

  it('tx.idTokenInfoOnlyAtStart drops idTokenInfo from answers to later events', async () => {
    const { st: s } = await booted(['tx.idTokenInfoOnlyAtStart']);
    const t = transaction(s);
    expect(await t('Started', 'Authorized', {}, { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(await t('Updated', 'StopAuthorized', {}, { idToken: VALID })).toEqual({});
  });

  it('tx.suspendBeforeChargingRefused refuses a suspension only before the transaction charged', async () => {
    const { st: s } = await booted(['tx.suspendBeforeChargingRefused']);
    const t = transaction(s);
    await t('Started', 'CablePluggedIn', { chargingState: 'EVConnected' });
    await refusal(t('Updated', 'ChargingStateChanged', { chargingState: 'SuspendedEV' }));
    await t('Updated', 'ChargingStateChanged', { chargingState: 'Charging' });
    expect(await t('Updated', 'ChargingStateChanged', { chargingState: 'SuspendedEVSE' })).toEqual({});
  });

  it('tx.endDuringEnergyTransferRefused refuses an end while the last reported state was an energy transfer state', async () => {
    const { st: s } = await booted(['tx.endDuringEnergyTransferRefused']);
    const a = transaction(s);
    await a('Started', 'ChargingStateChanged', { chargingState: 'Charging' });
    await refusal(a('Ended', 'StopAuthorized', { stoppedReason: 'Local' }));
    const b = transaction(s);
    await b('Started', 'ChargingStateChanged', { chargingState: 'Charging' });
    await b('Updated', 'ChargingStateChanged', { chargingState: 'EVConnected' });
    expect(await b('Ended', 'EVCommunicationLost', { chargingState: 'Idle', stoppedReason: 'EVDisconnected' })).toEqual({});
  });

  it('tx.legacyStoppedReasons refuses reasons OCPP 1.6 lacked; tx.deAuthorizedSpelling refuses DeAuthorized', async () => {
    const { sim, st: s } = await booted(['tx.legacyStoppedReasons']);
    const a = transaction(s);
    await a('Started', 'CablePluggedIn');
    await refusal(a('Ended', 'EVConnectTimeout', { stoppedReason: 'Timeout' }));
    const b = transaction(s);
    await b('Started', 'CablePluggedIn');
    expect(await b('Ended', 'EVCommunicationLost', { stoppedReason: 'EVDisconnected' })).toEqual({});
    s.close();
    await sim.stop();
    const d = transaction((await booted(['tx.deAuthorizedSpelling'])).st);
    await d('Started', 'Authorized', {}, { idToken: { idToken: 'TX-INVALID', type: 'ISO14443' } });
    expect((await refusal(d('Ended', 'Deauthorized', { stoppedReason: 'DeAuthorized' }))).description).toContain('DeAuthorized');
  });

  it('tx.parkingBayUnsupported refuses EVDetected and EVDeparted', async () => {
    const { st: s } = await booted(['tx.parkingBayUnsupported']);
    await refusal(transaction(s)('Started', 'EVDetected'));
    const t = transaction(s);
    await t('Started', 'CablePluggedIn');
    await refusal(t('Ended', 'EVDeparted', { stoppedReason: 'Local' }));
  });

  it('tx.commLostEndsTransaction refuses every event after an EVCommunicationLost of the same transaction', async () => {
    const { st: s } = await booted(['tx.commLostEndsTransaction']);
    const a = transaction(s);
    await a('Started', 'CablePluggedIn');
    expect(await a('Updated', 'EVCommunicationLost', { chargingState: 'Idle' })).toEqual({});
    await refusal(a('Updated', 'CablePluggedIn', { chargingState: 'EVConnected' }));
    const b = transaction(s);
    expect(await b('Started', 'CablePluggedIn')).toEqual({});
  });

  it('tx.availableDuringTransactionRefused refuses Available reports for an EVSE with an open transaction only', async () => {
    const { st: s } = await booted(['tx.availableDuringTransactionRefused']);
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
    const t = transaction(s);
    await t('Started', 'CablePluggedIn');
    await refusal(s.call('StatusNotification', status('Available')));
    expect(await s.call('StatusNotification', status('Occupied'))).toEqual({});
    await t('Ended', 'EVCommunicationLost', { stoppedReason: 'EVDisconnected' });
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
  });

  it('tx.remoteStopUpperCaseId upper-cases the transactionId of outgoing RequestStopTransaction requests', async () => {
    const { sim, st: s } = await booted(['tx.remoteStopUpperCaseId']);
    const arrived = s.nextRequest('RequestStopTransaction');
    await sim.callStation('TX1', 'RequestStopTransaction', { transactionId: 'abc-123' });
    expect(await arrived).toEqual({ transactionId: 'ABC-123' });
  });
});
