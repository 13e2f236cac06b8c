// Remote control (Part 6 block F): remote start/stop, unlock, trigger messages: this area's named faults and behaviour of the reference CSMS.
// The correct behaviour needs nothing beyond the core (remote starts and triggers go out as the operator asked, the
// messages that follow are answered by the core's handlers); this file remembers what the faults need and holds them.
import { SimCallError } from '../handlers.ts';
import type { CsmsFaultSet } from '../faults.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { obj, perStation, tokenKey } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'remoteStart.centralTokenType': 'outgoing RequestStartTransaction requests replace the idToken type with Central',
  'remoteStart.rejectAfterPlugIn':
    'a TransactionEvent with triggerReason RemoteStart for a transaction that had already started (cable plugged in first) is answered with a CALLERROR',
  'remoteStart.requireAuthorize':
    'a TransactionEvent with triggerReason RemoteStart whose idToken was not authorized first is answered with a CALLERROR (AuthorizeRemoteStart assumed true)',
  'remoteStart.rejectEvConnectTimeout': 'a TransactionEvent with triggerReason EVConnectTimeout is answered with a CALLERROR',
  'unlock.legacyPayload': 'outgoing UnlockConnector requests carry only connectorId, the OCPP 1.6 shape, without evseId (schema-invalid)',
  'unlock.zeroBasedConnector': 'outgoing UnlockConnector requests count connectors from 0 (connectorId one lower than asked)',
  'trigger.dropEvse': 'outgoing TriggerMessage requests leave out the evse the operator chose',
  'trigger.emptyEvse': 'outgoing TriggerMessage requests for the whole station carry an empty evse object (schema-invalid)',
  'trigger.rejectMeterValuesOutsideTx': 'MeterValues for an EVSE without a running transaction are answered with a CALLERROR',
  'trigger.rejectTriggerReason': 'a TransactionEvent with triggerReason Trigger is answered with a CALLERROR',
  'trigger.rateLimitHeartbeat': 'a Heartbeat sooner than the heartbeat interval after the boot is answered with a CALLERROR (a triggered heartbeat is taken for flooding)',
  'trigger.rejectUnchangedStatus':
    'a StatusNotification repeating the connector status the CSMS already knows is answered with a CALLERROR (a triggered report is taken for a duplicate)',
  'trigger.requireStatusRequestId': 'LogStatusNotification / FirmwareStatusNotification without requestId (status Idle) are answered with a CALLERROR',
} as const satisfies Record<string, string>;


/** The idTokens ("idToken/type") the station authorized with an AuthorizeRequest (remoteStart.requireAuthorize). */
const authorizedBy = perStation<StationRecord, Set<string>>(() => new Set<string>());
/** The last connector status ("evseId/connectorId" -> status) seen in a StatusNotification (trigger.rejectUnchangedStatus). */
const reportedStatusOf = perStation<StationRecord, Map<string, unknown>>(() => new Map<string, unknown>());



/** The answer of a CSMS whose list of trigger reasons lacks this one. */
const unknownReason = (reason: string): SimCallError => new SimCallError('PropertyConstraintViolation', `triggerReason ${reason} is not supported`);

function transactionEvent(faults: CsmsFaultSet, station: StationRecord, request: Json): void {
  const reason = request.triggerReason;
  if (reason === 'EVConnectTimeout' && faults.has('remoteStart.rejectEvConnectTimeout')) throw unknownReason(reason);
  if (reason === 'Trigger' && faults.has('trigger.rejectTriggerReason')) throw unknownReason(reason);
  if (reason !== 'RemoteStart') return;
  const transactionId = obj(request.transactionInfo).transactionId;
  const tx = typeof transactionId === 'string' ? station.transactions.get(transactionId) : undefined;
  // The core recorded this event already: more than one event means the transaction existed before the remote start.
  if (faults.has('remoteStart.rejectAfterPlugIn') && tx && tx.events.length > 1) {
    throw new SimCallError('GenericError', `transaction ${String(transactionId)} already exists; a remote start must open a new one`);
  }
  const key = tokenKey(request.idToken);
  if (faults.has('remoteStart.requireAuthorize') && (key === undefined || !authorizedBy(station).has(key))) {
    throw new SimCallError('SecurityError', 'the remote start token was not authorized by the station first');
  }
}

/** Whether this StatusNotification repeats the status last reported for its connector (and remembers the new one). */
function statusRepeated(station: StationRecord, request: Json): boolean {
  const known = reportedStatusOf(station);
  const key = `${String(request.evseId)}/${String(request.connectorId)}`;
  const repeated = known.get(key) === request.connectorStatus;
  known.set(key, request.connectorStatus);
  return repeated;
}

function openTransactionOn(station: StationRecord, evseId: unknown): boolean {
  return [...station.transactions.values()].some((t) => t.evseId === evseId && t.state !== 'Ended');
}

export const AREA: CsmsArea = {
  name: 'remote-control',
  answer(ctx, action, request, response) {
    const { station } = ctx;
    const faults = ctx.opts.faults;
    switch (action) {
      case 'Authorize': {
        const key = tokenKey(request.idToken);
        if (key !== undefined) authorizedBy(station).add(key);
        return response;
      }
      case 'TransactionEvent':
        transactionEvent(faults, station, request);
        return response;
      case 'MeterValues':
        if (faults.has('trigger.rejectMeterValuesOutsideTx') && !openTransactionOn(station, request.evseId)) {
          throw new SimCallError('GenericError', `no transaction runs on EVSE ${String(request.evseId)} to attach the meter values to`);
        }
        return response;
      case 'Heartbeat': {
        const bootAt = station.lastBoot ? Date.parse(station.lastBoot.at) : Number.NaN;
        if (faults.has('trigger.rateLimitHeartbeat') && Date.now() - bootAt < ctx.opts.heartbeatIntervalS * 1000) {
          throw new SimCallError('SecurityError', 'heartbeat sooner than the heartbeat interval');
        }
        return response;
      }
      case 'StatusNotification':
        if (statusRepeated(station, request) && faults.has('trigger.rejectUnchangedStatus')) {
          throw new SimCallError('GenericError', `connector status ${String(request.connectorStatus)} was reported already`);
        }
        return response;
      case 'LogStatusNotification':
      case 'FirmwareStatusNotification':
        if (faults.has('trigger.requireStatusRequestId') && request.requestId === undefined) {
          throw new SimCallError('OccurrenceConstraintViolation', `${action} without requestId`);
        }
        return response;
      default:
        return response;
    }
  },
  outgoing(faults, action, payload) {
    if (action === 'RequestStartTransaction' && faults.has('remoteStart.centralTokenType') && payload.idToken !== undefined) {
      payload.idToken = { ...obj(payload.idToken), type: 'Central' };
    }
    if (action === 'UnlockConnector') {
      if (faults.has('unlock.legacyPayload')) delete payload.evseId;
      if (faults.has('unlock.zeroBasedConnector') && typeof payload.connectorId === 'number') payload.connectorId -= 1;
    }
    if (action === 'TriggerMessage') {
      if (faults.has('trigger.dropEvse')) delete payload.evse;
      if (faults.has('trigger.emptyEvse') && payload.evse === undefined) payload.evse = {};
    }
  },
};
