// Meter-values area of the reference CSMS: readings of every kind are answered normally; each fault refuses exactly the
// readings (or rewrites exactly the GetTransactionStatus request) it describes.
import { describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { simWithStation } from './helpers.ts';

const booted = simWithStation('MV1', {}, { handlers: { GetTransactionStatus: () => ({ messagesInQueue: false }) } });

const T = '2025-01-01T00:00:00.000Z';
const reading = (context: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  timestamp: T,
  sampledValue: [{ value: 1000, context, measurand: 'Energy.Active.Import.Register', ...extra }],
});
const signed = { signedMeterValue: { signedMeterData: 'AA==', signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: 'AA==' } };
const txEvent = (eventType: string, seqNo: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventType,
  timestamp: T,
  triggerReason: 'MeterValuePeriodic',
  seqNo,
  transactionInfo: { transactionId: 'tx-1' },
  ...extra,
});
const fiscalEvent = {
  generatedAt: T,
  seqNo: 0,
  eventData: [
    { eventId: 1, timestamp: T, trigger: 'Periodic', actualValue: '1000', eventNotificationType: 'PreconfiguredMonitor', component: { name: 'FiscalMetering' }, variable: { name: 'EnergyImportRegister' } },
  ],
};

async function callError(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  return e instanceof CallErrorResponse ? e.code : undefined;
}

describe('meter values without faults', () => {
  it('answers readings of every context, signed readings, the main meter, late evse, offline and late events', async () => {
    const { st: s } = await booted([]);
    await expect(s.call('MeterValues', { evseId: 0, meterValue: [reading('Sample.Clock')] })).resolves.toEqual({});
    await expect(s.call('NotifyEvent', fiscalEvent)).resolves.toEqual({});
    await expect(s.call('TransactionEvent', txEvent('Started', 0, { meterValue: [reading('Transaction.Begin')] }))).resolves.toEqual({});
    await expect(s.call('TransactionEvent', txEvent('Updated', 1, { evse: { id: 1 }, meterValue: [reading('Sample.Periodic'), reading('Sample.Clock', signed)] }))).resolves.toEqual({});
    await expect(s.call('TransactionEvent', txEvent('Ended', 3, { offline: true, meterValue: [reading('Transaction.End')] }))).resolves.toEqual({});
    await expect(s.call('TransactionEvent', txEvent('Updated', 2, { offline: true }))).resolves.toEqual({});
  });

  it('sends GetTransactionStatus as the operator asked', async () => {
    const { sim, st: s } = await booted([]);
    await sim.callStation('MV1', 'GetTransactionStatus', {});
    await sim.callStation('MV1', 'GetTransactionStatus', { transactionId: 'c0ffee00-1111-2222-3333-444455556666' });
    expect(s.received.map((r) => r.payload)).toEqual([{}, { transactionId: 'c0ffee00-1111-2222-3333-444455556666' }]);
  });
});

describe('meter values faults', () => {
  const cases: Array<[string, string, Record<string, unknown>, string, Record<string, unknown>]> = [
    ['meterValues.rejectMainMeter', 'MeterValues', { evseId: 0, meterValue: [reading('Sample.Clock')] }, 'PropertyConstraintViolation', { evseId: 1, meterValue: [reading('Sample.Clock')] }],
    ['meterValues.rejectFiscalMeteringEvent', 'NotifyEvent', fiscalEvent, 'NotImplemented', { ...fiscalEvent, eventData: [{ ...fiscalEvent.eventData[0], trigger: 'Delta' }] }],
    ['meterValues.rejectClockContext', 'MeterValues', { evseId: 1, meterValue: [reading('Sample.Clock')] }, 'PropertyConstraintViolation', { evseId: 1, meterValue: [reading('Sample.Periodic')] }],
    ['meterValues.rejectPeriodicContext', 'TransactionEvent', txEvent('Started', 0, { meterValue: [{ timestamp: T, sampledValue: [{ value: 1 }] }] }), 'PropertyConstraintViolation', txEvent('Started', 0, { meterValue: [reading('Sample.Clock')] })],
    ['meterValues.rejectBeginContext', 'TransactionEvent', txEvent('Started', 0, { meterValue: [reading('Transaction.Begin')] }), 'PropertyConstraintViolation', txEvent('Started', 0, { meterValue: [reading('Transaction.End')] })],
    ['meterValues.rejectSignedValue', 'TransactionEvent', txEvent('Started', 0, { meterValue: [reading('Sample.Clock', signed)] }), 'FormatViolation', txEvent('Started', 0, { meterValue: [reading('Sample.Clock')] })],
    ['meterValues.rejectSeveralReadings', 'TransactionEvent', txEvent('Started', 0, { meterValue: [reading('Sample.Clock'), reading('Sample.Clock')] }), 'OccurrenceConstraintViolation', txEvent('Started', 0, { meterValue: [reading('Sample.Clock')] })],
    ['meterValues.rejectLateEvse', 'TransactionEvent', txEvent('Updated', 1, { evse: { id: 1 } }), 'OccurrenceConstraintViolation', txEvent('Started', 0, { evse: { id: 1 } })],
    ['txStatus.rejectQueuedEvents', 'TransactionEvent', txEvent('Started', 0, { offline: true }), 'PropertyConstraintViolation', txEvent('Started', 0)],
  ];
  it.each(cases)('%s refuses what it describes and nothing else', async (fault, action, refused, code, answered) => {
    const { st: s } = await booted([fault]);
    expect(await callError(s.call(action, answered))).toBeUndefined();
    expect(await callError(s.call(action, refused))).toBe(code);
  });

  it('txStatus.rejectEventsAfterEnded refuses an event of an ended transaction only', async () => {
    const { st: s } = await booted(['txStatus.rejectEventsAfterEnded']);
    expect(await callError(s.call('TransactionEvent', txEvent('Started', 0)))).toBeUndefined();
    expect(await callError(s.call('TransactionEvent', txEvent('Ended', 2)))).toBeUndefined();
    expect(await callError(s.call('TransactionEvent', txEvent('Updated', 1)))).toBe('PropertyConstraintViolation');
  });

  it('txStatus.truncatedTransactionId and txStatus.emptyTransactionId rewrite the outgoing request', async () => {
    const { sim, st: s } = await booted(['txStatus.truncatedTransactionId', 'txStatus.emptyTransactionId']);
    await sim.callStation('MV1', 'GetTransactionStatus', { transactionId: 'c0ffee00-1111-2222-3333-444455556666' });
    await sim.callStation('MV1', 'GetTransactionStatus', {});
    expect(s.received.map((r) => r.payload)).toEqual([{ transactionId: 'c0ffee00' }, { transactionId: '' }]);
  });
});
