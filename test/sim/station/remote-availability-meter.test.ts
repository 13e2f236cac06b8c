// The reference station's correct behaviour in the remote-control, availability and meter-values areas (the faults of
// these areas are probed in faults-s15.ts).
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();
const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };

async function booted(opts: Partial<StationSimOptions> = {}): Promise<{ c: ScriptedCsms; s: StationSim }> {
  const { csms, sim } = await start({ actionApi: false, ...opts });
  await sim.waitForState((st) => st.bootState === 'Accepted');
  await csms.waitFor('StatusNotification');
  return { c: csms, s: sim };
}

describe('reference station: remote control', () => {
  it('remote start carries the remoteStartId, authorizes only when AuthorizeRemoteStart is true, and times out without a cable', async () => {
    const { c, s } = await booted({ timers: { evConnectionTimeoutMs: 100 }, txStartPoint: ['Authorized'] });
    let mark = c.mark();
    expect((await c.call('RequestStartTransaction', { idToken: TAG, evseId: 1, remoteStartId: 9 })).status).toBe('Accepted');
    const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    expect(started.payload).toMatchObject({ triggerReason: 'RemoteStart', transactionInfo: { remoteStartId: 9 } });
    expect(c.received.slice(mark).some((r) => r.action === 'Authorize')).toBe(false);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(ended.payload.triggerReason).toBe('EVConnectTimeout');
    await c.call('SetVariables', { setVariableData: [{ component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' }, attributeValue: 'true' }] });
    mark = c.mark();
    expect((await c.call('RequestStartTransaction', { idToken: TAG, evseId: 1, remoteStartId: 10 })).status).toBe('Accepted');
    await c.waitFor('Authorize', () => true, 5000, mark);
    s.plugIn(1, 1);
    await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
  });

  it('remote stop ends the named transaction only; unlock answers per connector and transaction', async () => {
    const { c, s } = await booted();
    expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 1 })).status).toBe('Unlocked');
    expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 999 })).status).toBe('UnknownConnector');
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging');
    expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 1 })).status).toBe('OngoingAuthorizedTransaction');
    expect((await c.call('RequestStopTransaction', { transactionId: 'other' })).status).toBe('Rejected');
    const id = String(s.state().evses[0]?.transaction?.transactionId);
    const mark = c.mark();
    expect((await c.call('RequestStopTransaction', { transactionId: id })).status).toBe('Accepted');
    const stop = await c.waitFor('TransactionEvent', () => true, 5000, mark);
    expect(stop.payload).toMatchObject({ triggerReason: 'RemoteStop' });
  });
});

describe('reference station: availability', () => {
  it('station Inoperative while charging is Scheduled: idle EVSEs go Unavailable now, the charging one after its transaction', async () => {
    const { c, s } = await booted({ evses: 2 });
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging');
    let mark = c.mark();
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative' })).status).toBe('Scheduled');
    expect((await c.waitFor('StatusNotification', () => true, 5000, mark)).payload).toMatchObject({ evseId: 2, connectorStatus: 'Unavailable' });
    mark = c.mark();
    s.presentToken(TAG, 1);
    expect((await c.waitFor('StatusNotification', () => true, 5000, mark)).payload).toMatchObject({ evseId: 1, connectorStatus: 'Unavailable' });
    // Asked again for the state in force: Accepted, every connector reported again.
    mark = c.mark();
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative' })).status).toBe('Accepted');
    await c.waitForCount('StatusNotification', 2, (p) => p.connectorStatus === 'Unavailable', 5000, mark);
  });

  it('an inoperative connector stays Unavailable through a reset; unchanged requests are Accepted', async () => {
    const { c } = await booted();
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: 1 } })).status).toBe('Accepted');
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    const mark = c.mark();
    await c.call('Reset', { type: 'Immediate' });
    const after = await c.waitFor('StatusNotification', (p) => p.evseId === 1, 5000, mark);
    expect(after.payload.connectorStatus).toBe('Unavailable');
  });
});

describe('reference station: meter values', () => {
  it('clock-aligned readings while idle, MeterValueClock during a transaction, none with SendDuringIdle; Ended carries the collected samples', async () => {
    const { c, s } = await booted();
    const set = (component: string, variable: string, value: string): Promise<unknown> => c.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
    let mark = c.mark();
    await set('AlignedDataCtrlr', 'Enabled', 'true');
    await set('AlignedDataCtrlr', 'Interval', '1');
    const idle = await c.waitFor('MeterValues', () => true, 3000, mark);
    expect(((idle.payload.meterValue as Json[])[0]?.sampledValue as Json[])[0]?.context).toBe('Sample.Clock');
    expect(Date.parse(String((idle.payload.meterValue as Json[])[0]?.timestamp)) % 1000).toBe(0);
    await set('SampledDataCtrlr', 'TxEndedInterval', '1');
    mark = c.mark();
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    // Two aligned ticks during the transaction: more than one TxEndedInterval has passed by the second.
    const [clock] = await c.waitForCount('TransactionEvent', 2, (p) => p.triggerReason === 'MeterValueClock', 4000, mark);
    if (!clock) throw new Error('no MeterValueClock event');
    expect(((clock.payload.meterValue as Json[])[0]?.sampledValue as Json[])[0]?.context).toBe('Sample.Clock');
    mark = c.mark();
    s.presentToken(TAG, 1);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 3000, mark);
    const contexts = (ended.payload.meterValue as Json[]).map((mv) => ((mv.sampledValue as Json[])[0] as Json).context);
    expect(contexts).toContain('Sample.Periodic');
    expect(contexts[contexts.length - 1]).toBe('Transaction.End');
    expect((await c.call('SetVariables', { setVariableData: [{ component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxStartedMeasurands' }, attributeValue: '' }] })) as Json).toMatchObject({ setVariableResult: [{ attributeStatus: 'Accepted' }] });
  });

  it('signs readings when SignReadings is true, with a public key that parses unless PublicKeyWithSignedMeterValue is Never', async () => {
    const { c, s } = await booted();
    await c.call('SetVariables', { setVariableData: [{ component: { name: 'SampledDataCtrlr' }, variable: { name: 'SignReadings' }, attributeValue: 'true' }] });
    let mark = c.mark();
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    const smv = (((started.payload.meterValue as Json[])[0] as Json).sampledValue as Json[])[0]?.signedMeterValue as Json;
    expect(() => createPublicKey({ key: Buffer.from(String(smv.publicKey), 'base64'), format: 'der', type: 'spki' })).not.toThrow();
    await c.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'PublicKeyWithSignedMeterValue' }, attributeValue: 'Never' }] });
    mark = c.mark();
    s.presentToken(TAG, 1);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
    expect(((((ended.payload.meterValue as Json[])[0] as Json).sampledValue as Json[])[0]?.signedMeterValue as Json).publicKey).toBe('');
  });
});
