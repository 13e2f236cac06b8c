// Transactions (Part 6 block E): start and stop points, transaction events: this area's named faults and behaviour of the reference CSMS.
// The core (handlers.ts) records every TransactionEvent and answers it, with idTokenInfo whenever the event carries an
// idToken; a correct CSMS needs nothing more here. The faults below are the ways a real CSMS trips over the flexible
// start and stop points of OCPP 2.0.1: it assumes one fixed way of starting, a strict charging-state machine, the
// OCPP 1.6 list of stop reasons, or it mixes up transaction ids. Each is consulted once, in this file.
import { SimCallError } from '../handlers.ts';
import type { HandlerContext } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { obj, perStation, tokenKey } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'tx.defaultStartTriggersOnly':
    'a TransactionEvent Started whose triggerReason is not Authorized, CablePluggedIn or RemoteStart gets a CALLERROR (other start points unsupported)',
  'tx.startRequiresIdToken': 'a TransactionEvent Started without idToken gets a CALLERROR (the CSMS assumes authorization comes first)',
  'tx.authorizeCountsAsSession':
    'a token the CSMS accepted in an AuthorizeRequest counts as in use, so the TransactionEvent Started with it is answered idTokenInfo ConcurrentTx',
  'tx.idTokenInfoOnlyAtStart': 'idTokenInfo is only given in answers to Started events; an idToken in a later event (authorization after plug-in, stop) gets none',
  'tx.suspendBeforeChargingRefused': 'a chargingState SuspendedEV or SuspendedEVSE in a transaction that never reported Charging gets a CALLERROR',
  'tx.endDuringEnergyTransferRefused':
    'an Ended TransactionEvent of a transaction last reported Charging, SuspendedEV or SuspendedEVSE gets a CALLERROR (energy transfer must be reported stopped first)',
  'tx.legacyStoppedReasons': 'a stoppedReason that OCPP 1.6 did not know (StoppedByEV, Timeout, ...) gets a CALLERROR',
  'tx.deAuthorizedSpelling': 'stoppedReason DeAuthorized gets a CALLERROR (the CSMS validates it against the triggerReason spelling Deauthorized)',
  'tx.parkingBayUnsupported': 'a TransactionEvent with triggerReason EVDetected or EVDeparted (parking bay sensor) gets a CALLERROR',
  'tx.commLostEndsTransaction':
    'triggerReason EVCommunicationLost closes the transaction at the CSMS even in an Updated event; later events of it get a CALLERROR',
  'tx.availableDuringTransactionRefused':
    'a StatusNotification or NotifyEvent saying a connector is Available while its EVSE has an open transaction gets a CALLERROR',
  'tx.remoteStopUpperCaseId': 'outgoing RequestStopTransaction requests carry the transactionId in upper case (ids treated as case-insensitive UUIDs)',
} as const satisfies Record<string, string>;

/** The reasons a stop could have in OCPP 1.6 (StopTransaction.req reason), which a ported CSMS may still enforce. */
const OCPP16_STOP_REASONS = new Set(['DeAuthorized', 'EmergencyStop', 'EVDisconnected', 'HardReset', 'Local', 'Other', 'PowerLoss', 'Reboot', 'Remote', 'SoftReset', 'UnlockCommand']);
const DEFAULT_START_TRIGGERS = new Set(['Authorized', 'CablePluggedIn', 'RemoteStart']);
const ENERGY_TRANSFER_STATES = new Set(['Charging', 'SuspendedEV', 'SuspendedEVSE']);
const SUSPENDED_STATES = new Set(['SuspendedEV', 'SuspendedEVSE']);

/** What the faulty behaviours remember per station: tokens accepted by AuthorizeRequest, transactions closed on comm loss. */
interface TxMemory {
  authorizedTokens: Set<string>;
  closedOnCommLoss: Set<string>;
}
const memoryOf = perStation<StationRecord, TxMemory>(() => ({ authorizedTokens: new Set(), closedOnCommLoss: new Set() }));



/**
 * The faults that refuse a TransactionEvent (CALLERROR); the core has already recorded the event. Also notes the
 * transactions that tx.commLostEndsTransaction considers closed.
 */
