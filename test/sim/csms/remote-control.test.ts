// Remote-control area of the reference CSMS: the answers and outgoing requests its faults change, and that nothing
// changes without them.
import { describe, expect, it } from 'vitest';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { callError, simWithStation } from './helpers.ts';

const booted = simWithStation('RC1', { heartbeatIntervalS: 300, tokens: [{ idToken: 'TOKEN1', type: 'ISO14443', status: 'Accepted' }] });

const TOKEN = { idToken: 'TOKEN1', type: 'ISO14443' };
const NOW = '2025-01-01T00:00:00.000Z';

function txEvent(transactionId: string, seqNo: number, eventType: string, triggerReason: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventType, timestamp: NOW, triggerReason, seqNo, transactionInfo: { transactionId }, evse: { id: 1, connectorId: 1 }, ...extra };
}

const status = (connectorStatus: string): Record<string, unknown> => ({ timestamp: NOW, connectorStatus, evseId: 1, connectorId: 1 });
const meterValues = { evseId: 1, meterValue: [{ timestamp: NOW, sampledValue: [{ value: 1, context: 'Trigger' }] }] };

describe('remote-control area', () => {
  it('without faults: remote starts, trigger reasons, repeated reports, early heartbeats and Idle statuses are all answered', async () => {
    const { st: s } = await booted([]);
    await s.call('TransactionEvent', txEvent('T1', 0, 'Started', 'CablePluggedIn'));
    expect(await s.call('TransactionEvent', txEvent('T1', 1, 'Updated', 'RemoteStart', { idToken: TOKEN }))).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
    expect(await s.call('TransactionEvent', txEvent('T1', 2, 'Updated', 'Trigger'))).toEqual({});
    expect(await s.call('TransactionEvent', txEvent('T1', 3, 'Updated', 'EVConnectTimeout'))).toEqual({});
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
    expect(await s.call('Heartbeat', {})).toHaveProperty('currentTime');
    expect(await s.call('MeterValues', { ...meterValues, evseId: 2 })).toEqual({});
    expect(await s.call('LogStatusNotification', { status: 'Idle' })).toEqual({});
  });

  it('remoteStart.rejectAfterPlugIn refuses a RemoteStart event only for a transaction that existed before', async () => {
    const { st: s } = await booted(['remoteStart.rejectAfterPlugIn']);
    expect(await s.call('TransactionEvent', txEvent('NEW', 0, 'Started', 'RemoteStart', { idToken: TOKEN }))).toHaveProperty('idTokenInfo');
    await s.call('TransactionEvent', txEvent('OLD', 0, 'Started', 'CablePluggedIn'));
    expect(await callError(s.call('TransactionEvent', txEvent('OLD', 1, 'Updated', 'RemoteStart', { idToken: TOKEN })))).toBe('GenericError');
  });

  it('remoteStart.requireAuthorize refuses a RemoteStart event unless the station authorized its token first', async () => {
    const { st: s } = await booted(['remoteStart.requireAuthorize']);
    expect(await callError(s.call('TransactionEvent', txEvent('A', 0, 'Started', 'RemoteStart', { idToken: TOKEN })))).toBe('SecurityError');
    await s.call('Authorize', { idToken: TOKEN });
    expect(await s.call('TransactionEvent', txEvent('B', 0, 'Started', 'RemoteStart', { idToken: TOKEN }))).toHaveProperty('idTokenInfo');
  });

  it('remoteStart.rejectEvConnectTimeout and trigger.rejectTriggerReason refuse their trigger reason only', async () => {
    const { st: s } = await booted(['remoteStart.rejectEvConnectTimeout', 'trigger.rejectTriggerReason']);
    await s.call('TransactionEvent', txEvent('T1', 0, 'Started', 'CablePluggedIn'));
    expect(await callError(s.call('TransactionEvent', txEvent('T1', 1, 'Updated', 'EVConnectTimeout')))).toBe('PropertyConstraintViolation');
    expect(await callError(s.call('TransactionEvent', txEvent('T1', 2, 'Updated', 'Trigger')))).toBe('PropertyConstraintViolation');
    expect(await s.call('TransactionEvent', txEvent('T1', 3, 'Updated', 'ChargingStateChanged'))).toEqual({});
  });

  it('trigger.rejectUnchangedStatus refuses only a status the connector already had', async () => {
    const { st: s } = await booted(['trigger.rejectUnchangedStatus']);
    expect(await s.call('StatusNotification', status('Occupied'))).toEqual({});
    expect(await callError(s.call('StatusNotification', status('Occupied')))).toBe('GenericError');
    expect(await s.call('StatusNotification', status('Available'))).toEqual({});
  });

  it('trigger.rejectMeterValuesOutsideTx refuses meter values of an EVSE without an open transaction', async () => {
    const { st: s } = await booted(['trigger.rejectMeterValuesOutsideTx']);
    expect(await callError(s.call('MeterValues', meterValues))).toBe('GenericError');
    await s.call('TransactionEvent', txEvent('T1', 0, 'Started', 'CablePluggedIn'));
    expect(await s.call('MeterValues', meterValues)).toEqual({});
  });

  it('trigger.rateLimitHeartbeat and trigger.requireStatusRequestId refuse what they say', async () => {
    const { st: s } = await booted(['trigger.rateLimitHeartbeat', 'trigger.requireStatusRequestId']);
    expect(await callError(s.call('Heartbeat', {}))).toBe('SecurityError');
    expect(await callError(s.call('FirmwareStatusNotification', { status: 'Idle' }))).toBe('OccurrenceConstraintViolation');
    expect(await s.call('FirmwareStatusNotification', { status: 'Downloading', requestId: 7 })).toEqual({});
  });

  /** What actually went to the station for an operator request (its answer or refusal does not matter here). */
  async function onWire(sim: CsmsSim, action: string, payload: Record<string, unknown>): Promise<unknown> {
    const seen = sim.waitFor('call', (e) => e.action === action);
    await sim.callStation('RC1', action, payload).catch(() => undefined);
    return (await seen).payload;
  }

  it('outgoing faults change the wire copy of what the operator asked for', async () => {
    const { sim } = await booted(['remoteStart.centralTokenType', 'unlock.zeroBasedConnector', 'trigger.emptyEvse']);
    expect(await onWire(sim, 'RequestStartTransaction', { idToken: TOKEN, remoteStartId: 5 })).toEqual({ idToken: { idToken: 'TOKEN1', type: 'Central' }, remoteStartId: 5 });
    expect(await onWire(sim, 'UnlockConnector', { evseId: 1, connectorId: 1 })).toEqual({ evseId: 1, connectorId: 0 });
    expect(await onWire(sim, 'TriggerMessage', { requestedMessage: 'Heartbeat' })).toEqual({ requestedMessage: 'Heartbeat', evse: {} });
    expect(await onWire(sim, 'TriggerMessage', { requestedMessage: 'Heartbeat', evse: { id: 2 } })).toEqual({ requestedMessage: 'Heartbeat', evse: { id: 2 } });
  });

  it('unlock.legacyPayload and trigger.dropEvse leave out the EVSE', async () => {
    const { sim } = await booted(['unlock.legacyPayload', 'trigger.dropEvse']);
    expect(await onWire(sim, 'UnlockConnector', { evseId: 1, connectorId: 1 })).toEqual({ connectorId: 1 });
    expect(await onWire(sim, 'TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 1 } })).toEqual({ requestedMessage: 'MeterValues' });
  });
});
