// Meter values (Part 6 block J) and transaction status (block E, GetTransactionStatus): this area's named faults and behaviour of the reference CSMS.
// The core already acknowledges MeterValues, NotifyEvent and TransactionEvent and records transactions; a correct CSMS
// needs nothing more here. The faults below are the bugs a real CSMS shows with readings it does not expect: a reading
// context it cannot map, the main meter (evseId 0), signed readings, several readings in one event, and so on.
import { SimCallError } from '../handlers.ts';
import type { CsmsArea } from './types.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'meterValues.rejectMainMeter': 'a MeterValuesRequest for evseId 0 (the main meter) is answered with a CALLERROR as an unknown EVSE',
  'meterValues.rejectFiscalMeteringEvent': 'a NotifyEventRequest reporting FiscalMetering readings with trigger Periodic is answered with a CALLERROR',
  'meterValues.rejectClockContext': 'a MeterValues or TransactionEvent reading with context Sample.Clock is answered with a CALLERROR (unknown context)',
  'meterValues.rejectPeriodicContext': 'a MeterValues or TransactionEvent reading with context Sample.Periodic (or no context) is answered with a CALLERROR',
  'meterValues.rejectBeginContext': 'a TransactionEvent reading with context Transaction.Begin is answered with a CALLERROR',
  'meterValues.rejectSignedValue': 'a reading carrying signedMeterValue is answered with a CALLERROR (the field is not understood)',
  'meterValues.rejectSeveralReadings': 'a TransactionEvent carrying more than one meterValue entry is answered with a CALLERROR',
  'meterValues.rejectLateEvse': 'a TransactionEvent other than Started that names the EVSE is answered with a CALLERROR',
  'txStatus.truncatedTransactionId': 'outgoing GetTransactionStatus requests carry only the first 8 characters of the transactionId',
  'txStatus.emptyTransactionId': 'outgoing GetTransactionStatus requests without a transactionId carry an empty transactionId instead of none',
  'txStatus.rejectQueuedEvents': 'a TransactionEvent flagged offline (delivered from the station queue) is answered with a CALLERROR',
  'txStatus.rejectEventsAfterEnded': 'a TransactionEvent arriving after the Ended event of its transaction is answered with a CALLERROR',
} as const satisfies Record<string, string>;

function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter((x): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

/** Every sampled value of the request's meterValue list. */
function readings(request: Json): Json[] {
  return list(request.meterValue).flatMap((mv) => list(mv.sampledValue));
}

/** The reading contexts used in the request; an omitted context means Sample.Periodic. */
function contexts(request: Json): Set<string> {
  return new Set(readings(request).map((sv) => (typeof sv.context === 'string' ? sv.context : 'Sample.Periodic')));
}

const CONTEXT_FAULTS = [
  ['meterValues.rejectClockContext', 'Sample.Clock'],
  ['meterValues.rejectPeriodicContext', 'Sample.Periodic'],
] as const;

export const AREA: CsmsArea = {
  name: 'meter-values',

  answer(ctx, action, request, response) {
    const f = ctx.opts.faults;
    if (action === 'MeterValues' || action === 'TransactionEvent') {
      const used = contexts(request);
      for (const [fault, context] of CONTEXT_FAULTS) {
        if (f.has(fault) && used.has(context)) throw new SimCallError('PropertyConstraintViolation', `reading context ${context} is not supported`);
      }
      if (f.has('meterValues.rejectSignedValue') && readings(request).some((sv) => sv.signedMeterValue !== undefined)) {
        throw new SimCallError('FormatViolation', 'unexpected property signedMeterValue in sampledValue');
      }
    }
    if (action === 'MeterValues' && f.has('meterValues.rejectMainMeter') && request.evseId === 0) {
      throw new SimCallError('PropertyConstraintViolation', 'evseId 0 is not an EVSE of this station');
    }
    if (action === 'NotifyEvent' && f.has('meterValues.rejectFiscalMeteringEvent')) {
      const fiscal = list(request.eventData).some((e) => e.trigger === 'Periodic' && (e.component as Json | undefined)?.name === 'FiscalMetering');
      if (fiscal) throw new SimCallError('NotImplemented', 'periodic FiscalMetering events are not supported');
    }
    if (action === 'TransactionEvent') {
      if (f.has('meterValues.rejectBeginContext') && contexts(request).has('Transaction.Begin')) {
        throw new SimCallError('PropertyConstraintViolation', 'reading context Transaction.Begin is not supported');
      }
      if (f.has('meterValues.rejectSeveralReadings') && list(request.meterValue).length > 1) {
        throw new SimCallError('OccurrenceConstraintViolation', 'only one meterValue entry per TransactionEvent is supported');
      }
      if (f.has('meterValues.rejectLateEvse') && request.eventType !== 'Started' && request.evse !== undefined) {
        throw new SimCallError('OccurrenceConstraintViolation', 'evse is only expected in the Started event');
      }
      if (f.has('txStatus.rejectQueuedEvents') && request.offline === true) {
        throw new SimCallError('PropertyConstraintViolation', 'offline transaction events are not accepted');
      }
      if (f.has('txStatus.rejectEventsAfterEnded') && request.eventType !== 'Ended') {
        // The core handler already ran: a transaction recorded as Ended means this event came after its end.
        const id = (request.transactionInfo as Json | undefined)?.transactionId;
        if (typeof id === 'string' && ctx.station.transactions.get(id)?.state === 'Ended') {
          throw new SimCallError('PropertyConstraintViolation', `transaction ${id} has already ended`);
        }
      }
    }
    return response;
  },

  outgoing(faults, action, payload) {
    if (action !== 'GetTransactionStatus') return;
    if (faults.has('txStatus.truncatedTransactionId') && typeof payload.transactionId === 'string') payload.transactionId = payload.transactionId.slice(0, 8);
    if (faults.has('txStatus.emptyTransactionId') && payload.transactionId === undefined) payload.transactionId = '';
  },
};