function refusal(ctx: HandlerContext, request: Json): SimCallError | undefined {
  const f = ctx.opts.faults;
  const info = obj(request.transactionInfo);
  const id = typeof info.transactionId === 'string' ? info.transactionId : '';
  const trigger = request.triggerReason;
  const started = request.eventType === 'Started';
  const tx = ctx.station.transactions.get(id);
  // The events before this one (the core appended this one last).
  const earlier = tx ? tx.events.slice(0, -1) : [];
  const lastState = [...earlier].reverse().find((e) => e.chargingState !== undefined)?.chargingState;
  const mem = memoryOf(ctx.station);

  if (f.has('tx.commLostEndsTransaction')) {
    if (mem.closedOnCommLoss.has(id)) return new SimCallError('GenericError', `transaction ${id} ended when the EV communication was lost`);
    if (trigger === 'EVCommunicationLost') mem.closedOnCommLoss.add(id);
  }
  if (started && f.has('tx.defaultStartTriggersOnly') && !DEFAULT_START_TRIGGERS.has(String(trigger))) {
    return new SimCallError('PropertyConstraintViolation', `a transaction cannot start with triggerReason ${String(trigger)}`);
  }
  if (started && f.has('tx.startRequiresIdToken') && request.idToken === undefined) {
    return new SimCallError('OccurrenceConstraintViolation', 'idToken is required to start a transaction');
  }
  if (f.has('tx.parkingBayUnsupported') && (trigger === 'EVDetected' || trigger === 'EVDeparted')) {
    return new SimCallError('PropertyConstraintViolation', `triggerReason ${String(trigger)} is not supported`);
  }
  if (f.has('tx.suspendBeforeChargingRefused') && SUSPENDED_STATES.has(String(info.chargingState)) && !earlier.some((e) => e.chargingState === 'Charging')) {
    return new SimCallError('GenericError', `transaction ${id} cannot be suspended (${String(info.chargingState)}) before it has charged`);
  }
  if (request.eventType === 'Ended' && f.has('tx.endDuringEnergyTransferRefused') && ENERGY_TRANSFER_STATES.has(String(lastState))) {
    return new SimCallError('GenericError', `transaction ${id} is still in energy transfer (${String(lastState)}); it cannot end before the transfer stops`);
  }
  const reason = info.stoppedReason;
  if (typeof reason === 'string') {
    if (f.has('tx.legacyStoppedReasons') && !OCPP16_STOP_REASONS.has(reason)) return new SimCallError('PropertyConstraintViolation', `transactionInfo.stoppedReason ${reason} is not a valid reason`);
    if (f.has('tx.deAuthorizedSpelling') && reason === 'DeAuthorized') return new SimCallError('PropertyConstraintViolation', 'transactionInfo.stoppedReason DeAuthorized is not a valid value (Deauthorized)');
  }
  return undefined;
}

/** Whether a StatusNotification / NotifyEvent reports some connector Available on an EVSE with an open transaction. */
function availableDuringTransaction(station: StationRecord, action: string, request: Json): boolean {
  const evses: unknown[] = [];
  if (action === 'StatusNotification' && request.connectorStatus === 'Available') evses.push(request.evseId);
  if (action === 'NotifyEvent') {
    for (const raw of Array.isArray(request.eventData) ? request.eventData : []) {
      const ev = obj(raw);
      const component = obj(ev.component);
      if (component.name === 'Connector' && obj(ev.variable).name === 'AvailabilityState' && ev.actualValue === 'Available') evses.push(obj(component.evse).id);
    }
  }
  return evses.some((evseId) => [...station.transactions.values()].some((t) => t.evseId === evseId && t.state !== 'Ended'));
}

export const AREA: CsmsArea = {
  name: 'transactions',
  answer(ctx, action, request, response) {
    const f = ctx.opts.faults;
    const mem = memoryOf(ctx.station);
    if (action === 'Authorize') {
      const key = tokenKey(request.idToken);
      if (key !== undefined && obj(response.idTokenInfo).status === 'Accepted') mem.authorizedTokens.add(key);
      return response;
    }
    if ((action === 'StatusNotification' || action === 'NotifyEvent') && f.has('tx.availableDuringTransactionRefused') && availableDuringTransaction(ctx.station, action, request)) {
      throw new SimCallError('GenericError', 'a connector cannot become Available while its EVSE has an open transaction');
    }
    if (action !== 'TransactionEvent') return response;
    const refused = refusal(ctx, request);
    if (refused) throw refused;
    if (response.idTokenInfo === undefined) return response;
    if (request.eventType !== 'Started' && f.has('tx.idTokenInfoOnlyAtStart')) {
      const { idTokenInfo: _dropped, ...rest } = response;
      return rest;
    }
    const key = tokenKey(request.idToken);
    if (request.eventType === 'Started' && key !== undefined && mem.authorizedTokens.has(key) && f.has('tx.authorizeCountsAsSession')) {
      return { ...response, idTokenInfo: { ...obj(response.idTokenInfo), status: 'ConcurrentTx' } };
    }
    return response;
  },
  outgoing(faults, action, payload) {
    if (action === 'RequestStopTransaction' && faults.has('tx.remoteStopUpperCaseId') && typeof payload.transactionId === 'string') {
      payload.transactionId = payload.transactionId.toUpperCase();
    }
  },
};
